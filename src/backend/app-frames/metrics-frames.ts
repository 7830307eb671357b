// Platform metrics on the signals' bins → one `metrics` frame per metric and instance (labels
// metric=…, instance=…) and one `instance-count` frame. Numeric and labelled, so alert rules and
// expressions use them as they are; with no metrics, the same frames empty, a notice saying why.
import type { BinnedMetric, MetricName, MetricSignals, Signals } from '../../engine';
import { FRAME } from '../../shared/frame-contract';
import type { SourceKind } from '../../sources/source';
import type { Field, FieldConfig, Frame, Notice } from '../frames/frame';

export interface MetricsFrameOptions {
  refId: string;
  /** Which metrics; all when empty. */
  names: readonly MetricName[];
  /** Which instances; all (and the whole-plan series) when empty. */
  instances: readonly string[];
  /** Alert rules get `time` + `value` only: one numeric series per frame. */
  fromAlert: boolean;
}

/** Azure Monitor's unit names → Grafana's unit ids (Azure's unit is kept: seconds stay seconds). */
const GRAFANA_UNIT: Record<string, string> = {
  Percent: 'percent',
  Seconds: 's',
  MilliSeconds: 'ms',
  Count: 'short',
  CountPerSecond: 'reqps',
  Bytes: 'bytes',
  BytesPerSecond: 'Bps',
};

export function grafanaUnit(metric: Pick<BinnedMetric, 'name' | 'unit'>): string {
  if (GRAFANA_UNIT[metric.unit]) {
    return GRAFANA_UNIT[metric.unit];
  }
  if (metric.name.endsWith('Percentage')) {
    return 'percent';
  }
  return metric.name === 'HttpResponseTime' ? 's' : 'short';
}

function fieldConfig(metric: BinnedMetric, suffix: string): FieldConfig {
  const unit = grafanaUnit(metric);
  const who = metric.instance === '' ? '' : ` ${metric.instance}`;
  return { unit, displayNameFromDS: `${metric.name}${suffix}${who}`, ...(unit === 'percent' ? { min: 0, decimals: 1 } : {}) };
}

export function selectMetrics(metrics: MetricSignals, names: readonly MetricName[], instances: readonly string[]): BinnedMetric[] {
  return metrics.series.filter((series) => (names.length === 0 || names.includes(series.name)) && (instances.length === 0 || instances.includes(series.instance)));
}

function metricFrame(metric: BinnedMetric, time: readonly number[], options: MetricsFrameOptions): Frame {
  const labels = { metric: metric.name, instance: metric.instance };
  const fields: Field[] = [
    { name: 'time', type: 'time', values: time, nullable: false },
    { name: 'value', type: 'float64', values: metric.values, labels, config: fieldConfig(metric, ''), nullable: true },
  ];
  if (!options.fromAlert) {
    fields.push({ name: 'max', type: 'float64', values: metric.max, labels, config: fieldConfig(metric, ' max'), nullable: true });
  }
  return { name: FRAME.metrics, refId: options.refId, meta: { type: 'timeseries-wide', typeVersion: [0, 1] }, fields };
}

export function buildInstanceCountFrame(metrics: MetricSignals, time: readonly number[], refId: string): Frame {
  return {
    name: FRAME.instanceCount,
    refId,
    meta: { type: 'timeseries-wide', typeVersion: [0, 1] },
    fields: [
      { name: 'time', type: 'time', values: time, nullable: false },
      { name: 'instances', type: 'float64', values: metrics.instanceCount, nullable: true, config: { unit: 'short', decimals: 0, min: 0, displayNameFromDS: 'instances' } },
    ],
  };
}

const WHY_NO_METRICS: Record<SourceKind, string> = {
  lab: 'this lab recording has no PlatformMetrics.json or SiteMetrics.json (recorded before the lab measured CPU and memory); choose a recording that has them, e.g. c1-cpu-saturation',
  files: 'the folder holds no Azure Monitor metrics export; add the JSON that `az monitor metrics list` prints (or a metrics:getBatch reply) for the plan (CpuPercentage, MemoryPercentage) and the site',
  azure: 'Azure Monitor returned none for this range; the warnings below say why when they could not be read (the target must be the App Service site, and reading metrics needs "Monitoring Reader" or Reader on the site and on its App Service plan)',
};

export function metricsUnavailableText(source: SourceKind, description: string): string {
  return `Platform metrics are not available from ${description}: ${WHY_NO_METRICS[source]}.`;
}

/**
 * No series to show: an empty `metrics` frame (the carrier of the notice saying why) and, outside
 * alerting, an empty `instance-count` frame, so panels always see the same frames and fields.
 */
export function emptyMetricsFrames(options: MetricsFrameOptions, notices: Notice[]): Frame[] {
  const value = (name: string): Field => ({ name, type: 'float64', values: [], nullable: true });
  const metrics: Frame = {
    name: FRAME.metrics,
    refId: options.refId,
    meta: { type: 'timeseries-wide', typeVersion: [0, 1], notices },
    fields: [{ name: 'time', type: 'time', values: [], nullable: false }, value('value'), ...(options.fromAlert ? [] : [value('max')])],
  };
  if (options.fromAlert) {
    return [metrics];
  }
  const count: Frame = { name: FRAME.instanceCount, refId: options.refId, meta: { type: 'timeseries-wide', typeVersion: [0, 1] }, fields: [{ name: 'time', type: 'time', values: [], nullable: false }, value('instances')] };
  return [metrics, count];
}

/** Metric frames, then the instance count (left out in alert rules: every series there is the metric asked for). */
export function buildMetricsFrames(signals: Signals, options: MetricsFrameOptions, unavailable: () => string): Frame[] {
  const metrics = signals.metrics;
  const issues: Notice[] = (metrics?.issues ?? []).slice(0, 10).map((issue) => ({ severity: 'warning', text: `${issue.where}: ${issue.message}` }));
  if (!metrics || metrics.series.length === 0) {
    return emptyMetricsFrames(options, [{ severity: 'info', text: unavailable() }, ...issues]);
  }
  const chosen = selectMetrics(metrics, options.names, options.instances);
  if (chosen.length === 0) {
    const have = [...new Set(metrics.series.map((series) => `${series.name}${series.instance ? ` on ${series.instance}` : ''}`))].slice(0, 12).join(', ');
    return emptyMetricsFrames(options, [{ severity: 'info', text: `No metric series match the query's metrics and instances; this source has ${have}.` }, ...issues]);
  }
  const time = signals.series.time;
  const frames = chosen.map((metric) => metricFrame(metric, time, options));
  if (!options.fromAlert) {
    frames.push(buildInstanceCountFrame(metrics, time, options.refId));
  }
  if (issues.length > 0) {
    frames[0] = { ...frames[0], meta: { ...frames[0].meta, notices: issues } };
  }
  return frames;
}
