import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { declaredConfigFrom } from '../../engine/config';
import { FilesSource } from '../files/files-source';
import { SourceInputError } from '../source';
import { LabSource, listScenarios } from './lab-source';
import { readLabMetrics } from './lab-metrics';
import { readManifest } from './manifest';
import { replayShiftMs, shiftIso } from './shift-time';

const recordingsDir = path.resolve(__dirname, '../../../lab/recordings');

describe('shift helpers', () => {
  it('moves times by whole minutes and keeps all seven fractional digits', () => {
    expect(shiftIso('2026-04-04T05:35:37.9612345Z', 3 * 60_000)).toBe('2026-04-04T05:38:37.9612345Z');
    expect(shiftIso('2026-04-04T05:35:37+02:00', 60_000)).toBe('2026-04-04T03:36:37Z');
    expect(shiftIso('not a time', 60_000)).toBe('not a time');
  });

  it('never shifts a recording into the future', () => {
    const end = Date.parse('2026-04-04T05:40:30Z');
    const now = Date.parse('2026-04-05T07:00:10Z');
    const shift = replayShiftMs(end, now);
    expect(shift % 60_000).toBe(0);
    expect(end + shift).toBeLessThanOrEqual(now);
    expect(now - (end + shift)).toBeLessThan(60_000);
  });
});

