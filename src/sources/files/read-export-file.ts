// Reads one exported file into App Service tables, streaming it (a 1 GB export is never parsed
// whole), and accounts for every row: loaded, or skipped with a reason.
import fs from 'node:fs';
import path from 'node:path';
import type { LogColumn, LogTable, MetricsInput } from '../../engine';
import type { SiteConfigInput } from '../../engine/config';
import type { FileReport, SourceTable } from '../source';
import { CsvRecordReader } from './csv';
import { JsonSyntaxError, JsonValueScanner, type JsonPathStep } from './json-stream';
import { kustoTypeOf, normaliseHeader, tableKindOf, typedCell } from './known-columns';
import { instanceFromFileName, looksLikePlatformLog, splitRawLine, type RawLogRow } from './raw-log-lines';
import { readMetricsFile } from './metrics-file';
import { readSiteConfigFile } from './site-config-file';
import { sniffFormat, type FileFormat } from './sniff-format';

const HEAD_BYTES = 64 * 1024;
const CHUNK_BYTES = 1024 * 1024;

export interface ExportFileResult {
  tables: SourceTable[];
  report: FileReport;
  /** Site configuration (allow-listed) when the file is a web config or an app settings list. */
  siteConfig?: SiteConfigInput;
  /** Platform metrics when the file is `az monitor metrics list` output or a metrics:getBatch reply. */
  metrics?: MetricsInput;
}

class Tally {
  loaded = 0;
  readonly skipped: Record<string, number> = {};
  skip(reason: string, count = 1) {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + count;
  }
}

async function readHead(file: string): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

async function streamText(file: string, onChunk: (text: string) => void): Promise<void> {
  const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  for await (const chunk of stream) {
    onChunk((chunk as string).replace(/^\uFEFF/, ''));
  }
}

async function streamLines(file: string, onLine: (line: string, lineNumber: number) => void): Promise<void> {
  let rest = '';
  let lineNumber = 0;
  await streamText(file, (chunk) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) {
      onLine(part.replace(/\r$/, ''), ++lineNumber);
    }
  });
  if (rest !== '') {
    onLine(rest.replace(/\r$/, ''), ++lineNumber);
  }
}

/** Feeds the whole file to the scanner; a truncated or malformed document returns why, keeping what was read. */
async function scanFile(file: string, scanner: JsonValueScanner): Promise<string | undefined> {
  try {
    await streamText(file, (chunk) => scanner.push(chunk));
    scanner.end();
    return undefined;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) {
      throw error;
    }
    return error.message;
  }
}

/** Log Analytics REST response: `{tables:[{name, columns, rows}]}` in any key order. */
async function readLogAnalytics(file: string, tally: Tally): Promise<{ tables: LogTable[]; truncated?: string }> {
  const tables: Array<{ name: string; columns?: LogColumn[]; rows: unknown[][] }> = [];
  const tableAt = (index: number) => (tables[index] ??= { name: `table ${index}`, rows: [] });
  const isTableChild = (p: readonly JsonPathStep[]) => p.length >= 3 && p[0].key === 'tables' && p[1].container === 'array';
  const scanner = new JsonValueScanner(
    (p) =>
      (p.length === 3 && isTableChild(p) && (p[2].key === 'name' || p[2].key === 'columns')) ||
      (p.length === 4 && isTableChild(p) && p[2].key === 'rows'),
    (p, text) => {
      const table = tableAt(p[1].key as number);
      const value = JSON.parse(text);
      if (p.length === 4) {
        table.rows.push(value);
      } else if (p[2].key === 'name') {
        table.name = String(value);
      } else {
        table.columns = value;
      }
    }
  );
  const truncated = await scanFile(file, scanner);
  const complete: LogTable[] = [];
  for (const table of tables) {
    if (!Array.isArray(table.columns)) {
      tally.skip('table without a columns list', table.rows.length);
      continue;
    }
    const width = table.columns.length;
    const rows = table.rows.filter((row) => Array.isArray(row) && row.length === width);
    tally.skip(`row is not an array of ${width} values`, table.rows.length - rows.length);
    complete.push({ name: table.name, columns: table.columns, rows });
  }
  return { tables: complete, truncated };
}

