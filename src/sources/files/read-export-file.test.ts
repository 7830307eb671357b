import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readExportFile } from './read-export-file';

const corpus = path.resolve(__dirname, '../../../../shared/corpus/azure-labs');
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'appsvc-files-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

function corpusFiles(dir = corpus): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? corpusFiles(full) : e.name === 'README.md' ? [] : [full];
  });
}

describe('readExportFile on the shared corpus', () => {
  const files = corpusFiles();

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(90);
  });

  it('loads every file or reports why not, and never throws', async () => {
    for (const file of files) {
      const { tables, report } = await readExportFile(file);
      const size = fs.statSync(file).size;
      if (size === 0) {
        expect(report).toMatchObject({ format: 'unused', reason: expect.stringMatching(/empty file \(0 bytes\)/) });
      } else if (file.endsWith('.csv')) {
        expect(report).toMatchObject({ format: 'unused', reason: expect.stringMatching(/CSV whose first line names no Log Analytics columns/) });
      } else if (file.endsWith('app-config.json')) {
        expect(report).toMatchObject({ format: 'arm-site-config', used: expect.stringMatching(/^site web config: appCommandLine, linuxFxVersion, alwaysOn, numberOfWorkers$/) });
        expect(report.reason).toBeUndefined();
      } else {
        expect(report.format).toBe('log-analytics-json');
        const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
        expect(tables.map((t) => t.table.rows.length)).toEqual([parsed.tables[0].rows.length]);
        expect(report.rowsLoaded).toBe(parsed.tables[0].rows.length);
      }
    }
  });

  it('tells the tables apart by their columns', async () => {
    const kind = async (rel: string) => (await readExportFile(path.join(corpus, rel))).tables[0]?.kind;
    expect(await kind('snat-exhaustion/trigger/kql-http-20260404T060610Z.json')).toBe('http');
    expect(await kind('snat-exhaustion/trigger/kql-console-20260404T060610Z.json')).toBe('console');
    expect(await kind('snat-exhaustion/trigger/kql-platform-20260404T060610Z.json')).toBe('platform');
  });

  it('says that a table with no rows is no evidence either way', async () => {
    const { report } = await readExportFile(path.join(corpus, 'intermittent-5xx/trigger/kql-console-20260404T060610Z.json'));
    expect(report.reason).toMatch(/no rows: no evidence either way/);
  });
});

