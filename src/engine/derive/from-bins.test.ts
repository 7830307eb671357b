import { LogTable } from '../model/input';
import { buildHttpTable } from '../table/http-table-builder';
import { corpusTable } from '../testing/fixtures';
import { derive } from './derive';
import { deriveFromBins } from './from-bins';

const BIN_COLUMNS = ['bin', 'path', 'instance', 'requests', 's2xx', 's3xx', 's4xx', 's5xx', 's499', 's500', 's502', 's503', 's504', 'p50', 'p95', 'p99', 'max'];

/** What the Azure source's KQL returns, computed here from raw rows (nearest rank stands in for KQL's estimate). */
function httpBinsFrom(raw: LogTable, binMs: number): LogTable {
  const column = (name: string) => raw.columns.findIndex((c) => c.name === name);
  const [time, path, status, taken, host] = ['TimeGenerated', 'CsUriStem', 'ScStatus', 'TimeTaken', 'CsHost'].map(column);
  const groups = new Map<string, { bin: number; path: string; instance: string; statuses: number[]; taken: number[] }>();
  for (const row of raw.rows) {
    if (String(row[host]).includes('.scm.')) {
      continue;
    }
    const bin = Math.floor(Date.parse(String(row[time])) / binMs) * binMs;
    for (const [p, i] of [['', ''], [String(row[path]), ''], ['', 'unknown']]) {
      const key = `${bin}|${p}|${i}`;
      const group = groups.get(key) ?? { bin, path: p, instance: i, statuses: [], taken: [] };
      group.statuses.push(Number(row[status]));
      group.taken.push(Number(row[taken]));
      groups.set(key, group);
    }
  }
  const rank = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil((p / 100) * values.length)) - 1];
  const count = (values: number[], test: (s: number) => boolean) => values.filter(test).length;
  return {
    name: 'HttpBins',
    columns: BIN_COLUMNS.map((name) => ({ name, type: name === 'bin' ? 'datetime' : name.startsWith('p') || name === 'max' ? 'real' : 'long' })),
    rows: [...groups.values()].map((g) => [
      new Date(g.bin).toISOString(), g.path, g.instance, g.statuses.length,
      count(g.statuses, (s) => s >= 200 && s < 300), count(g.statuses, (s) => s >= 300 && s < 400),
      count(g.statuses, (s) => s >= 400 && s < 500), count(g.statuses, (s) => s >= 500 && s < 600),
      count(g.statuses, (s) => s === 499), count(g.statuses, (s) => s === 500), count(g.statuses, (s) => s === 502),
      count(g.statuses, (s) => s === 503), count(g.statuses, (s) => s === 504),
      rank(g.taken, 50), rank(g.taken, 95), rank(g.taken, 99), Math.max(...g.taken),
    ]),
  };
}

describe('deriveFromBins', () => {
  it('gives the same series from HttpBins as derive gives from the raw rows (snat-exhaustion)', () => {
    const raw = corpusTable('snat-exhaustion', 'http');
    const http = buildHttpTable([raw]);
    const fromRows = derive({ http });
    const fromBins = deriveFromBins({ bins: [httpBinsFrom(raw, 60_000)] }, { window: fromRows.window });
    expect(fromBins.percentiles).toBe('estimated');
    expect(fromRows.percentiles).toBe('exact');
    expect(fromBins.series).toEqual(fromRows.series);
    expect(fromBins.byPath.map((k) => [k.key, k.requests])).toEqual(fromRows.byPath.map((k) => [k.key, k.requests]));
    expect(fromBins.byPath.find((k) => k.key === '/outbound')?.series).toEqual(fromRows.byPath.find((k) => k.key === '/outbound')?.series);
    expect(fromBins.totals).toMatchObject({ requests: fromRows.totals.requests, err5xx: 17, s499: fromRows.totals.s499 });
    expect(fromBins.runs.length).toBe(2);
  });

  it('takes clusters from the raw 499 rows the source fetched alongside', () => {
    const raw = corpusTable('intermittent-5xx', 'http');
    const aborts = buildHttpTable([{ ...raw, rows: raw.rows.filter((row) => row[2] === 499) }]);
    const signals = deriveFromBins({ bins: [httpBinsFrom(raw, 60_000)], aborts });
    expect(signals.clusters.map((c) => c.count)).toEqual([14, 6, 11]);
    expect(signals.totals.s499).toBe(31);
  });

  it('counts unusable aggregate rows by reason instead of throwing', () => {
    const good = httpBinsFrom(corpusTable('intermittent-5xx', 'http'), 60_000);
    const bad: LogTable = {
      ...good,
      rows: [
        ...good.rows,
        ['not a time', '', '', 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1],
        ['2026-04-04T05:36:30Z', '', '', 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1],
        ['2026-04-04T05:36:00Z', '', '', -4, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1],
        ['2026-04-04T05:36:00Z', '/fast', 'lw1', 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1],
      ],
    };
    const signals = deriveFromBins({ bins: [bad, { name: 'HttpBins', columns: [{ name: 'bin', type: 'datetime' }], rows: [[1]] }] });
    expect(signals.issues.byReason).toEqual({ 'bad-time': 2, 'bad-count': 1, 'missing-column': 1, 'unsupported-split': 1 });
    expect(signals.totals.requests).toBe(60);
  });
});
