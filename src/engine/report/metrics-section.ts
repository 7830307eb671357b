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

function perMetric(series: BinnedMetric): ReportMetricSeries {
  const { mean } = extremes(series.values);
  const highest = extremes(series.max).max ?? extremes(series.values).max;
  return { name: series.name, unit: series.unit, instance: series.instance, mean, max: highest === null ? null : round(highest), points: series.values };
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
