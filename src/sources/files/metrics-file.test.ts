// Azure Monitor metric files in a folder: sniffed from their content, parsed whole (up to a cap),
// merged across files into SourceData.metrics, and accounted for in the per-file report.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FilesSource } from './files-source';
import { MAX_METRICS_FILE_BYTES, readMetricsFile } from './metrics-file';
import { readExportFile } from './read-export-file';
import { sniffFormat } from './sniff-format';

const PLAN = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/serverFarms/plan';
const SITE = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/app';

const series = (instance: string, data: unknown[]) => ({ metadatavalues: [{ name: { value: 'Instance', localizedValue: 'Instance' }, value: instance }], data });
const metric = (resource: string, name: string, unit: string, timeseries: unknown[]) => ({
  id: `${resource}/providers/Microsoft.Insights/metrics/${name}`,
  type: 'Microsoft.Insights/metrics',
  name: { value: name, localizedValue: name },
  unit,
  timeseries,
  errorCode: 'Success',
});
const point = (minute: number, average: number) => ({ timeStamp: `2026-04-04T05:${String(minute).padStart(2, '0')}:00Z`, average, maximum: average + 5 });

/** `az monitor metrics list --resource <plan> --metrics CpuPercentage MemoryPercentage --filter "Instance eq '*'"`, pretty-printed as az prints it. */
const planList = {
  cost: 119,
  interval: 'PT1M',
  namespace: 'Microsoft.Web/serverFarms',
  resourceregion: 'westeurope',
  timespan: '2026-04-04T05:30:00Z/2026-04-04T05:33:00Z',
  value: [
    metric(PLAN, 'CpuPercentage', 'Percent', [series('i1', [point(30, 20), point(31, 95)]), series('i2', [point(30, 10), point(31, 12)])]),
    metric(PLAN, 'MemoryPercentage', 'Percent', [series('i1', [point(30, 50)]), series('i2', [point(30, 55)])]),
  ],
};

/** A saved metrics:getBatch reply for the site, one bad point in it. */
const siteBatch = {
  values: [
    {
      starttime: '2026-04-04T05:30:00Z',
      endtime: '2026-04-04T05:33:00Z',
      interval: 'PT1M',
      namespace: 'Microsoft.Web/sites',
      resourceid: SITE,
      value: [metric(SITE, 'Http5xx', 'Count', [series('i1', [{ timeStamp: '2026-04-04T05:31:00Z', total: 4 }, { timeStamp: 'not a time', total: 1 }])])],
    },
  ],
};

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appsvc-metrics-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, body: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body, null, 2));
  return file;
};

describe('sniffing', () => {
  it('recognises az monitor metrics list output, a getBatch body and an array of them — by content, not name', () => {
    expect(sniffFormat(JSON.stringify(planList, null, 2))).toEqual({ format: 'azure-metrics' });
    expect(sniffFormat(JSON.stringify(siteBatch))).toEqual({ format: 'azure-metrics' });
    expect(sniffFormat(JSON.stringify([planList]))).toEqual({ format: 'azure-metrics' });
  });

  it('leaves other JSON alone', () => {
    expect(sniffFormat(JSON.stringify({ tables: [{ name: 'PrimaryResult', columns: [], rows: [] }] }))).toEqual({ format: 'log-analytics-json' });
    expect(sniffFormat('[{"TimeGenerated":"2026-04-04T05:00:00Z","CsUriStem":"/a"}]')).toEqual({ format: 'az-cli-json' });
    expect(sniffFormat('{"value": [{"name": "x"}]}')).toMatchObject({ format: 'unknown' });
  });
});

