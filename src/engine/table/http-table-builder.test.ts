import fc from 'fast-check';
import { LogTable } from '../model/input';
import { corpusTable } from '../testing/fixtures';
import { buildHttpTable, HttpTableBuilder, UNKNOWN_INSTANCE } from './http-table-builder';

const COLUMNS = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'ScStatus', type: 'int' },
  { name: 'TimeTaken', type: 'int' },
  { name: 'CsUriStem', type: 'string' },
  { name: 'ComputerName', type: 'string' },
];

function table(rows: unknown[][], columns = COLUMNS): LogTable {
  return { name: 'PrimaryResult', columns, rows };
}

describe('HttpTableBuilder on the corpus', () => {
  it('reads intermittent-5xx (newest-first, CsHost but no ComputerName) into ascending columns', () => {
    const http = buildHttpTable([corpusTable('intermittent-5xx', 'http')]);
    expect(http.length).toBe(60);
    expect(http.issues.total).toBe(0);
    for (let i = 1; i < http.length; i++) {
      expect(http.time[i]).toBeGreaterThanOrEqual(http.time[i - 1]);
    }
    const statuses = Array.from(http.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(29);
    expect(statuses.filter((s) => s === 499)).toHaveLength(31);
    expect(http.instances).toEqual([UNKNOWN_INSTANCE]);
    expect(http.hosts).toHaveLength(1);
    // The newest row of the export (index 0) is now last.
    expect(http.sourceRow[http.length - 1]).toBe(0);
  });

  it('flags Kudu/SCM hosts so they can be left out of rates (trap 13)', () => {
    const http = buildHttpTable([corpusTable('deployment-succeeded-startup-failed', 'http')]);
    const scmRows = Array.from(http.hostId).filter((id) => http.hostIsScm[id]).length;
    expect(scmRows).toBe(8);
    expect(http.hosts.filter((_, id) => http.hostIsScm[id]).every((host) => host.includes('.scm.'))).toBe(true);
  });
});

describe('HttpTableBuilder on bad and odd input', () => {
  it('counts each unusable row by reason and keeps the rest', () => {
    const http = buildHttpTable([
      table([
        ['2026-04-04T05:00:00Z', 200, 5, '/ok', 'i1'],
        ['yesterday', 200, 5, '/bad-time', 'i1'],
        ['2026-04-04T05:00:01Z', 'oops', 5, '/bad-status', 'i1'],
        ['2026-04-04T05:00:02Z', 200, -3, '/bad-taken', 'i1'],
        ['2026-04-04T05:00:03Z'],
        'not a row' as unknown as unknown[],
        ['2026-04-04T05:00:04Z', '503', '12', '/numeric-strings', 'i1'],
      ]),
    ]);
    expect(http.length).toBe(2);
    expect(http.issues.byReason).toEqual({ 'bad-time': 1, 'bad-status': 1, 'bad-time-taken': 1, 'bad-row-shape': 2 });
    expect(http.issues.total).toBe(5);
    expect(http.issues.examples.find((e) => e.reason === 'bad-time')).toMatchObject({ row: 1, table: 'http:PrimaryResult#0' });
    expect(Array.from(http.status)).toEqual([200, 503]);
  });

  it('skips a table without a required column and says which column', () => {
    const http = buildHttpTable([table([['2026-04-04T05:00:00Z', 200]], COLUMNS.slice(0, 2))]);
    expect(http.length).toBe(0);
    expect(http.issues.byReason['missing-column']).toBe(1);
    expect(http.issues.examples[0].detail).toContain('TimeTaken');
  });

  it('accepts `rows: []` and no tables at all', () => {
    expect(buildHttpTable([table([])]).length).toBe(0);
    expect(buildHttpTable([]).length).toBe(0);
  });

  it('appends many batches and numbers source rows across them', () => {
    const builder = new HttpTableBuilder({ expectedRows: 2 });
    builder.append(table([['2026-04-04T05:00:02Z', 200, 1, '/b', 'i2']]));
    builder.append(table([['2026-04-04T05:00:01Z', 500, 2, '/a', 'i1']]));
    builder.append(table([['2026-04-04T05:00:03Z', 502, 3, '/a', 'i1']]));
    const http = builder.finish();
    expect(Array.from(http.sourceRow)).toEqual([1, 0, 2]);
    expect(http.paths[http.pathId[0]]).toBe('/a');
    expect(http.instances[http.instanceId[1]]).toBe('i2');
  });

  it('sorts rows in any order by time, keeping input order for equal times', () => {
    const times = ['2026-04-04T05:00:00Z', '2026-04-04T05:00:00.5Z', '2026-04-04T05:00:01Z'];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 60 }), (picks) => {
        const http = buildHttpTable([table(picks.map((pick, i) => [times[pick], 200, i, '/', 'i']))]);
        const expected = picks.map((pick, i) => ({ pick, i })).sort((a, b) => a.pick - b.pick || a.i - b.i);
        expect(Array.from(http.timeTaken)).toEqual(expected.map((e) => e.i));
      }),
    );
  });
});
