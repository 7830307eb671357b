// Platform metric panels (Azure Monitor, per instance): CPU and memory against the failures,
// the instance count with scale events. The `metrics` query also answers the instance count and
// each metric's `max`; each panel keeps only the fields it draws.
import { UNIT } from './field-config';
import { barGauge, table, timeSeries, type PanelSpec } from './panels';
import { markers, platformMetrics } from './queries';
import type { MetricName } from '../../src/engine/model/metrics';

const BY_INSTANCE = '${__field.labels.instance}';
const only = (names: string[]) => [{ id: 'filterFieldsByName', options: { include: { names } } }];

/** CPU above this for minutes on the failing instance is what C1 reads as saturation. */
export const CPU_SATURATION_PERCENT = 85;

export function metricPerInstance(metric: Extract<MetricName, 'CpuPercentage' | 'MemoryPercentage'>, title: string, description: string, options: { field?: 'value' | 'max'; w?: number; h?: number } = {}): PanelSpec {
  return timeSeries({
    title,
    description,
    targets: [platformMetrics([metric])],
    transformations: only(['time', options.field ?? 'value']),
    unit: UNIT.percent,
    min: 0,
    max: 100,
    thresholdLine: metric === 'CpuPercentage' ? CPU_SATURATION_PERCENT : undefined,
    displayName: BY_INSTANCE,
    w: options.w,
    h: options.h,
  });
}

export function peakMetricByInstance(metric: Extract<MetricName, 'CpuPercentage' | 'MemoryPercentage'>, title: string, description: string, w?: number): PanelSpec {
  return barGauge({
    title,
    description,
    targets: [platformMetrics([metric])],
    transformations: only(['time', 'max']),
    calc: 'max',
    unit: UNIT.percent,
    displayName: BY_INSTANCE,
    w,
  });
}

export function instanceCount(description: string, options: { w?: number; h?: number } = {}): PanelSpec {
  return timeSeries({
    title: 'Instances reporting',
    description,
    targets: [platformMetrics(['CpuPercentage'], { scope: 'none' })],
    transformations: only(['time', 'instances']),
    unit: UNIT.count,
    min: 0,
    style: 'steps',
    w: options.w,
    h: options.h,
  });
}

export function scaleEventsTable(description: string, w?: number): PanelSpec {
  return table({
    w,
    title: 'Scale-out and scale-in',
    description,
    targets: [markers(['scale-out', 'scale-in'], { scope: 'none' })],
    transformations: [{ id: 'organize', options: { excludeByName: { timeEnd: true, tags: true, pid: true, cause: true }, indexByName: { time: 0, kind: 1, instance: 2, title: 3, text: 4 }, renameByName: {} } }],
    sortBy: { field: 'time', desc: true },
  });
}
