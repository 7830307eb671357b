import path from 'node:path';
import { FilesSource } from '../files/files-source';
import { SourceInputError } from '../source';
import { LabSource, listScenarios } from './lab-source';
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
