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
}

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
    bytes: Object.fromEntries(TABLES.map((t) => [t, statSync(join(dir, `${t}.json`)).size])),
  };
}
