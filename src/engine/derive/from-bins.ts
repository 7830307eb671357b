// deriveFromBins: the same Signals from the pushed-down `HttpBins` aggregate (CONTRACTS.md), for
// sources that let Log Analytics do the counting. KQL percentiles are estimates: `percentiles: "estimated"`.
import { EndpointStats } from '../model/findings';
import { HttpTable } from '../model/http-table';
import { LogTable } from '../model/input';
import { KeyedSeries, Series, Totals } from '../model/series';
import { DeriveOptions, Signals } from '../model/signals';
import { MetricsInput } from '../model/metrics';
import { DeploymentHistory } from '../model/deployments';
import { ParsedLogs } from '../parse/parse-logs';
import { cellNumber, cellText, findColumn } from '../table/columns';
import { mergeRowIssues, RowIssueCollector, tableLabel } from '../table/row-issues';
import { toEpochMs } from '../table/timestamp';
import { derive } from './derive';
import { metricsSpan } from './metric-bins';
import { findActivityRuns } from './runs';
import { errorPercent, PERCENTILE_SLOTS, SeriesGrid } from './series-grid';
import { StatusClass, STATUS_CLASS_COUNT } from './status-class';
import { binWindow, DEFAULT_BIN_MS } from './window';

const COUNT_COLUMNS = ['requests', 's2xx', 's3xx', 's4xx', 's5xx', 's499', 's500', 's502', 's503', 's504'] as const;
const PERCENTILE_COLUMNS = ['p50', 'p95', 'p99', 'max'] as const;

export interface BinsInput {
  /** One or more `HttpBins` tables. */
  bins: LogTable[];
  /** Raw 499 rows (for clusters), when the source fetched them. */
  aborts?: HttpTable;
  logs?: ParsedLogs;
  /** The site's deployment history, when a source could read it. */
  deploymentHistory?: DeploymentHistory;
  /** Platform metrics (Azure Monitor, `az monitor metrics list` files, lab recordings). */
  metrics?: MetricsInput;
}

interface BinRow {
  bin: number;
  path: string;
  instance: string;
  counts: Record<(typeof COUNT_COLUMNS)[number], number>;
  percentiles: Array<number | null>;
}

function readBinRows(tables: LogTable[], issues: RowIssueCollector): BinRow[] {
  const result: BinRow[] = [];
  tables.forEach((table, batch) => {
    const label = tableLabel('bins', table.name, batch);
    const rows = Array.isArray(table.rows) ? table.rows : [];
    const binColumn = findColumn(table, 'bin');
    const counts = COUNT_COLUMNS.map((name) => findColumn(table, name));
    const missing = ['bin', ...COUNT_COLUMNS].filter((_, i) => (i === 0 ? binColumn : counts[i - 1]) < 0);
    if (missing.length > 0) {
      issues.add('bins', label, -1, 'missing-column', `no ${missing.join(', ')} column; all ${rows.length} rows skipped`, rows.length);
      return;
    }
    const pathColumn = findColumn(table, 'path');
    const instanceColumn = findColumn(table, 'instance');
    const percentileColumns = PERCENTILE_COLUMNS.map((name) => findColumn(table, name));
    rows.forEach((row, r) => {
      if (!Array.isArray(row)) {
        issues.add('bins', label, r, 'bad-row-shape', 'row is not an array');
        return;
      }
      const bin = toEpochMs(row[binColumn]);
      if (Number.isNaN(bin)) {
        issues.add('bins', label, r, 'bad-time', `bin ${JSON.stringify(row[binColumn])} is not a timestamp`);
        return;
      }
      const values = counts.map((column) => cellNumber(row, column));
      const bad = values.findIndex((value) => !(value >= 0));
      if (bad >= 0) {
        issues.add('bins', label, r, 'bad-count', `${COUNT_COLUMNS[bad]} ${JSON.stringify(row[counts[bad]])} is not a count`);
        return;
      }
      const percentiles = percentileColumns.map((column) => {
        const value = column < 0 ? NaN : cellNumber(row, column);
        return Number.isNaN(value) ? null : value;
      });
      result.push({
        bin,
        path: cellText(row, pathColumn) ?? '',
        instance: cellText(row, instanceColumn) ?? '',
        counts: Object.fromEntries(COUNT_COLUMNS.map((name, i) => [name, values[i]])) as BinRow['counts'],
        percentiles,
      });
    });
  });
  return result;
}

