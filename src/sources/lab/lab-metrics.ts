// A lab recording's platform metrics: PlatformMetrics.json (CPU and memory of the instance's Gunicorn
// process tree, measured) and SiteMetrics.json (requests, 5xx and response time, computed from the access
// log), both in the `az monitor metrics list` shape, parsed by the engine's own parser.
import fs from 'node:fs';
import path from 'node:path';
import { parseMetricsResponse, type MetricsInput } from '../../engine';

export const LAB_METRIC_FILES = ['PlatformMetrics.json', 'SiteMetrics.json'] as const;

export function isLabMetricsFile(name: string): boolean {
  return (LAB_METRIC_FILES as readonly string[]).includes(name);
}

/** Undefined when the recording has no metric files (recorded before the lab measured them). */
export async function readLabMetrics(dir: string, scenario: string): Promise<MetricsInput | undefined> {
  const out: MetricsInput = { series: [], issues: [] };
  let found = false;
  for (const file of LAB_METRIC_FILES) {
    const where = `lab:${scenario}/${file}`;
    let text: string;
    try {
      text = await fs.promises.readFile(path.join(dir, file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        out.issues.push({ where, message: `could not be read: ${(error as Error).message}` });
      }
      continue;
    }
    found = true;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      out.issues.push({ where, message: `not valid JSON (${(error as Error).message})` });
      continue;
    }
    const parsed = parseMetricsResponse(body, where);
    out.series.push(...parsed.series);
    out.issues.push(...parsed.issues);
  }
  return found ? out : undefined;
}

/** Keeps series of the requested instances (and those without an instance: the whole site or plan). */
export function filterMetricsByInstance(metrics: MetricsInput, instances: string[] | undefined): MetricsInput {
  if (!instances?.length) {
    return metrics;
  }
  const allowed = new Set(instances);
  return { ...metrics, series: metrics.series.filter((s) => s.instance === undefined || allowed.has(s.instance)) };
}
