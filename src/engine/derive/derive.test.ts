import { ConsoleEvent } from '../model/events';
import { Signals } from '../model/signals';
import { parseLogs } from '../parse/parse-logs';
import { buildHttpTable } from '../table/http-table-builder';
import { consoleTableFromLines, CorpusLab, corpusTable, httpTableFromLines } from '../testing/fixtures';
import { derive } from './derive';

const PLAYBOOK_HTTP = [
  '2026-04-04T11:23:25Z GET /diag/env 200 7',
  '2026-04-04T11:23:25Z GET /diag/stats 200 21735',
  '2026-04-04T11:21:55Z GET /slow 499 4918',
  '2026-04-04T11:21:55Z GET /slow 499 4913',
  '2026-04-04T11:21:55Z GET /slow 499 4908',
  '2026-04-04T11:21:55Z GET /slow 499 4890',
  '2026-04-04T11:21:55Z GET /slow 499 4886',
  '2026-04-04T11:21:55Z GET /slow 499 4877',
];

function corpusSignals(lab: CorpusLab, withConsole = true): Signals {
  const logs = parseLogs({ console: withConsole ? [corpusTable(lab, 'console')] : [], platform: [corpusTable(lab, 'platform')] });
  return derive({ http: buildHttpTable([corpusTable(lab, 'http')]), logs });
}

describe('derive on the playbook sample rows', () => {
  const signals = derive({ http: buildHttpTable([httpTableFromLines(PLAYBOOK_HTTP)]) });

  it('bins per UTC minute with exact nearest-rank percentiles', () => {
    expect(signals.window).toEqual({ from: Date.UTC(2026, 3, 4, 11, 21), to: Date.UTC(2026, 3, 4, 11, 24) });
    expect(signals.series.requests).toEqual([6, 0, 2]);
    expect(signals.series.s499).toEqual([6, 0, 0]);
    expect(signals.series.errPct).toEqual([0, 0, 0]);
    // Sorted 4877 4886 4890 4908 4913 4918: p50 is rank ceil(3) = 4890, p95/p99 rank 6.
    expect([signals.series.p50[0], signals.series.p95[0], signals.series.p99[0], signals.series.max[0]]).toEqual([4890, 4918, 4918, 4918]);
    expect(signals.series.p50[1]).toBeNull();
    expect([signals.series.p50[2], signals.series.p95[2]]).toEqual([7, 21735]);
  });

  it('finds the six same-second 499s at ~4.9 s as one client-timeout cluster', () => {
    expect(signals.clusters).toHaveLength(1);
    expect(signals.clusters[0]).toMatchObject({
      count: 6, boundaryMs: 4890, spreadMs: 41, minMs: 4877, maxMs: 4918, paths: ['/slow'], kind: 'client-timeout',
      start: Date.UTC(2026, 3, 4, 11, 21, 55),
      requestStartFrom: Date.UTC(2026, 3, 4, 11, 21, 55) - 4918,
    });
  });

  it('pairs /diag/env 7 ms with /diag/stats 21735 ms in the same second', () => {
    expect(signals.divergences).toEqual([
      {
        second: Date.UTC(2026, 3, 4, 11, 23, 25),
        instance: 'unknown',
        fast: { path: '/diag/env', timeTaken: 7, status: 200 },
        slow: { path: '/diag/stats', timeTaken: 21735, status: 200 },
        ratio: 21735 / 7,
      },
    ]);
  });

  it('reports per-path totals and percentiles', () => {
    const slow = signals.endpoints.find((endpoint) => endpoint.path === '/slow');
    expect(slow).toMatchObject({ requests: 6, s499: 6, err5xx: 0, failPct: 100, p95: 4918 });
  });
});

