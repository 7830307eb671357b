import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SourceInputError } from '../source';
import { FilesSource } from './files-source';

const corpus = path.resolve(__dirname, '../../../../shared/corpus/azure-labs');

const laResponse = (columns: string[], rows: unknown[][]) =>
  JSON.stringify({ tables: [{ name: 'PrimaryResult', columns: columns.map((name) => ({ name, type: 'string' })), rows }] });

describe('FilesSource', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appsvc-folder-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads a whole corpus lab folder: tables by kind, unused files with reasons', async () => {
    const source = new FilesSource(path.join(corpus, 'snat-exhaustion'));
    const data = await source.load({ binMs: 60_000 });
    const rows = (kind: string) => data.tables.filter((t) => t.kind === kind).reduce((n, t) => n + t.table.rows.length, 0);
    expect([rows('http'), rows('console'), rows('platform')]).toEqual([195, 500, 200]);
    const empty = data.files!.filter((f) => f.reason?.startsWith('empty file'));
    expect(empty.length).toBeGreaterThan(0);
    expect(data.warnings.map((w) => w.where)).toEqual(expect.arrayContaining(empty.map((f) => f.file)));
  });

  it('picks up a new or changed export on the next load without a restart', async () => {
    const columns = ['TimeGenerated', 'CsUriStem', 'ScStatus', 'TimeTaken'];
    fs.writeFileSync(path.join(dir, 'a.json'), laResponse(columns, [['2026-04-04T05:00:00Z', '/a', 200, 5]]));
    const source = new FilesSource(dir);
    expect((await source.load({ binMs: 60_000 })).tables.map((t) => t.table.rows.length)).toEqual([1]);
    fs.writeFileSync(path.join(dir, 'b.json'), laResponse(columns, [['2026-04-04T05:00:01Z', '/b', 502, 30000]]));
    fs.writeFileSync(path.join(dir, 'a.json'), laResponse(columns, [['2026-04-04T05:00:00Z', '/a', 200, 5], ['2026-04-04T05:00:02Z', '/a', 200, 6]]));
    const later = await source.load({ binMs: 60_000 });
    expect(later.tables.map((t) => [t.origin, t.table.rows.length])).toEqual([['a.json', 2], ['b.json', 1]]);
    fs.rmSync(path.join(dir, 'b.json'));
    expect((await source.load({ binMs: 60_000 })).tables.map((t) => t.origin)).toEqual(['a.json']);
  });

  it('filters HTTP rows by path and instance when asked', async () => {
    const columns = ['TimeGenerated', 'CsUriStem', 'ScStatus', 'TimeTaken', 'ComputerName'];
    fs.writeFileSync(path.join(dir, 'a.json'), laResponse(columns, [
      ['2026-04-04T05:00:00Z', '/a', 200, 5, 'i1'],
      ['2026-04-04T05:00:00Z', '/b', 200, 5, 'i1'],
      ['2026-04-04T05:00:00Z', '/a', 200, 5, 'i2'],
    ]));
    const data = await new FilesSource(dir).load({ binMs: 60_000, paths: ['/a'], instances: ['i2'] });
    expect(data.tables[0].table.rows).toEqual([['2026-04-04T05:00:00Z', '/a', 200, 5, 'i2']]);
  });

  it('refuses a missing folder with a SourceInputError naming it', async () => {
    const missing = path.join(dir, 'nope');
    await expect(new FilesSource(missing).load({ binMs: 60_000 })).rejects.toThrow(SourceInputError);
    await expect(new FilesSource(missing).load({ binMs: 60_000 })).rejects.toThrow(`folder ${missing} does not exist`);
  });

  it('reports health per table, naming the missing one', async () => {
    const health = await new FilesSource(path.join(corpus, 'intermittent-5xx')).health();
    expect(health.checks.find((c) => c.name === 'AppServiceHTTPLogs')?.status).toBe('ok');
    expect(health.checks.find((c) => c.name === 'AppServiceConsoleLogs')).toMatchObject({ status: 'warning', message: expect.stringMatching(/no rows/) });
    expect(health.status).toBe('warning');
  });
});
