import fc from 'fast-check';
import { LogTable } from '../model/input';
import { Series } from '../model/series';
import { buildHttpTable } from '../table/http-table-builder';
import { derive } from './derive';

const START = Date.UTC(2026, 3, 4, 5, 0, 0);
const PATHS = ['/', '/fast', '/slow', '/outbound', '/health', '/diag/env', '/diag/stats', '/api/orders'];
const STATUSES = [200, 201, 302, 404, 499, 500, 502, 503, 504, 507, 101];
const COLUMNS = ['TimeGenerated', 'CsUriStem', 'ScStatus', 'TimeTaken', 'CsHost', 'ComputerName'].map((name) => ({ name, type: 'string' }));

interface Row {
  offset: number;
  path: number;
  status: number;
  taken: number;
  instance: number;
  scm: boolean;
}

const rowArbitrary: fc.Arbitrary<Row> = fc.record({
  offset: fc.integer({ min: 0, max: 3 * 3_600_000 }),
  path: fc.integer({ min: 0, max: PATHS.length - 1 }),
  status: fc.constantFrom(...STATUSES),
  // Mostly ordinary latencies, sometimes beyond the packed-key range to exercise the long-request path.
  taken: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 300_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 2 ** 24, max: 2 ** 31 }) }),
  instance: fc.integer({ min: 0, max: 2 }),
  scm: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

function table(rows: Row[]): LogTable {
  return {
    name: 'PrimaryResult',
    columns: COLUMNS,
    rows: rows.map((row) => [
      new Date(START + row.offset).toISOString(),
      PATHS[row.path],
      row.status,
      row.taken,
      row.scm ? 'app.scm.azurewebsites.net' : 'app.azurewebsites.net',
      `inst${row.instance}`,
    ]),
  };
}

/** Reference definition: nearest rank on a plain sorted copy. */
function nearestRankOf(values: number[], p: number): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];
}

function classTotal(series: Series, bin: number): number {
  return series.s2xx[bin] + series.s3xx[bin] + series.s4xx[bin] + series.err5xx[bin] + series.sOther[bin];
}

// 1-s bins over 3 h make each run derive ~10k bins per split; 25 runs keep the file near half a minute.
const PROPERTY_RUNS = 25;

const options = fc.record({ binMs: fc.constantFrom(1000, 60_000, 300_000), maxSplitKeys: fc.constantFrom(2, 50) });

describe('derive properties', () => {
  it('counts per bin add up to the totals, and class counts add up to requests', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 300 }), options, (rows, opts) => {
        const signals = derive({ http: buildHttpTable([table(rows)]) }, opts);
        const site = rows.filter((row) => !row.scm);
        expect(signals.totals.requests).toBe(site.length);
        expect(signals.series.requests.reduce((a, b) => a + b, 0)).toBe(site.length);
        expect(signals.totals.scmRequests).toBe(rows.length - site.length);
        signals.series.time.forEach((_, bin) => {
          const s = signals.series;
          expect(classTotal(s, bin)).toBe(s.requests[bin]);
          expect(s.s500[bin] + s.s502[bin] + s.s503[bin] + s.s504[bin] + s.s5xxOther[bin]).toBe(s.err5xx[bin]);
        });
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('p50 <= p95 <= p99 <= max in every bin, unsplit and split', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 300 }), options, (rows, opts) => {
        const signals = derive({ http: buildHttpTable([table(rows)]) }, opts);
        for (const series of [signals.series, ...signals.byPath.map((k) => k.series), ...signals.byInstance.map((k) => k.series)]) {
          series.time.forEach((_, bin) => {
            const points = [series.p50[bin], series.p95[bin], series.p99[bin], series.max[bin]];
            if (series.requests[bin] === 0) {
              expect(points).toEqual([null, null, null, null]);
            } else {
              const [p50, p95, p99, max] = points as number[];
              expect(p50).toBeLessThanOrEqual(p95);
              expect(p95).toBeLessThanOrEqual(p99);
              expect(p99).toBeLessThanOrEqual(max);
            }
          });
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('splitting by path or instance and merging gives the unsplit numbers', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 300 }), options, (rows, opts) => {
        const signals = derive({ http: buildHttpTable([table(rows)]) }, opts);
        for (const split of [signals.byPath, signals.byInstance]) {
          const fields = ['requests', 'err5xx', 's2xx', 's3xx', 's4xx', 's499', 's500', 's502', 's503', 's504', 's5xxOther', 'sOther'] as const;
          for (const field of fields) {
            const merged = signals.series.time.map((_, bin) => split.reduce((sum, keyed) => sum + keyed.series[field][bin], 0));
            expect(merged).toEqual(signals.series[field]);
          }
          const mergedMax = signals.series.time.map((_, bin) => {
            const maxima = split.map((keyed) => keyed.series.max[bin]).filter((value): value is number => value !== null);
            return maxima.length ? Math.max(...maxima) : null;
          });
          expect(mergedMax).toEqual(signals.series.max);
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('percentiles equal the nearest-rank definition, per bin, per path and over the window', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 300 }), fc.constantFrom(60_000, 600_000), (rows, binMs) => {
        const signals = derive({ http: buildHttpTable([table(rows)]) }, { binMs });
        const site = rows.filter((row) => !row.scm);
        const binOf = (row: Row) => Math.floor((START + row.offset - signals.window.from) / binMs);
        signals.series.time.forEach((_, bin) => {
          const values = site.filter((row) => binOf(row) === bin).map((row) => row.taken);
          expect([signals.series.p50[bin], signals.series.p95[bin], signals.series.p99[bin], signals.series.max[bin]]).toEqual(
            [50, 95, 99, 100].map((p) => nearestRankOf(values, p)),
          );
        });
        for (const keyed of signals.byPath) {
          keyed.series.time.forEach((_, bin) => {
            const values = site.filter((row) => PATHS[row.path] === keyed.key && binOf(row) === bin).map((row) => row.taken);
            expect(keyed.series.p95[bin]).toEqual(nearestRankOf(values, 95));
          });
        }
        for (const endpoint of signals.endpoints) {
          const values = site.filter((row) => PATHS[row.path] === endpoint.path).map((row) => row.taken);
          expect([endpoint.p50, endpoint.p95, endpoint.p99, endpoint.max]).toEqual([50, 95, 99, 100].map((p) => nearestRankOf(values, p)));
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
