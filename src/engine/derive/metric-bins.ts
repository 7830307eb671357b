// Platform metrics on the signals' bin grid: per (metric, instance) the bin's mean and median of point
// averages (Requests and Http5xx: the sum of point totals) and its highest maximum, the instances
// reporting per bin, and the scale events that the reporting instances show.
import { Marker } from '../model/findings';
import { TimeRange } from '../model/input';
import { BinnedMetric, METRIC_NAMES, MetricIssue, MetricName, MetricPoint, MetricsInput, MetricSignals, PLAN_METRICS } from '../model/metrics';
import { median } from './percentile';
import { findScaleEvents, scaleMarkers } from './scale-events';
import { BinnedWindow } from './window';

/** Metrics whose points are counts over the grain: a bin holds their sum, not their mean. */
const ADDITIVE_METRICS: readonly MetricName[] = ['Requests', 'Http5xx'];

interface Accumulator {
  name: MetricName;
  unit: string;
  instance: string;
  sum: Float64Array;
  count: Uint32Array;
  max: Float64Array;
  /** Per bin, the point values (for the median); only for metrics that are averaged. */
  points?: number[][];
}

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The value a point adds to its bin, and the value it offers as the bin's maximum. */
function pointValues(name: MetricName, point: MetricPoint): { value?: number; peak?: number } {
  if (ADDITIVE_METRICS.includes(name)) {
    // A count metric's own maximum is the largest single sample, not a count: the bin's peak is the largest point total.
    return { value: finite(point.total) ? point.total : undefined, peak: finite(point.total) ? point.total : undefined };
  }
  const value = finite(point.average) ? point.average : undefined;
  return { value, peak: finite(point.maximum) ? point.maximum : value };
}

/** First to last point of every series. */
export function metricsSpan(input: MetricsInput | undefined): TimeRange | undefined {
  let from = Infinity;
  let to = -Infinity;
  for (const series of input?.series ?? []) {
    for (const point of series.points) {
      if (Number.isFinite(point.time)) {
        from = Math.min(from, point.time);
        to = Math.max(to, point.time);
      }
    }
  }
  return from <= to ? { from, to } : undefined;
}

export interface BinnedMetrics {
  metrics: MetricSignals;
  /** One `scale-out` / `scale-in` marker per scale event inside the window. */
  markers: Marker[];
}

export function binMetrics(input: MetricsInput, window: BinnedWindow): BinnedMetrics {
  const issues: MetricIssue[] = [...input.issues];
  const accumulators = new Map<string, Accumulator>();
  const reporting: Array<Set<string>> = Array.from({ length: window.bins }, () => new Set<string>());
  for (const series of input.series) {
    const instance = series.instance ?? '';
    if (!(series.grainMs > 0)) {
      issues.push({ where: series.origin, message: `${series.name}${instance ? ` Instance=${instance}` : ''}: time grain ${series.grainMs} ms is not positive; scale events not read from it` });
    }
    const key = `${series.name}\u0000${instance}`;
    let accumulator = accumulators.get(key);
    if (!accumulator) {
      accumulator = {
        name: series.name,
        unit: series.unit,
        instance,
        sum: new Float64Array(window.bins),
        count: new Uint32Array(window.bins),
        max: new Float64Array(window.bins).fill(-Infinity),
        ...(ADDITIVE_METRICS.includes(series.name) ? {} : { points: Array.from({ length: window.bins }, () => []) }),
      };
      accumulators.set(key, accumulator);
    } else if (accumulator.unit !== series.unit && series.unit !== '') {
      issues.push({ where: series.origin, message: `${series.name}${instance ? ` Instance=${instance}` : ''}: unit ${series.unit} differs from ${accumulator.unit} of an earlier series; values merged as ${accumulator.unit}` });
    }
    const isPlanMetric = (PLAN_METRICS as readonly string[]).includes(series.name);
    for (const point of series.points) {
      const bin = Math.floor((point.time - window.from) / window.binMs);
      if (!(bin >= 0 && bin < window.bins)) {
        continue;
      }
      const { value, peak } = pointValues(series.name, point);
      if (value !== undefined) {
        accumulator.sum[bin] += value;
        accumulator.count[bin]++;
        accumulator.points?.[bin].push(value);
        if (isPlanMetric && instance !== '') {
          reporting[bin].add(instance);
        }
      }
      if (peak !== undefined) {
        accumulator.max[bin] = Math.max(accumulator.max[bin], peak);
      }
    }
  }
  const additive = (name: MetricName) => ADDITIVE_METRICS.includes(name);
  const series: BinnedMetric[] = [...accumulators.values()]
    .sort((a, b) => METRIC_NAMES.indexOf(a.name) - METRIC_NAMES.indexOf(b.name) || a.instance.localeCompare(b.instance))
    .map((accumulator) => ({
      name: accumulator.name,
      unit: accumulator.unit,
      instance: accumulator.instance,
      values: Array.from(accumulator.sum, (sum, bin) => {
        const count = accumulator.count[bin];
        return count === 0 ? null : additive(accumulator.name) ? sum : sum / count;
      }),
      max: Array.from(accumulator.max, (max) => (max === -Infinity ? null : max)),
      ...(accumulator.points ? { median: accumulator.points.map(median) } : {}),
    }));
  const scale = findScaleEvents(input.series).filter((finding) => finding.event.time >= window.from && finding.event.time < window.to);
  const span = metricsSpan(input);
  return {
    metrics: {
      series,
      instanceCount: reporting.map((instances) => (instances.size === 0 ? null : instances.size)),
      scaleEvents: scale.map((finding) => finding.event),
      ...(span ? { span } : {}),
      origins: [...new Set(input.series.map((item) => item.origin))],
      issues,
    },
    markers: scaleMarkers(scale),
  };
}