describe('derive on the WORKER TIMEOUT guide lines', () => {
  const logs = parseLogs({
    console: [
      consoleTableFromLines([
        '2024-06-28T20:44:32Z Error [2024-06-28 20:44:32 +0000] [74] [CRITICAL] WORKER TIMEOUT (pid:91)',
        '2024-06-28T20:44:32.8354846Z Error [2024-06-28 20:44:32 +0000] [91] [ERROR] Error handling request /api/sleep',
        '2024-06-28T20:45:22Z Error [2024-06-28 20:45:22 +0000] [74] [CRITICAL] WORKER TIMEOUT (pid:92)',
        '2024-06-28T20:45:22.8354846Z Error [2024-06-28 20:45:22 +0000] [92] [ERROR] Worker (pid:92) was sent SIGKILL! Perhaps out of memory?',
        '2024-06-28T20:46:00Z Error [2024-06-28 20:46:00 +0000] [95] [INFO] Booting worker with pid: 95',
        '2024-06-28T20:50:00Z Error [2024-06-28 20:50:00 +0000] [74] [ERROR] Worker (pid:95) was sent SIGKILL! Perhaps out of memory?',
      ]),
    ],
  });
  const kills = derive({ logs }).markers.filter((marker) => marker.kind === 'worker-kill');

  it('does not call a SIGKILL after WORKER TIMEOUT for the same pid OOM', () => {
    expect(kills.find((kill) => kill.pid === 92)?.cause).toBe('after-timeout');
  });

  it('suspects OOM for a SIGKILL of a worker seen booting and never timing out', () => {
    expect(kills.find((kill) => kill.pid === 95)?.cause).toBe('oom-suspect');
  });
});

describe('derive on the corpus', () => {
  it('snat-exhaustion: 13 of 14 SIGKILLs follow a WORKER TIMEOUT for the same pid; none is called OOM (trap 4)', () => {
    const signals = corpusSignals('snat-exhaustion');
    const kills = signals.markers.filter((marker) => marker.kind === 'worker-kill');
    expect(kills).toHaveLength(14);
    expect(kills.filter((kill) => kill.cause === 'after-timeout')).toHaveLength(13);
    // pid 1952's WORKER TIMEOUT is older than the capped export (trap 9): unexplained, not OOM.
    expect(kills.filter((kill) => kill.cause !== 'after-timeout').map((kill) => [kill.pid, kill.cause])).toEqual([[1952, 'unexplained']]);
  });

  it('snat-exhaustion: 499 waves at the 120 s Gunicorn timeout and at the 60 s client timeout', () => {
    const { clusters } = corpusSignals('snat-exhaustion');
    const atGunicorn = clusters.filter((cluster) => cluster.kind === 'gunicorn-timeout');
    expect(atGunicorn.reduce((sum, cluster) => sum + cluster.count, 0)).toBe(92);
    expect(Math.min(...atGunicorn.map((c) => c.minMs))).toBeGreaterThanOrEqual(118_000);
    expect(Math.max(...atGunicorn.map((c) => c.maxMs))).toBeLessThanOrEqual(119_500);
    const client = clusters.filter((cluster) => cluster.kind === 'client-timeout');
    expect(client).toHaveLength(1);
    expect(client[0]).toMatchObject({ count: 22, paths: ['/outbound'] });
    expect(client[0].minMs).toBeGreaterThanOrEqual(59_200);
    expect(client[0].maxMs).toBeLessThanOrEqual(59_500);
  });

  it('snat-exhaustion: worker model after the 05:52 restart, with its evidence', () => {
    const segment = corpusSignals('snat-exhaustion').workerModel.find((s) => s.generation === 1);
    expect(segment).toMatchObject({ version: '25.3.0', masterPid: 1904 });
    expect(segment?.workerClass?.value).toBe('sync');
    expect(segment?.workers?.value).toBe(4);
    expect(segment?.workers?.evidence.map((e) => e.kind)).toEqual(['startup-command', 'startup-command', 'boot-lines']);
    expect(segment?.timeoutSec?.value).toBe(120);
    expect(segment?.timeoutSec?.evidence[0].text).toContain('--timeout 120');
  });

  it('intermittent-5xx: no 5xx, 499 clusters at ~14.4 s and ~44.4 s, and two runs 14 h apart (traps 2, 10)', () => {
    const signals = corpusSignals('intermittent-5xx');
    expect(signals.totals).toMatchObject({ requests: 60, err5xx: 0, s499: 31 });
    expect(signals.runs).toHaveLength(2);
    const summary = signals.clusters.map((c) => [c.paths.join(), c.count, Math.round(c.boundaryMs / 100) / 10]);
    expect(summary).toEqual([
      ['/fast,/slow', 14, 44.8],
      ['/fast', 6, 14.4],
      ['/slow', 11, 44.4],
    ]);
    const slow = signals.clusters[2];
    expect(slow.end - slow.start).toBeLessThan(20);
    expect(slow.requestStartTo).toBeLessThan(slow.start - 44_000);
  });

  it('intermittent-5xx: an empty console export leaves no console coverage, so silence there proves nothing (trap 1)', () => {
    const { coverage } = corpusSignals('intermittent-5xx');
    expect(coverage?.rows).toEqual({ http: 60, console: 0, platform: 170 });
    expect(coverage?.console).toBeUndefined();
    expect(coverage?.platform?.from).toBeLessThan(coverage?.platform?.to ?? 0);
  });

  it('failed-to-forward-request: three /health 499 with 10.8/25.5/40.1 s are not a cluster (trap 3)', () => {
    const signals = corpusSignals('failed-to-forward-request');
    expect(signals.totals.s499).toBe(3);
    expect(signals.clusters).toEqual([]);
    expect(signals.totals.err5xx).toBe(15);
  });

  it('deployment-succeeded-startup-failed: SCM rows are counted but left out of rates; boot failure markers', () => {
    const signals = corpusSignals('deployment-succeeded-startup-failed');
    expect(signals.totals.scmRequests).toBe(8);
    expect(signals.totals.requests).toBe(14);
    expect(signals.markers.filter((m) => m.kind === 'boot-failure').map((m) => m.title)).toEqual([
      'worker 1901 exited with code 3 (failed to boot)',
      'Gunicorn shut down: Worker failed to boot.',
    ]);
  });

  it('container-http-pings: a 230 s limit and a 0.12 s probe failure, not a 230 s wait (trap 14)', () => {
    const signals = corpusSignals('container-http-pings');
    const timeout = signals.markers.find((m) => m.kind === 'container-timeout');
    const probe = signals.markers.find((m) => m.kind === 'probe-failure');
    expect(timeout?.title).toContain('230 s limit');
    expect(probe?.title).toBe('startup probe failed after 0.1175982 s');
    expect(signals.markers.filter((m) => m.kind === 'restart')).toHaveLength(2);
  });

  it('produces plain JSON data: it survives a JSON round trip unchanged (no NaN, Infinity or typed arrays)', () => {
    const signals = corpusSignals('snat-exhaustion');
    expect(JSON.parse(JSON.stringify(signals))).toEqual(signals);
  });

  it('memory-pressure: the negative control has no kills, no 5xx and no clusters', () => {
    const signals = corpusSignals('memory-pressure');
    expect(signals.totals).toMatchObject({ requests: 314, err5xx: 0, s499: 0 });
    expect(signals.markers.filter((m) => m.kind === 'worker-kill')).toEqual([]);
    expect(signals.clusters).toEqual([]);
  });
});