describe('readExportFile formats', () => {
  it('reads `az monitor log-analytics query` output (array of objects) with typed numbers', async () => {
    const file = write('az.json', JSON.stringify([
      { TableName: 'PrimaryResult', TimeGenerated: '2026-04-04T05:35:37.96Z', CsUriStem: '/slow', ScStatus: '499', TimeTaken: '44400' },
      { TableName: 'PrimaryResult', TimeGenerated: '2026-04-04T05:35:38.01Z', CsUriStem: '/fast', ScStatus: '200', TimeTaken: '12' },
    ]));
    const { tables, report } = await readExportFile(file);
    expect(report).toMatchObject({ format: 'az-cli-json', table: 'http', rowsLoaded: 2 });
    expect(tables[0].table.columns.map((c) => c.name)).toEqual(['TimeGenerated', 'CsUriStem', 'ScStatus', 'TimeTaken']);
    expect(tables[0].table.rows[0]).toEqual(['2026-04-04T05:35:37.96Z', '/slow', 499, 44400]);
  });

  it('reads a portal CSV export with quoted multi-line cells and counts short records', async () => {
    const file = write('portal.csv', [
      'TimeGenerated [UTC],ResultDescription,Host',
      '"2026-04-04T05:44:52.1Z","Traceback (most recent call last):\n  File ""x.py"", line 1",lw1',
      '2026-04-04T05:44:52.2Z,"[2026-04-04 05:44:52 +0000] [1904] [CRITICAL] WORKER TIMEOUT (pid:1908)",lw1',
      '2026-04-04T05:44:53Z,only two',
      '',
    ].join('\r\n'));
    const { tables, report } = await readExportFile(file);
    expect(report).toMatchObject({ format: 'csv', table: 'console', rowsLoaded: 2, rowsSkipped: { 'record has 2 fields, header has 3': 1 } });
    expect(tables[0].table.rows[0][1]).toBe('Traceback (most recent call last):\n  File "x.py", line 1');
  });

  it('reads JSON lines and skips bad lines by reason', async () => {
    const file = write('rows.jsonl', [
      JSON.stringify({ TimeGenerated: '2026-04-04T05:00:00Z', Level: 'Informational', Message: 'Site started.' }),
      '{not json',
      JSON.stringify({ TimeGenerated: '2026-04-04T05:00:01Z', Level: 'Error', Message: 'Site startup probe failed after 0.1175982 seconds.' }),
    ].join('\n'));
    const { tables, report } = await readExportFile(file);
    expect(report).toMatchObject({ format: 'json-lines', table: 'platform', rowsLoaded: 2, rowsSkipped: { 'line is not valid JSON': 1 } });
    expect(tables[0].table.rows).toHaveLength(2);
  });

  it('reads a raw default_docker.log into console rows, with the instance from the file name', async () => {
    const file = write('2024_06_28_lw1sdlwk000ABC_default_docker.log', [
      '2024-06-28T20:44:32.8354846Z [2024-06-28 20:44:32 +0000] [74] [CRITICAL] WORKER TIMEOUT (pid:91)',
      '2024-06-28T20:44:32.8360000Z [2024-06-28 20:44:32 +0000] [91] [ERROR] Error handling request /api/sleep',
      'Traceback (most recent call last):',
    ].join('\n'));
    const { tables, report } = await readExportFile(file);
    expect(report).toMatchObject({ format: 'docker-log', table: 'console', rowsLoaded: 3 });
    expect(tables[0].table.columns.map((c) => c.name)).toEqual(['TimeGenerated', 'ResultDescription', 'Host']);
    expect(tables[0].table.rows[2]).toEqual(['2024-06-28T20:44:32.8360000Z', 'Traceback (most recent call last):', 'lw1sdlwk000ABC']);
  });

  it('reads a platform docker.log into platform rows', async () => {
    const file = write('2024_06_28_lw1sdlwk000ABC_docker.log', [
      '2024-06-28T20:40:01.123Z INFO  - Starting container for site',
      '2024-06-28T20:40:31.000Z INFO  - Container app_0_abc for site app initialized successfully and is ready to serve requests.',
    ].join('\n'));
    const { tables, report } = await readExportFile(file);
    expect(report).toMatchObject({ format: 'docker-log', table: 'platform' });
    expect(tables[0].table.columns[1].name).toBe('Message');
  });

  it('reads a Gunicorn error log using the bracketed timestamps', async () => {
    const file = write('gunicorn-error.log', [
      '[2024-06-28 20:44:32 +0000] [74] [CRITICAL] WORKER TIMEOUT (pid:92)',
      '[2024-06-28 20:45:22 +0000] [74] [ERROR] Worker (pid:92) was sent SIGKILL! Perhaps out of memory?',
    ].join('\n'));
    const { tables, report } = await readExportFile(file);
    expect(report).toMatchObject({ format: 'gunicorn-log', table: 'console', rowsLoaded: 2 });
    expect(tables[0].table.rows[1][0]).toBe('2024-06-28T20:45:22+00:00');
  });

  it('keeps the rows of a truncated Log Analytics response and says it was truncated', async () => {
    const whole = JSON.stringify({ tables: [{ name: 'PrimaryResult', columns: [{ name: 'TimeGenerated', type: 'datetime' }, { name: 'Message', type: 'string' }], rows: [['2026-04-04T05:00:00Z', 'a'], ['2026-04-04T05:00:01Z', 'b'], ['2026-04-04T05:00:02Z', 'c']] }] });
    const file = write('truncated.json', whole.slice(0, whole.lastIndexOf('["2026') + 10));
    const { tables, report } = await readExportFile(file);
    expect(tables[0].table.rows).toEqual([['2026-04-04T05:00:00Z', 'a'], ['2026-04-04T05:00:01Z', 'b']]);
    expect(report.reason).toMatch(/truncated or malformed: .*rows before that point were kept/);
  });

  it('skips rows of the wrong width and names the reason', async () => {
    const file = write('ragged.json', JSON.stringify({ tables: [{ name: 'PrimaryResult', columns: [{ name: 'TimeGenerated', type: 'datetime' }, { name: 'ResultDescription', type: 'string' }], rows: [['2026-04-04T05:00:00Z', 'ok'], ['2026-04-04T05:00:01Z'], 'x'] }] }));
    const { report } = await readExportFile(file);
    expect(report).toMatchObject({ rowsLoaded: 1, rowsSkipped: { 'row is not an array of 2 values': 2 } });
  });

  it('reports unknown content instead of guessing', async () => {
    expect((await readExportFile(write('notes.txt', 'hello\nworld\n'))).report).toMatchObject({ format: 'unused', reason: expect.stringMatching(/^unknown format/) });
    expect((await readExportFile(write('obj.json', '{"value": 1}'))).report.reason).toMatch(/without a "tables" key/);
  });
});
