// Azure Monitor metric files in an export folder: what `az monitor metrics list` prints (a
// Metrics - List body) or a saved metrics:getBatch reply. They hold one point per grain per series —
// kilobytes to a few MB — so the whole file is parsed at once, up to a size cap.
import fs from 'node:fs';
import { looksLikeMetricsResponse, parseMetricsResponse, type MetricsInput, type MetricSeriesInput } from '../../engine';

/** A week of PT1M points for 5 metrics on 20 instances is ~70 MB of JSON; a file beyond this is not a metrics export. */
export const MAX_METRICS_FILE_BYTES = 64 * 1024 * 1024;

export interface MetricsFileResult {
  metrics?: MetricsInput;
  /** What was used, for the per-file report, e.g. `CpuPercentage ×2 instances, MemoryPercentage ×2 instances`. */
  used?: string;
  points?: number;
  /** Why the file could not be used at all. */
  problem?: string;
}

/** `CpuPercentage ×2 instances, Requests (whole site)` — per metric, in the order first seen. */
export function describeMetrics(series: readonly MetricSeriesInput[]): string {
  const byName = new Map<string, { instances: Set<string>; whole: boolean }>();
  for (const item of series) {
    const entry = byName.get(item.name) ?? { instances: new Set<string>(), whole: false };
    if (item.instance === undefined) {
      entry.whole = true;
    } else {
      entry.instances.add(item.instance);
    }
    byName.set(item.name, entry);
  }
  return [...byName.entries()]
    .map(([name, { instances, whole }]) => {
      const parts = [
        ...(instances.size > 0 ? [`×${instances.size} instance${instances.size === 1 ? '' : 's'}`] : []),
        ...(whole ? ['(whole resource)'] : []),
      ];
      return `${name} ${parts.join(' ')}`;
    })
    .join(', ');
}

export async function readMetricsFile(file: string, displayName: string): Promise<MetricsFileResult> {
  const { size } = await fs.promises.stat(file);
  if (size > MAX_METRICS_FILE_BYTES) {
    return { problem: `${size} bytes is more than the ${MAX_METRICS_FILE_BYTES} read whole for a metrics file; split the export (e.g. one day per file)` };
  }
  let body: unknown;
  try {
    body = JSON.parse((await fs.promises.readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    return { problem: `not valid JSON${position ? ` (at character ${position})` : ''}` };
  }
  if (!looksLikeMetricsResponse(body)) {
    return { problem: 'not an Azure Monitor metrics reply (expected `az monitor metrics list` output or a metrics:getBatch body)' };
  }
  const metrics = parseMetricsResponse(body, displayName);
  const points = metrics.series.reduce((sum, series) => sum + series.points.length, 0);
  if (metrics.series.length === 0) {
    return { metrics, points, problem: `no usable metric series${metrics.issues.length ? `: ${metrics.issues[0].message}` : ''}` };
  }
  return { metrics, points, used: describeMetrics(metrics.series) };
}

/** All metric files of a folder as one input: series and issues side by side, in file order. */
export function mergeMetrics(parts: readonly MetricsInput[]): MetricsInput | undefined {
  if (parts.length === 0) {
    return undefined;
  }
  return { series: parts.flatMap((part) => part.series), issues: parts.flatMap((part) => part.issues) };
}

/** The request's instance filter on metric series; a series over the whole resource is always kept. */
export function filterMetricsByInstance(metrics: MetricsInput, instances: readonly string[] | undefined): MetricsInput {
  if (!instances || instances.length === 0) {
    return metrics;
  }
  const allowed = new Set(instances);
  return { ...metrics, series: metrics.series.filter((series) => series.instance === undefined || allowed.has(series.instance)) };
}