describe('LabSource on the bundled recordings', () => {
  it('has recordings to serve', async () => {
    expect(await listScenarios(recordingsDir)).toEqual(expect.arrayContaining(['baseline', 'h1-exhaustion']));
  });

  it('gives the engine exactly the tables the files source reads from the same folder', async () => {
    for (const scenario of await listScenarios(recordingsDir)) {
      const lab = await new LabSource({ recordingsDir, scenario }).load({ binMs: 60_000 });
      const files = await new FilesSource(path.join(recordingsDir, scenario), (n) => n === 'manifest.json').load({ binMs: 60_000 });
      expect(lab.tables).toEqual(files.tables);
      expect(lab.tables.map((t) => t.kind).sort()).toEqual(['console', 'http', 'platform']);
      expect(lab.warnings).toEqual([]);
    }
  });

  it('replays as of now: the last row lands within a minute before now and the UI text says so', async () => {
    const now = Date.parse('2030-01-01T12:00:30Z');
    const source = new LabSource({ recordingsDir, scenario: 'h1-exhaustion', replayAsOfNow: true, now: () => now });
    const data = await source.load({ binMs: 60_000 });
    expect(data.description).toMatch(/replayed as of now, shifted \+/);
    expect(data.span!.to).toBeLessThanOrEqual(now);
    expect(now - data.span!.to).toBeLessThan(60_000);
    const http = data.tables.find((t) => t.kind === 'http')!.table;
    const timeIndex = http.columns.findIndex((c) => c.name === 'TimeGenerated');
    const last = Math.max(...http.rows.map((r) => Date.parse(String(r[timeIndex]))));
    expect(last).toBeLessThanOrEqual(now);
  });

  it('names the known scenarios when asked for an unknown one, and rejects odd names outright', async () => {
    await expect(new LabSource({ recordingsDir, scenario: 'no-such-incident' }).load({ binMs: 60_000 })).rejects.toThrow(
      /unknown lab scenario "no-such-incident" \(known: .*baseline/
    );
    expect(() => new LabSource({ recordingsDir, scenario: '../etc' })).toThrow(SourceInputError);
  });

  it('reports health with the scenario and its tables', async () => {
    const health = await new LabSource({ recordingsDir, scenario: 'baseline' }).health();
    expect(health.message).toMatch(/lab scenario baseline found/);
    expect(health.checks.slice(0, 3).map((c) => c.name)).toEqual(['AppServiceHTTPLogs', 'AppServiceConsoleLogs', 'AppServicePlatformLogs']);
  });
});

describe('LabSource platform metrics and declared config', () => {
  it('returns CPU, memory, requests, 5xx and response time per instance at one-second grain for every recording', async () => {
    for (const scenario of await listScenarios(recordingsDir)) {
      const manifest = await readManifest(path.join(recordingsDir, scenario, 'manifest.json'));
      const data = await new LabSource({ recordingsDir, scenario }).load({ binMs: 60_000 });
      expect(data.metrics?.issues).toEqual([]);
      const series = data.metrics!.series;
      for (const instance of manifest.instances!) {
        const names = series.filter((s) => s.instance === instance).map((s) => s.name).sort();
        expect({ scenario, instance, names }).toEqual({
          scenario,
          instance,
          names: ['CpuPercentage', 'Http5xx', 'HttpResponseTime', 'MemoryPercentage', 'Requests'],
        });
      }
      expect(series.every((s) => s.grainMs === 1000 && s.points.length > 0)).toBe(true);
      expect(series.find((s) => s.name === 'HttpResponseTime')!.unit).toBe('Seconds');
      expect(series.find((s) => s.name === 'CpuPercentage')!.unit).toBe('Percent');
    }
  });

  it('counts in SiteMetrics exactly the rows of the HTTP table, per instance', async () => {
    const data = await new LabSource({ recordingsDir, scenario: 'h1-two-instances' }).load({ binMs: 60_000 });
    const http = data.tables.find((t) => t.kind === 'http')!.table;
    const host = http.columns.findIndex((c) => c.name === 'ComputerName');
    const status = http.columns.findIndex((c) => c.name === 'ScStatus');
    for (const instance of new Set(http.rows.map((r) => String(r[host])))) {
      const rows = http.rows.filter((r) => r[host] === instance);
      const total = (name: string) =>
        data.metrics!.series.filter((s) => s.name === name && s.instance === instance).flatMap((s) => s.points).reduce((sum, p) => sum + (p.total ?? 0), 0);
      expect(total('Requests')).toBe(rows.length);
      expect(total('Http5xx')).toBe(rows.filter((r) => Number(r[status]) >= 500 && Number(r[status]) <= 599).length);
    }
  });

  it('shifts every metric point by the same whole minutes as the tables when replaying as of now', async () => {
    const now = Date.parse('2030-01-01T12:00:30Z');
    const recorded = await new LabSource({ recordingsDir, scenario: 'c1-cpu-saturation' }).load({ binMs: 60_000 });
    const replayed = await new LabSource({ recordingsDir, scenario: 'c1-cpu-saturation', replayAsOfNow: true, now: () => now }).load({ binMs: 60_000 });
    const shift = replayed.timeShiftMs!;
    expect(shift).toBeGreaterThan(0);
    expect(shift % 60_000).toBe(0);
    const times = (data: typeof recorded) => data.metrics!.series.flatMap((s) => s.points.map((p) => p.time));
    expect(times(replayed)).toEqual(times(recorded).map((t) => t + shift));
    expect(Math.max(...times(replayed))).toBeLessThanOrEqual(replayed.span!.to + 1000);
  });

  it('keeps only the asked instances\' series', async () => {
    const data = await new LabSource({ recordingsDir, scenario: 'h1-two-instances' }).load({ binMs: 60_000, instances: ['lw0sdlwk00014G'] });
    expect(new Set(data.metrics!.series.map((s) => s.instance))).toEqual(new Set(['lw0sdlwk00014G']));
  });

  it('declares the Gunicorn command line the lab ran, so the worker model has a declared side', async () => {
    for (const scenario of await listScenarios(recordingsDir)) {
      const manifest = await readManifest(path.join(recordingsDir, scenario, 'manifest.json'));
      const { siteConfig } = await new LabSource({ recordingsDir, scenario }).load({ binMs: 60_000 });
      expect(siteConfig).toMatchObject({ web: { appCommandLine: manifest.gunicorn!.commandLine }, webFrom: 'lab manifest' });
      const declared = declaredConfigFrom(siteConfig!).workerModel!;
      expect(declared.workers?.value).toBe(manifest.gunicorn!.workers);
      expect(declared.workerClass.value).toBe(manifest.gunicorn!.workerClass);
      expect(declared.timeoutSec.value).toBe(manifest.gunicorn!.timeout);
    }
  });
});

describe('readLabMetrics', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-metrics-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives no metrics for a recording made before the lab measured them', async () => {
    expect(await readLabMetrics(dir, 'old')).toBeUndefined();
  });

  it('names a broken file and still reads the other one', async () => {
    fs.writeFileSync(path.join(dir, 'PlatformMetrics.json'), '{"interval": "PT1S", "value": [');
    fs.copyFileSync(path.join(recordingsDir, 'baseline', 'SiteMetrics.json'), path.join(dir, 'SiteMetrics.json'));
    const metrics = await readLabMetrics(dir, 'broken');
    expect(metrics!.issues).toEqual([{ where: 'lab:broken/PlatformMetrics.json', message: expect.stringMatching(/^not valid JSON/) }]);
    expect(metrics!.series.map((s) => s.name).sort()).toEqual(['Http5xx', 'HttpResponseTime', 'Requests']);
  });
});
