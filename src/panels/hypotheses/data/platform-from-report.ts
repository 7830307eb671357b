// The report's metrics section → the same platform lane the panel draws from frames, for the
// Investigate page. The failing instance: most Http5xx (Azure Monitor, per instance) when the site
// metrics have them, else the instances of 499 clusters and worker timeouts / kills.
import type { DiagnosisReport } from '../../../engine/report/report-types';
import { mostFailing } from './platform-metrics';
import { PLATFORM_LANE_METRICS, type PlatformMetricName, type TimelinePlatformMetrics } from './timeline.types';

const FAILURE_MARKERS = new Set(['worker-timeout', 'worker-kill']);

function failureCounts(report: DiagnosisReport): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (instance: string, weight: number) => instance && counts.set(instance, (counts.get(instance) ?? 0) + weight);
  for (const series of report.metrics?.perMetric ?? []) {
    if (series.name === 'Http5xx' && series.instance) {
      add(series.instance, series.points.reduce<number>((sum, value) => sum + (value ?? 0), 0));
    }
  }
  if ([...counts.values()].some((count) => count > 0)) {
    return counts;
  }
  counts.clear();
  report.clusters.forEach((cluster) => cluster.instances.forEach((instance) => add(instance, cluster.count)));
  report.markers.filter((marker) => FAILURE_MARKERS.has(marker.kind)).forEach((marker) => add(marker.instance, 1));
  return counts;
}

export function platformFromReport(report: DiagnosisReport): TimelinePlatformMetrics | undefined {
  const time = report.series.time.map((iso) => Date.parse(iso));
  const lines = (report.metrics?.perMetric ?? [])
    .filter((series) => PLATFORM_LANE_METRICS.includes(series.name as PlatformMetricName))
    .map((series) => ({ metric: series.name as PlatformMetricName, instance: series.instance, time, values: series.points }));
  if (lines.length === 0) {
    return undefined;
  }
  const instances = [...new Set(lines.map((line) => line.instance).filter((instance) => instance !== ''))];
  return { lines, failingInstance: mostFailing(failureCounts(report), instances) };
}