describe('readExportFile', () => {
  it('a plan metrics file: format azure-metrics, what was used, points loaded, the metrics parsed', async () => {
    const result = await readExportFile(write('cpu.json', planList), 'exports/cpu.json');
    expect(result.tables).toEqual([]);
    expect(result.report).toEqual({ file: 'exports/cpu.json', format: 'azure-metrics', rowsLoaded: 6, rowsSkipped: {}, used: 'CpuPercentage ×2 instances, MemoryPercentage ×2 instances' });
    expect(result.metrics?.series.map((s) => [s.name, s.instance, s.origin, s.points.length])).toEqual([
      ['CpuPercentage', 'i1', 'exports/cpu.json', 2],
      ['CpuPercentage', 'i2', 'exports/cpu.json', 2],
      ['MemoryPercentage', 'i1', 'exports/cpu.json', 1],
      ['MemoryPercentage', 'i2', 'exports/cpu.json', 1],
    ]);
  });

  it('a bad point is reported per file with where it was; the rest is kept', async () => {
    const result = await readExportFile(write('site.json', siteBatch), 'site.json');
    expect(result.report.format).toBe('azure-metrics');
    expect(result.report.used).toBe('Http5xx ×1 instance');
    expect(result.report.reason).toBe('1 metric issue(s): site.json values[0] value[0] timeseries[0]: Http5xx: 1 point(s) skipped, first: timeStamp "not a time" is not a timestamp');
    expect(result.metrics?.series[0].points).toEqual([{ time: Date.UTC(2026, 3, 4, 5, 31), total: 4 }]);
  });

  it('truncated JSON and a reply with no usable series are unused files with a reason', async () => {
    const text = JSON.stringify(planList);
    const truncated = await readExportFile(write('cut.json', text.slice(0, text.length - 40)), 'cut.json');
    expect(truncated.report).toMatchObject({ format: 'unused', reason: expect.stringMatching(/^azure-metrics: not valid JSON/) });
    const unknown = await readExportFile(write('other.json', { interval: 'PT1M', value: [metric(PLAN, 'BytesReceived', 'Bytes', [series('i1', [point(30, 1)])])] }), 'other.json');
    expect(unknown.report).toMatchObject({ format: 'unused', reason: expect.stringMatching(/^azure-metrics: no usable metric series: metric "BytesReceived" is not one this product reads/) });
    expect(unknown.metrics).toBeUndefined();
  });

  it('a file over the size cap is not read whole, and says so', async () => {
    const file = write('huge.json', planList);
    fs.truncateSync(file, MAX_METRICS_FILE_BYTES + 1);
    expect((await readMetricsFile(file, 'huge.json')).problem).toMatch(new RegExp(`^${MAX_METRICS_FILE_BYTES + 1} bytes is more than the ${MAX_METRICS_FILE_BYTES} read whole`));
  });
});

describe('FilesSource', () => {
  it('merges metric files with the log tables of the folder; the instance filter applies to metric series', async () => {
    write('PlatformMetrics.json', planList);
    write('SiteMetrics.json', siteBatch);
    write('http.json', { tables: [{ name: 'PrimaryResult', columns: [{ name: 'TimeGenerated', type: 'datetime' }, { name: 'CsUriStem', type: 'string' }, { name: 'ScStatus', type: 'int' }, { name: 'TimeTaken', type: 'int' }], rows: [['2026-04-04T05:31:00Z', '/a', 500, 30]] }] });
    const source = new FilesSource(dir);
    const data = await source.load({ binMs: 60_000 });
    expect(data.tables.map((t) => t.kind)).toEqual(['http']);
    expect(data.metrics?.series.map((s) => `${s.origin} ${s.name} ${s.instance}`)).toEqual([
      'PlatformMetrics.json CpuPercentage i1',
      'PlatformMetrics.json CpuPercentage i2',
      'PlatformMetrics.json MemoryPercentage i1',
      'PlatformMetrics.json MemoryPercentage i2',
      'SiteMetrics.json values[0] Http5xx i1',
    ]);
    expect(data.metrics?.issues).toHaveLength(1);
    expect(data.files?.map((f) => [f.file, f.format])).toEqual([
      ['http.json', 'log-analytics-json'],
      ['PlatformMetrics.json', 'azure-metrics'],
      ['SiteMetrics.json', 'azure-metrics'],
    ]);
    const filtered = await source.load({ binMs: 60_000, instances: ['i2'] });
    expect(filtered.metrics?.series.map((s) => `${s.name} ${s.instance}`)).toEqual(['CpuPercentage i2', 'MemoryPercentage i2']);
    const health = await source.health();
    expect(health.checks.at(-1)).toEqual({ name: 'platform metrics', status: 'ok', message: 'CpuPercentage ×2 instances, MemoryPercentage ×2 instances, Http5xx ×1 instance' });
  });

  it('a folder without metric files has no metrics at all (absent, not empty)', async () => {
    write('http.json', { tables: [{ name: 'PrimaryResult', columns: [{ name: 'TimeGenerated', type: 'datetime' }, { name: 'CsUriStem', type: 'string' }, { name: 'ScStatus', type: 'int' }], rows: [] }] });
    const data = await new FilesSource(dir).load({ binMs: 60_000 });
    expect('metrics' in data).toBe(false);
  });
});
