import { CORPUS, spawnCli } from './testing/run-cli';
import type { DiagnosisReport } from '../engine/report';

// Each case starts the CLI (tsx + sources + engine): seconds each on a shared machine.
jest.setTimeout(120_000);

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('appsvc-triage diagnose --format json (spawned process)', () => {
  const run = spawnCli(['diagnose', '--source', `files:${CORPUS}/intermittent-5xx/trigger`, '--format', 'json']);
  const report = JSON.parse(run.stdout) as DiagnosisReport;

  it('exits 0 with exactly the report contract of DESIGN.md', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(Object.keys(report).sort()).toEqual(['clusters', 'hypotheses', 'markers', 'ranking', 'series', 'source', 'totals', 'window', 'workerModel'].sort());
  });

  it('gives every hypothesis id, title, verdict, score, evidence, windows, next checks and a summary', () => {
    expect(report.hypotheses.map((item) => item.id).sort()).toEqual(['C1', 'H1', 'H2', 'H3', 'H4', 'M1', 'T1']);
    for (const item of report.hypotheses) {
      expect(['supported', 'weakened', 'inconclusive']).toContain(item.verdict);
      expect(item.score).toBeGreaterThanOrEqual(0);
      expect(item.score).toBeLessThanOrEqual(1);
      expect(item.title.length).toBeGreaterThan(0);
      expect(item.summary).toContain(item.id);
      expect(item.evidence.length).toBeGreaterThan(0);
      for (const evidence of item.evidence) {
        expect(['supports', 'weakens', 'not-seen', 'no-data']).toContain(evidence.effect);
        expect(evidence.observed.length).toBeGreaterThan(0);
        expect(evidence.expectation.length).toBeGreaterThan(0);
      }
      for (const window of item.windows) {
        expect(window.from).toMatch(ISO);
        expect(window.to).toMatch(ISO);
      }
      expect(item.nextChecks.length).toBeGreaterThan(0);
    }
    expect([...report.ranking].sort()).toEqual(['C1', 'H1', 'H2', 'H3', 'H4', 'M1', 'T1']);
    expect(report.ranking[0]).toBe('H1');
  });

  it('writes times as ISO strings and per-bin series of one length, with sliding scores per hypothesis', () => {
    expect(report.window.from).toMatch(ISO);
    expect(report.series.time.every((time) => ISO.test(time))).toBe(true);
    const bins = report.series.time.length;
    for (const key of ['requests', 'err5xx', 'errPct', 's499', 'p95', 'p99'] as const) {
      expect(report.series[key]).toHaveLength(bins);
    }
    expect(report.series.scores.H1).toHaveLength(bins);
    expect(report.clusters.every((cluster) => ISO.test(cluster.start) && ISO.test(cluster.requestStartFrom))).toBe(true);
    expect(report.markers.every((marker) => ISO.test(marker.time))).toBe(true);
  });

  it('counts 499s apart from 5xx and lists the unusable files with their reasons', () => {
    expect(report.totals.err5xx).toBe(0);
    expect(report.totals.s499).toBe(31);
    const unused = report.source.files.filter((file) => file.reason);
    expect(unused.map((file) => file.file)).toContain('kql-http-20260404T060025Z.json');
    expect(unused.find((file) => file.file === 'kql-http-20260404T060025Z.json')?.reason).toContain('0 bytes');
    expect(report.window.runs).toHaveLength(2);
  });
});
