// The report's platform metrics: per metric and instance the mean and highest value over the
// window with the per-bin means (for sparklines), the instance count's range, scale events and
// what could not be read. Absent from the report when the source had no metrics.
import type { BinnedMetric, MetricSignals } from '../model/metrics';
import { isoTime } from './iso-time';
import type { ReportMetricSeries, ReportMetrics } from './report-types';

const round = (value: number) => Math.round(value * 1000) / 1000;

function extremes(values: ReadonlyArray<number | null>): { min: number | null; max: number | null; mean: number | null } {
  const numbers = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (numbers.length === 0) {
    return { min: null, max: null, mean: null };
  }
  return { min: Math.min(...numbers), max: Math.max(...numbers), mean: round(numbers.reduce((sum, value) => sum + value, 0) / numbers.length) };
}

/** Metrics whose per-bin value is a sum of totals: their max is the busiest bin, on the same scale as the mean. */
const SUMMED: ReadonlySet<string> = new Set(['Requests', 'Http5xx']);

function perMetric(series: BinnedMetric): ReportMetricSeries {
  const values = extremes(series.values);
  const highest = SUMMED.has(series.name) ? values.max : (extremes(series.max).max ?? values.max);
  const total = SUMMED.has(series.name) ? { total: round(series.values.reduce<number>((sum, value) => sum + (value ?? 0), 0)) } : {};
  return { name: series.name, unit: series.unit, instance: series.instance, mean: values.mean, max: highest === null ? null : round(highest), ...total, points: series.values };
}

export function metricsSection(metrics: MetricSignals | undefined): ReportMetrics | undefined {
  if (!metrics) {
    return undefined;
  }
  const count = extremes(metrics.instanceCount);
  return {
    origins: metrics.origins,
    instances: [...new Set(metrics.series.map((series) => series.instance).filter((instance) => instance !== ''))].sort(),
    perMetric: metrics.series.map(perMetric),
    instanceCount: { min: count.min, max: count.max },
    scaleEvents: metrics.scaleEvents.map((event) => ({ ...event, time: isoTime(event.time) })),
    issues: metrics.issues,
  };
}