/** Writes one aggregate row into a grid cell, splitting its counts into the engine's status classes. */
function fillCell(grid: SeriesGrid, key: number, bin: number, row: BinRow): void {
  const c = row.counts;
  const base = (key * grid.bins + bin) * STATUS_CLASS_COUNT;
  const named5xx = c.s500 + c.s502 + c.s503 + c.s504;
  grid.counts[base + StatusClass.S2xx] += c.s2xx;
  grid.counts[base + StatusClass.S3xx] += c.s3xx;
  grid.counts[base + StatusClass.S4xxOther] += Math.max(0, c.s4xx - c.s499);
  grid.counts[base + StatusClass.S499] += c.s499;
  grid.counts[base + StatusClass.S500] += c.s500;
  grid.counts[base + StatusClass.S502] += c.s502;
  grid.counts[base + StatusClass.S503] += c.s503;
  grid.counts[base + StatusClass.S504] += c.s504;
  grid.counts[base + StatusClass.S5xxOther] += Math.max(0, c.s5xx - named5xx);
  grid.counts[base + StatusClass.Other] += Math.max(0, c.requests - c.s2xx - c.s3xx - c.s4xx - c.s5xx);
  row.percentiles.forEach((value, slot) => {
    grid.percentiles[(key * grid.bins + bin) * PERCENTILE_SLOTS + slot] = value ?? NaN;
  });
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Request-weighted mean of per-bin values: the best whole-window estimate the aggregates allow. */
function weightedMean(values: Array<number | null>, weights: number[]): number | null {
  let total = 0;
  let weight = 0;
  values.forEach((value, i) => {
    if (value !== null && weights[i] > 0) {
      total += value * weights[i];
      weight += weights[i];
    }
  });
  return weight === 0 ? null : total / weight;
}

function endpointFromSeries({ key, requests, series }: KeyedSeries): EndpointStats {
  const err5xx = sum(series.err5xx);
  const s499 = sum(series.s499);
  const maxima = series.max.filter((value): value is number => value !== null);
  return {
    path: key, requests, err5xx, errPct: errorPercent(err5xx, requests), s499, failPct: errorPercent(err5xx + s499, requests),
    p50: weightedMean(series.p50, series.requests), p95: weightedMean(series.p95, series.requests),
    p99: weightedMean(series.p99, series.requests), max: maxima.length ? maxima.reduce((max, value) => Math.max(max, value)) : null,
  };
}

function splitSeries(rows: BinRow[], keyOf: (row: BinRow) => string, bins: number, from: number, binMs: number): KeyedSeries[] {
  const names = [...new Set(rows.map(keyOf))];
  const grid = new SeriesGrid(Math.max(1, names.length), bins);
  for (const row of rows) {
    fillCell(grid, names.indexOf(keyOf(row)), Math.round((row.bin - from) / binMs), row);
  }
  return names
    .map((key, slot) => ({ key, requests: grid.totalRequests(slot), series: grid.toSeries(slot, from, binMs) }))
    .filter((keyed) => keyed.requests > 0)
    .sort((a, b) => b.requests - a.requests || a.key.localeCompare(b.key));
}

export function deriveFromBins(input: BinsInput, options: DeriveOptions = {}): Signals {
  const issues = new RowIssueCollector();
  const binMs = options.binMs ?? DEFAULT_BIN_MS;
  const all = readBinRows(input.bins, issues);
  const aligned = all.filter((row, index) => {
    if (row.bin % binMs === 0) {
      return true;
    }
    issues.add('bins', 'bins', index, 'bad-time', `bin ${new Date(row.bin).toISOString()} is not aligned to ${binMs} ms bins`);
    return false;
  });
  const span = aligned.length
    ? { from: aligned.reduce((min, r) => Math.min(min, r.bin), Infinity), to: aligned.reduce((max, r) => Math.max(max, r.bin), -Infinity) }
    : undefined;
  const nothingElse = !span && !input.aborts?.length && !input.logs?.events.length;
  const window = options.window ? binWindow(options.window, binMs, false) : binWindow(span ?? (nothingElse ? metricsSpan(input.metrics) : undefined), binMs, true);
  const rows = aligned.filter((row) => row.bin >= window.from && row.bin < window.to);
  rows
    .filter((row) => row.path !== '' && row.instance !== '')
    .forEach((row) => issues.add('bins', 'bins', -1, 'unsupported-split', `row for ${row.path} on ${row.instance} is split by both path and instance; not used`));
  const base = derive({ http: input.aborts, logs: input.logs, deploymentHistory: input.deploymentHistory, metrics: input.metrics }, { ...options, window: { from: window.from, to: window.to }, binMs });
  const total = splitSeries(rows.filter((r) => r.path === '' && r.instance === ''), () => '', window.bins, window.from, binMs);
  const series: Series = total[0]?.series ?? new SeriesGrid(1, window.bins).toSeries(0, window.from, binMs);
  const byPath = splitSeries(rows.filter((r) => r.path !== '' && r.instance === ''), (r) => r.path, window.bins, window.from, binMs);
  const byInstance = splitSeries(rows.filter((r) => r.path === '' && r.instance !== ''), (r) => r.instance, window.bins, window.from, binMs);
  const requests = sum(series.requests);
  const err5xx = sum(series.err5xx);
  const totals: Totals = { rows: rows.length, requests, err5xx, errPct: errorPercent(err5xx, requests), s499: sum(series.s499), scmRequests: 0, outsideWindow: aligned.length - rows.length };
  const first = Float64Array.from(series.requests, (count, bin) => (count > 0 ? window.from + bin * binMs : NaN));
  const last = Float64Array.from(series.requests, (count, bin) => (count > 0 ? window.from + (bin + 1) * binMs - 1 : NaN));
  return {
    ...base,
    percentiles: 'estimated',
    totals,
    series,
    byPath,
    byInstance,
    endpoints: byPath.map(endpointFromSeries),
    divergences: [],
    runs: findActivityRuns(first, last, series.requests),
    issues: mergeRowIssues([base.issues, issues.snapshot()]),
    coverage: base.coverage && { ...base.coverage, http: span && { from: span.from, to: span.to + binMs } },
  };
}