describe('derive options and empty input', () => {
  const http = buildHttpTable([httpTableFromLines(PLAYBOOK_HTTP)]);

  it('accepts any whole-second bin and an explicit window', () => {
    const signals = derive({ http }, { binMs: 5000, window: { from: Date.UTC(2026, 3, 4, 11, 21, 52), to: Date.UTC(2026, 3, 4, 11, 22, 1) } });
    expect(signals.window).toEqual({ from: Date.UTC(2026, 3, 4, 11, 21, 50), to: Date.UTC(2026, 3, 4, 11, 22, 5) });
    expect(signals.series.requests).toEqual([0, 6, 0]);
    expect(signals.totals.outsideWindow).toBe(2);
  });

  it('rejects a bin that is not a positive multiple of a second', () => {
    expect(() => derive({ http }, { binMs: 1500 })).toThrow(RangeError);
    expect(() => derive({ http }, { binMs: 0 })).toThrow('positive multiple of 1000 ms');
  });

  it('derives empty signals from no rows without throwing', () => {
    const signals = derive({ http: buildHttpTable([{ name: 'PrimaryResult', columns: [], rows: [] }]), logs: parseLogs({}) });
    expect(signals.series.time).toEqual([]);
    expect(signals.totals.requests).toBe(0);
    expect(signals.events).toEqual([] as ConsoleEvent[]);
  });
});