/** Rows given as objects (az CLI JSON, JSON lines) → one table with the union of their keys. */
function objectsToTable(name: string, objects: Array<Record<string, unknown>>): LogTable {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const object of objects) {
    for (const key of Object.keys(object)) {
      if (!seen.has(key) && key !== 'TableName') {
        seen.add(key);
        names.push(key);
      }
    }
  }
  return {
    name,
    columns: names.map((n) => ({ name: n, type: kustoTypeOf(n) })),
    rows: objects.map((object) => names.map((n) => (typeof object[n] === 'string' ? typedCell(n, object[n] as string) : object[n] ?? null))),
  };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

async function readObjectArray(file: string, tally: Tally): Promise<{ tables: LogTable[]; truncated?: string }> {
  const objects: Array<Record<string, unknown>> = [];
  const scanner = new JsonValueScanner(
    (p) => p.length === 1 && p[0].container === 'array',
    (_p, text) => {
      const value = JSON.parse(text);
      if (isPlainObject(value)) {
        objects.push(value);
      } else {
        tally.skip('array item is not an object');
      }
    }
  );
  const truncated = await scanFile(file, scanner);
  return { tables: [objectsToTable('PrimaryResult', objects)], truncated };
}

async function readJsonLines(file: string, tally: Tally): Promise<{ tables: LogTable[] }> {
  const objects: Array<Record<string, unknown>> = [];
  await streamLines(file, (line) => {
    if (line.trim() === '') {
      return;
    }
    try {
      const value = JSON.parse(line);
      if (isPlainObject(value)) {
        objects.push(value);
      } else {
        tally.skip('line is JSON but not an object');
      }
    } catch {
      tally.skip('line is not valid JSON');
    }
  });
  return { tables: [objectsToTable('PrimaryResult', objects)] };
}

async function readCsv(file: string, tally: Tally): Promise<{ tables: LogTable[]; truncated?: string }> {
  let header: string[] | undefined;
  const rows: unknown[][] = [];
  const reader = new CsvRecordReader((fields) => {
    if (!header) {
      header = fields.map(normaliseHeader);
      return;
    }
    if (fields.length !== header.length) {
      tally.skip(`record has ${fields.length} fields, header has ${header.length}`);
      return;
    }
    rows.push(fields.map((text, i) => typedCell(header![i], text)));
  });
  await streamText(file, (chunk) => reader.push(chunk));
  const closed = reader.end();
  const columns = (header ?? []).map((name) => ({ name, type: kustoTypeOf(name) }));
  return { tables: [{ name: 'PrimaryResult', columns, rows }], truncated: closed ? undefined : 'file ends inside a quoted field' };
}

async function readRawLog(file: string, format: 'docker-log' | 'gunicorn-log', tally: Tally): Promise<{ tables: LogTable[] }> {
  const rows: RawLogRow[] = [];
  let previous: string | undefined;
  await streamLines(file, (line) => {
    const row = splitRawLine(format === 'docker-log' ? 'docker' : 'gunicorn', line, previous);
    if (!row) {
      if (line.trim() !== '') {
        tally.skip('line before the first timestamped line');
      }
      return;
    }
    previous = row.time;
    rows.push(row);
  });
  const platform = format === 'docker-log' && looksLikePlatformLog(rows.slice(0, 200).map((r) => r.text));
  const instance = instanceFromFileName(path.basename(file));
  const textColumn = platform ? 'Message' : 'ResultDescription';
  const columns: LogColumn[] = [
    { name: 'TimeGenerated', type: 'datetime' },
    { name: textColumn, type: 'string' },
    ...(instance ? [{ name: 'Host', type: 'string' }] : []),
  ];
  return {
    tables: [{ name: 'PrimaryResult', columns, rows: rows.map((r) => (instance ? [r.time, r.text, instance] : [r.time, r.text])) }],
  };
}

