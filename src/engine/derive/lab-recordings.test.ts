// The lab's recorded incidents (real Gunicorn 20.1 behind a real proxy): each scenario must show the
// signal it was built to produce. Numbers come from each manifest, so re-recording keeps tests valid.
import { analyzeTables } from '../analyze';
import { Signals } from '../model/signals';
import { recordingManifest, recordingTable, Scenario } from '../testing/fixtures';

function signalsOf(scenario: Scenario): Signals {
  return analyzeTables(
    { http: [recordingTable(scenario, 'HTTP')], console: [recordingTable(scenario, 'Console')], platform: [recordingTable(scenario, 'Platform')] },
    { binMs: 10_000 },
  );
}

describe('lab recording: baseline', () => {
  it('has no kills, no 499 clusters and no 5xx; the worker model matches the manifest', () => {
    const signals = signalsOf('baseline');
    const manifest = recordingManifest('baseline');
    expect(signals.issues.total).toBe(0);
    expect(signals.totals.err5xx).toBe(0);
    expect(signals.clusters).toEqual([]);
    expect(signals.markers.filter((m) => m.kind === 'worker-kill')).toEqual([]);
    expect(signals.workerModel[0]).toMatchObject({ version: manifest.gunicorn.version });
    expect(signals.workerModel[0].workers?.value).toBe(manifest.gunicorn.workers);
  });
});

describe('lab recording: t1-worker-timeout', () => {
  const signals = signalsOf('t1-worker-timeout');
  const manifest = recordingManifest('t1-worker-timeout');

  it('every kill follows a WORKER TIMEOUT of the same worker (Gunicorn 20 wording "terminated due to signal 9")', () => {
    const kills = signals.markers.filter((m) => m.kind === 'worker-kill');
    expect(kills.length).toBeGreaterThan(0);
    expect(kills.every((kill) => kill.cause === 'after-timeout')).toBe(true);
  });

  it('infers the --timeout from the 502s cut at the kill, since the console has no startup command', () => {
    expect(signals.workerModel[0].timeoutSec?.value).toBe(manifest.gunicorn.timeout);
    expect(signals.workerModel[0].timeoutSec?.evidence[0].kind).toBe('kill-timing');
  });

  it('pairs fast paths with the stuck /slow in the same second', () => {
    expect(signals.divergences.length).toBeGreaterThan(0);
    expect(signals.divergences.every((pair) => pair.slow.path === '/slow')).toBe(true);
  });
});

describe('lab recording: m1-oom', () => {
  it('calls SIGKILLs with no WORKER TIMEOUT before them OOM suspects', () => {
    const kills = signalsOf('m1-oom').markers.filter((m) => m.kind === 'worker-kill');
    expect(kills.length).toBeGreaterThan(0);
    expect(kills.every((kill) => kill.cause === 'oom-suspect')).toBe(true);
  });
});

describe('lab recording: h1-exhaustion', () => {
  it('finds a 499 cluster at the 5 s client timeout and no WORKER TIMEOUT', () => {
    const signals = signalsOf('h1-exhaustion');
    expect(signals.clusters.length).toBeGreaterThan(0);
    for (const cluster of signals.clusters) {
      expect(cluster.kind).toBe('client-timeout');
      expect(Math.abs(cluster.boundaryMs - 5000)).toBeLessThan(100);
    }
    expect(signals.markers.filter((m) => m.kind === 'worker-timeout')).toEqual([]);
  });
});

describe('lab recording: h1-two-instances', () => {
  it('keeps instances apart: the 499s sit on one instance only', () => {
    const signals = signalsOf('h1-two-instances');
    expect(signals.byInstance).toHaveLength(2);
    const with499 = signals.byInstance.filter((keyed) => keyed.series.s499.some((count) => count > 0));
    expect(with499).toHaveLength(1);
    expect(signals.clusters.every((cluster) => cluster.instances.length === 1 && cluster.instances[0] === with499[0].key)).toBe(true);
    expect(signals.workerModel.map((segment) => segment.instance).sort()).toEqual(signals.byInstance.map((keyed) => keyed.key).sort());
  });
});

describe('lab recording: h2-dependency', () => {
  it('reads read-timeout signatures with their target and groups chained tracebacks', () => {
    const signals = signalsOf('h2-dependency');
    const failures = signals.events.filter((e) => e.kind === 'dependency-error');
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((e) => e.kind === 'dependency-error' && e.signature === 'read-timeout' && e.target?.port !== undefined)).toBe(true);
    const tracebacks = signals.events.filter((e) => e.kind === 'traceback');
    expect(tracebacks.every((e) => e.kind === 'traceback' && e.lines.some((line) => line.startsWith('During handling')))).toBe(true);
  });
});

describe('lab recording: h4-outbound', () => {
  it('reads EADDRNOTAVAIL ("Cannot assign requested address") as outbound pressure', () => {
    const failures = signalsOf('h4-outbound').events.filter((e) => e.kind === 'dependency-error');
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((e) => e.kind === 'dependency-error' && e.signature === 'address-not-available')).toBe(true);
  });
});

describe('lab recording: h3-restart', () => {
  it('marks each restart and the graceful shutdown before it; shutdown kills are not OOM', () => {
    const signals = signalsOf('h3-restart');
    const restarts = signals.markers.filter((m) => m.kind === 'restart');
    expect(restarts.length).toBeGreaterThanOrEqual(2);
    expect(signals.markers.filter((m) => m.kind === 'graceful-shutdown').length).toBeGreaterThan(0);
    expect(signals.markers.filter((m) => m.kind === 'worker-kill' && m.cause === 'oom-suspect')).toEqual([]);
    expect(signals.totals.err5xx).toBeGreaterThan(0);
  });
});
