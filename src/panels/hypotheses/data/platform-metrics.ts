// `metrics` frames → the platform lane's CPU and memory lines, and which instance the failures
// concentrate on (per-instance 5xx + 499 when the series are split by instance, else the 499
// clusters' instances and the worker timeouts and kills), so the lane can draw that one strong.
import type { DataFrame } from '@grafana/data';
import { FRAME } from '../../../shared/frame-contract';
import { column, framesNamed, numberAt, stringAt } from './frames';
import { PLATFORM_LANE_METRICS, type PlatformMetricName, type TimelineMetricLine, type TimelinePlatformMetrics } from './timeline.types';

function labelsOf(frame: DataFrame): Record<string, string> {
  return frame.fields.find((field) => field.name === 'value')?.labels ?? {};
}

export function metricLinesFromFrames(frames: DataFrame[]): TimelineMetricLine[] {
  return framesNamed(frames, FRAME.metrics).flatMap((frame) => {
    const { metric, instance = '' } = labelsOf(frame);
    const time = column(frame, 'time');
    if (!time || time.length === 0 || !PLATFORM_LANE_METRICS.includes(metric as PlatformMetricName)) {
      return [];
    }
    const value = column(frame, 'value');
    const order = time.map((_, row) => row).sort((a, b) => Number(time[a]) - Number(time[b]));
    return [{ metric: metric as PlatformMetricName, instance, time: order.map((row) => Number(time[row])), values: order.map((row) => numberAt(value, row)) }];
  });
}

/** Failures per instance: 5xx + 499 from series frames split by instance. */
function failuresFromSeries(frames: DataFrame[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const frame of framesNamed(frames, FRAME.series)) {
    const instance = frame.fields.find((field) => field.labels?.instance)?.labels?.instance;
    if (!instance) {
      continue;
    }
    for (const name of ['err5xx', 's499']) {
      const values = column(frame, name) ?? [];
      counts.set(instance, values.reduce<number>((sum, _, row) => sum + (numberAt(values, row) ?? 0), counts.get(instance) ?? 0));
    }
  }
  return counts;
}

const FAILURE_MARKERS = new Set(['worker-timeout', 'worker-kill']);

/** Without a split series: how often each instance appears in 499 clusters and worker timeouts / kills. */
function failuresFromEvents(frames: DataFrame[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (instance: string, weight: number) => instance && counts.set(instance, (counts.get(instance) ?? 0) + weight);
  for (const frame of framesNamed(frames, FRAME.clusters)) {
    const [instances, count] = [column(frame, 'instances'), column(frame, 'count')];
    (instances ?? []).forEach((_, row) => stringAt(instances, row).split(', ').forEach((instance) => add(instance, numberAt(count, row) ?? 1)));
  }
  for (const frame of framesNamed(frames, FRAME.markers)) {
    const [kind, instance] = [column(frame, 'kind'), column(frame, 'instance')];
    (kind ?? []).forEach((_, row) => FAILURE_MARKERS.has(stringAt(kind, row)) && add(stringAt(instance, row), 1));
  }
  return counts;
}

/** The instance with the most failures, when it has strictly more than any other. */
export function failingInstance(frames: DataFrame[], candidates: readonly string[]): string | undefined {
  const bySeries = failuresFromSeries(frames);
  return mostFailing(bySeries.size > 0 ? bySeries : failuresFromEvents(frames), candidates);
}

export function mostFailing(counts: ReadonlyMap<string, number>, candidates: readonly string[]): string | undefined {
  const ranked = candidates.map((instance) => ({ instance, count: counts.get(instance) ?? 0 })).sort((a, b) => b.count - a.count);
  if (ranked.length === 0 || ranked[0].count === 0 || (ranked.length > 1 && ranked[1].count === ranked[0].count)) {
    return undefined;
  }
  return ranked[0].instance;
}

export function platformFromFrames(frames: DataFrame[]): TimelinePlatformMetrics | undefined {
  const lines = metricLinesFromFrames(frames);
  if (lines.length === 0) {
    return undefined;
  }
  const instances = [...new Set(lines.map((line) => line.instance).filter((instance) => instance !== ''))];
  return { lines, failingInstance: failingInstance(frames, instances) };
}

/**
 * `CPU 97% · mem 55%` at one time, for the readout under the plot: the failing instance's lines,
 * else the highest value across instances. Empty when no line has a point in that bin.
 */
export function platformReadout(platform: TimelinePlatformMetrics, time: number): string {
  const at = (metric: PlatformMetricName) => {
    const lines = platform.lines.filter((line) => line.metric === metric && (platform.failingInstance === undefined || line.instance === platform.failingInstance));
    const values = lines.map((line) => line.values[line.time.indexOf(time)]).filter((value): value is number => typeof value === 'number');
    return values.length ? Math.max(...values) : undefined;
  };
  const cpu = at('CpuPercentage');
  const memory = at('MemoryPercentage');
  return [cpu === undefined ? '' : `CPU ${Math.round(cpu)}%`, memory === undefined ? '' : `mem ${Math.round(memory)}%`].filter(Boolean).join(' · ');
}
