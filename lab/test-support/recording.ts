import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A small reader for lab recordings, independent of the product's engine. */
export type Row = Record<string, unknown>;

export const RECORDINGS_DIR = resolve(__dirname, '../recordings');

export interface Recording {
  dir: string;
  manifest: Record<string, any>;
  http: HttpRow[];
  console: ConsoleRow[];
  platform: PlatformRow[];
  columns: Record<string, Array<{ name: string; type: string }>>;
  bytes: Record<string, number>;
  metrics: RecordedMetrics;
}

/** A metric point of the lab's metric files: epoch ms and the aggregation the metric carries. */
export interface MetricPoint {
  t: number;
  value: number | undefined;
}

/** Per metric name, per instance: the points in time order. */
export type RecordedMetrics = Record<string, Record<string, MetricPoint[]>>;

export const METRIC_FILES = ['PlatformMetrics.json', 'SiteMetrics.json'] as const;

export interface HttpRow {
  end: number;
  start: number;
  path: string;
  query: string;
  status: number;
  timeTaken: number;
  instance: string;
}

export interface ConsoleRow {
  t: number;
  level: string;
  host: string;
  text: string;
}

export interface PlatformRow {
  t: number;
  level: string;
  message: string;
  host: string;
}

export const TABLES = ['AppServiceHTTPLogs', 'AppServiceConsoleLogs', 'AppServicePlatformLogs'] as const;

/** "2026-04-04T05:35:37.9612345Z" → epoch ms (fraction kept beyond the millisecond). */
export function parseTime(value: unknown): number {
  const m = typeof value === 'string' ? /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,7}))?Z$/.exec(value) : null;
  if (!m) {
    throw new Error(`not a Log Analytics datetime: ${JSON.stringify(value)}`);
  }
  return Date.parse(`${m[1]}Z`) + Number(`0.${m[2] ?? '0'}`) * 1000;
}

function readRows(path: string): { columns: Array<{ name: string; type: string }>; rows: Row[] } {
  const parsed = JSON.parse(readFileSync(path, 'utf8'));
  const table = parsed?.tables?.[0];
  if (!table || !Array.isArray(table.columns) || !Array.isArray(table.rows)) {
    throw new Error(`${path}: not a {tables:[{columns,rows}]} response`);
  }
  const names: string[] = table.columns.map((c: { name: string }) => c.name);
  return {
    columns: table.columns,
    rows: table.rows.map((r: unknown[]) => Object.fromEntries(names.map((n, i) => [n, r[i]]))),
  };
}

/** "2026-04-04T05:35:37+00:00" (az's metric time stamps) → epoch ms. */
export function parseMetricTime(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/.test(value)) {
    throw new Error(`not an az metric time stamp: ${JSON.stringify(value)}`);
  }
  return Date.parse(value);
}

/** Both metric files of a recording: namespace and interval checked, every series keyed by its Instance value. */
export function readMetrics(dir: string): RecordedMetrics {
  const out: RecordedMetrics = {};
  for (const file of METRIC_FILES) {
    const body = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const namespace = file === 'PlatformMetrics.json' ? 'Microsoft.Web/serverFarms' : 'Microsoft.Web/sites';
    if (body.interval !== 'PT1S' || body.namespace !== namespace || !Array.isArray(body.value)) {
      throw new Error(`${dir}/${file}: not a PT1S ${namespace} metrics list`);
    }
    for (const metric of body.value) {
      const name: string = metric.name.value;
      const aggregation = name === 'Requests' || name === 'Http5xx' ? 'total' : 'average';
      out[name] = {};
      for (const series of metric.timeseries) {
        const instance = series.metadatavalues.find((m: { name: { value: string } }) => m.name.value === 'Instance').value;
        out[name][instance] = series.data.map((p: Record<string, unknown>) => ({ t: parseMetricTime(p.timeStamp), value: p[aggregation] as number | undefined }));
      }
    }
  }
  return out;
}

export function readRecording(dir: string): Recording {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`no recording at ${dir}`);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const tables = Object.fromEntries(TABLES.map((t) => [t, readRows(join(dir, `${t}.json`))]));
  const http = tables.AppServiceHTTPLogs.rows.map((r) => {
    const end = parseTime(r.TimeGenerated);
    const timeTaken = r.TimeTaken as number;
    return {
      end,
      start: end - timeTaken,
      path: String(r.CsUriStem),
      query: String(r.CsUriQuery ?? ''),
      status: r.ScStatus as number,
      timeTaken,
      instance: String(r.ComputerName),
    };
  });
  const consoleRows = tables.AppServiceConsoleLogs.rows
    .map((r) => ({ t: parseTime(r.TimeGenerated), level: String(r.Level), host: String(r.Host), text: String(r.ResultDescription) }))
    .reverse(); // files are newest first; oldest first reads like a log
  const platform = tables.AppServicePlatformLogs.rows
    .map((r) => ({ t: parseTime(r.TimeGenerated), level: String(r.Level), message: String(r.Message), host: String(r.Host) }))
    .reverse();
  return {
    dir,
    manifest,
    http,
    console: consoleRows,
    platform,
    columns: Object.fromEntries(TABLES.map((t) => [t, tables[t].columns])),
    bytes: Object.fromEntries([...TABLES.map((t) => `${t}.json`), ...METRIC_FILES].map((f) => [f, statSync(join(dir, f)).size])),
    metrics: readMetrics(dir),
  };
}