function readerFor(format: Exclude<FileFormat, 'arm-site-config' | 'az-appsettings-json' | 'azure-metrics'>, file: string, tally: Tally): Promise<{ tables: LogTable[]; truncated?: string }> {
  switch (format) {
    case 'log-analytics-json':
      return readLogAnalytics(file, tally);
    case 'az-cli-json':
      return readObjectArray(file, tally);
    case 'json-lines':
      return readJsonLines(file, tally);
    case 'csv':
      return readCsv(file, tally);
    case 'docker-log':
    case 'gunicorn-log':
      return readRawLog(file, format, tally);
  }
}

/** Reads one file; never throws on content (only on I/O errors the caller reports per file). */
export async function readExportFile(file: string, displayName = file): Promise<ExportFileResult> {
  const tally = new Tally();
  const report = (format: string, extra: Partial<FileReport> = {}): FileReport => ({
    file: displayName,
    format,
    rowsLoaded: tally.loaded,
    rowsSkipped: tally.skipped,
    ...extra,
  });
  const { size } = await fs.promises.stat(file);
  if (size === 0) {
    return { tables: [], report: report('unused', { reason: 'empty file (0 bytes): an unreadable export, not evidence that nothing happened' }) };
  }
  const sniffed = sniffFormat(await readHead(file));
  if (sniffed.format === 'unknown') {
    return { tables: [], report: report('unused', { reason: `unknown format: ${sniffed.reason}` }) };
  }
  if (sniffed.format === 'arm-site-config' || sniffed.format === 'az-appsettings-json') {
    const { siteConfig, used, problem } = await readSiteConfigFile(file, sniffed.format, displayName);
    return problem
      ? { tables: [], report: report('unused', { reason: `${sniffed.format}: ${problem}` }) }
      : { tables: [], report: report(sniffed.format, { used }), siteConfig };
  }
  if (sniffed.format === 'azure-metrics') {
    const { metrics, used, points, problem } = await readMetricsFile(file, displayName);
    tally.loaded = points ?? 0;
    const issues = metrics?.issues ?? [];
    const issueText = issues.length ? `${issues.length} metric issue(s): ${issues.slice(0, 3).map((issue) => `${issue.where}: ${issue.message}`).join('; ')}${issues.length > 3 ? '; …' : ''}` : undefined;
    if (problem) {
      return { tables: [], report: report('unused', { reason: `azure-metrics: ${problem}` }) };
    }
    return { tables: [], report: report(sniffed.format, { used, ...(issueText ? { reason: issueText } : {}) }), metrics };
  }
  const { tables, truncated } = await readerFor(sniffed.format, file, tally);
  const out: SourceTable[] = [];
  const reasons: string[] = truncated ? [`truncated or malformed: ${truncated}; rows before that point were kept`] : [];
  for (const table of tables) {
    const kind = tableKindOf(table.columns.map((c) => c.name));
    if (!kind) {
      tally.skip('table matches none of AppServiceHTTPLogs/ConsoleLogs/PlatformLogs', table.rows.length);
      reasons.push(`table "${table.name}" has columns ${table.columns.map((c) => c.name).join(', ') || '(none)'}: not an App Service table`);
      continue;
    }
    if (table.rows.length === 0) {
      reasons.push(`table "${table.name}" has no rows: no evidence either way`);
    }
    tally.loaded += table.rows.length;
    out.push({ kind, table, origin: displayName });
  }
  return {
    tables: out,
    report: report(sniffed.format, { table: out[0]?.kind, ...(reasons.length ? { reason: reasons.join('; ') } : {}) }),
  };
}
