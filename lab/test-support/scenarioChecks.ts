import { Recording } from './recording';
import {
  CONNECT_FAILURE,
  DEPENDENCY_TIMEOUT,
  MASTER_BOOT,
  WORKER_KILLED,
  WORKER_TIMEOUT,
  abortCluster,
  divergentMoments,
  exceptionPaths,
  percentile,
  pidsMatching,
} from './signatures';

/**
 * One signature check per scenario, written with jest's expect so a failure names the
 * number that was off. Used by the recordings test and by the live smoke test.
 */

const is5xx = (s: number) => s >= 500 && s <= 599;

export function checkBaseline(rec: Recording): void {
  expect(rec.http.length).toBeGreaterThan(100);
  expect(rec.http.filter((r) => is5xx(r.status))).toEqual([]);
  expect(rec.http.filter((r) => r.status === 499)).toEqual([]);
  expect(pidsMatching(rec.console, [WORKER_TIMEOUT, ...WORKER_KILLED])).toEqual([]);
}

export function checkH1(rec: Recording, minAborts = 10): void {
  const clientTimeoutMs = 5000;
  const cluster = abortCluster(rec.http, 300);
  expect(cluster.near).toBeGreaterThanOrEqual(minAborts);
  expect(Math.abs(cluster.boundary - clientTimeoutMs)).toBeLessThanOrEqual(300);
  // Slow and fast paths both abort at that boundary: queueing, not one slow handler.
  expect(cluster.paths).toEqual(expect.arrayContaining(['/slow', '/fast']));
  expect(divergentMoments(rec.http, ['/slow'], ['/fast', '/diag/env'], 2500, 2000, 100).length).toBeGreaterThanOrEqual(1);
  expect(pidsMatching(rec.console, [WORKER_TIMEOUT])).toEqual([]);
  expect(rec.console.map((r) => r.text)).toEqual(expect.arrayContaining([expect.stringContaining('Using worker: sync')]));
}

export function checkT1(rec: Recording): void {
  const timeoutMs = rec.manifest.gunicorn.timeout * 1000;
  const timeouts = pidsMatching(rec.console, [WORKER_TIMEOUT]);
  expect(timeouts.length).toBeGreaterThanOrEqual(2);
  const bad = rec.http.filter((r) => r.status === 502);
  expect(bad.length).toBeGreaterThanOrEqual(2);
  // Gunicorn checks worker heartbeats about once a second, so the kill lands just after --timeout.
  for (const r of bad) {
    expect(r.path).toBe('/slow');
    expect(r.timeTaken).toBeGreaterThanOrEqual(timeoutMs - 500);
    expect(r.timeTaken).toBeLessThanOrEqual(timeoutMs + 3000);
    expect(timeouts.some((t) => Math.abs(t.t - r.end) <= 3000)).toBe(true);
  }
  expect(rec.http.filter((r) => r.path !== '/slow' && is5xx(r.status))).toEqual([]);
}

export function checkM1(rec: Recording): void {
  const killed = pidsMatching(rec.console, WORKER_KILLED);
  const timedOut = new Set(pidsMatching(rec.console, [WORKER_TIMEOUT]).map((k) => k.pid));
  expect(killed.length).toBeGreaterThanOrEqual(2);
  expect(killed.filter((k) => timedOut.has(k.pid))).toEqual([]);
  expect(rec.manifest.isolation.memoryCgroup.oomKillsCounted).toBeGreaterThanOrEqual(killed.length);
  const bad = rec.http.filter((r) => is5xx(r.status));
  expect(bad.length).toBeGreaterThanOrEqual(2);
  expect([...new Set(bad.map((r) => r.path))]).toEqual(['/report']);
  expect(bad.every((r) => /(^|&)mb=200(&|$)/.test(r.query))).toBe(true);
  // Killed far below --timeout: memory, not time.
  expect(Math.max(...bad.map((r) => r.timeTaken))).toBeLessThan(rec.manifest.gunicorn.timeout * 1000 / 2);
  // The memory of the tree climbs toward the cgroup limit (the instance's memory) in the seconds before the first kill.
  const memory = rec.metrics.MemoryPercentage[rec.manifest.instances[0]];
  const firstKill = Math.min(...killed.map((k) => k.t));
  const before = memory.filter((p) => p.t < firstKill);
  const calm = memory.filter((p) => p.t < Date.parse(rec.manifest.faultWindow.from));
  const calmMax = Math.max(...calm.map((p) => p.value!));
  const lastBefore = before.slice(-4).map((p) => p.value!);
  expect(Math.max(...lastBefore)).toBeGreaterThan(calmMax + 30);
  expect(lastBefore.findIndex((v) => v > calmMax + 10)).toBeGreaterThanOrEqual(0);
}

export function checkH3(rec: Recording): void {
  const loadBoots = rec.console.filter((r) => MASTER_BOOT.test(r.text) && r.text.includes('Starting gunicorn'));
  expect(loadBoots.length).toBeGreaterThanOrEqual(3); // initial start plus two restarts
  const restarts = loadBoots.slice(1);
  const bad = rec.http.filter((r) => r.status === 502 || r.status === 503);
  expect(bad.filter((r) => r.status === 502).length).toBeGreaterThanOrEqual(1);
  expect(bad.filter((r) => r.status === 503).length).toBeGreaterThanOrEqual(1);
  // Every 502/503 ended within 10 s of a master boot after the first.
  for (const r of bad) {
    expect(restarts.some((b) => Math.abs(b.t - r.end) <= 10000)).toBe(true);
  }
  for (const boot of restarts) {
    expect(bad.some((r) => Math.abs(boot.t - r.end) <= 10000)).toBe(true);
  }
  const messages = rec.platform.map((p) => p.message);
  expect(messages.filter((m) => m.startsWith('Container is terminating')).length).toBe(restarts.length);
  expect(messages.filter((m) => /^Site startup probe succeeded after [\d.]+ seconds\.$/.test(m)).length).toBe(restarts.length + 1);
}

export function checkH4(rec: Recording): void {
  const failures = rec.console.filter((r) => CONNECT_FAILURE.test(r.text));
  expect(failures.length).toBeGreaterThanOrEqual(5);
  expect(rec.console.some((r) => /Errno 99\] Cannot assign requested address/.test(r.text))).toBe(true);
  expect([...new Set(exceptionPaths(rec.console))]).toEqual(['/outbound']);
  const bad = rec.http.filter((r) => is5xx(r.status));
  expect(bad.length).toBeGreaterThanOrEqual(10);
  expect([...new Set(bad.map((r) => r.path))]).toEqual(['/outbound']);
  const env = rec.http.filter((r) => r.path === '/diag/env');
  expect(env.length).toBeGreaterThan(20);
  expect(env.filter((r) => r.status !== 200)).toEqual([]);
  expect(percentile(env.map((r) => r.timeTaken), 95)).toBeLessThan(500);
}

export function checkH2(rec: Recording): void {
  expect(rec.console.filter((r) => DEPENDENCY_TIMEOUT.test(r.text)).length).toBeGreaterThanOrEqual(3);
  const bad = rec.http.filter((r) => is5xx(r.status));
  expect(bad.filter((r) => r.status === 500).length).toBeGreaterThanOrEqual(2);
  expect(bad.filter((r) => r.status === 502).length).toBeGreaterThanOrEqual(2);
  expect([...new Set(bad.map((r) => r.path))]).toEqual(['/dependency']);
  expect([...new Set(exceptionPaths(rec.console))]).toEqual(['/dependency']);
  const fw = rec.manifest.faultWindow;
  const [from, to] = [Date.parse(fw.from), Date.parse(fw.to)];
  // Failing requests started inside the fault window (a little slack for in-flight retries).
  for (const r of bad) {
    expect(r.start).toBeGreaterThanOrEqual(from - 1000);
    expect(r.start).toBeLessThanOrEqual(to + 1000);
  }
}

export function checkH1TwoInstances(rec: Recording): void {
  const [saturated, healthy] = rec.manifest.instances as string[];
  const aborts = rec.http.filter((r) => r.status === 499);
  const cluster = abortCluster(aborts, 300);
  expect(cluster.near).toBeGreaterThanOrEqual(10);
  expect([...new Set(aborts.map((r) => r.instance))]).toEqual([saturated]);
  const onHealthy = rec.http.filter((r) => r.instance === healthy);
  expect(onHealthy.length).toBeGreaterThan(50);
  expect(onHealthy.filter((r) => r.status !== 200)).toEqual([]);
  expect(percentile(onHealthy.filter((r) => r.path === '/fast').map((r) => r.timeTaken), 95)).toBeLessThan(500);
  const fastOnSaturated = rec.http.filter((r) => r.instance === saturated && r.path === '/fast').map((r) => r.timeTaken);
  expect(percentile(fastOnSaturated, 95)).toBeGreaterThan(2000);
}

export function checkC1(rec: Recording): void {
  const instance = rec.manifest.instances[0];
  const fw = rec.manifest.faultWindow;
  const [from, to] = [Date.parse(fw.from), Date.parse(fw.to)];
  const cpu = rec.metrics.CpuPercentage[instance];
  const inFault = cpu.filter((p) => p.t >= from && p.t + 1000 <= to);
  const before = cpu.filter((p) => p.t + 1000 <= from);
  // CPU at the limit for most of the fault window; before it, the everyday trickle leaves headroom.
  expect(inFault.filter((p) => p.value! >= 90).length).toBeGreaterThanOrEqual(inFault.length * 0.8);
  expect(percentile(before.map((p) => p.value!), 50)).toBeLessThan(50);
  expect(rec.manifest.isolation.cpuCgroup.throttledPeriods).toBeGreaterThan(0);
  // Every path is slower under saturation than before it, /fast included, by seconds.
  const p95 = (path: string, pick: (t: number) => boolean) =>
    percentile(rec.http.filter((r) => r.path === path && pick(r.end)).map((r) => r.timeTaken), 95);
  for (const path of ['/fast', '/diag/env', '/diag/stats', '/cpu']) {
    expect(p95(path, (t) => t >= from && t <= to)).toBeGreaterThan(p95(path, (t) => t < from) + 1000);
  }
  // Clients give up at the 5 s timeout, nearly all on the CPU-heavy path; no worker is killed or timed out.
  const cluster = abortCluster(rec.http, 300);
  expect(cluster.near).toBeGreaterThanOrEqual(5);
  expect(Math.abs(cluster.boundary - 5000)).toBeLessThanOrEqual(300);
  const aborts = rec.http.filter((r) => r.status === 499);
  expect(aborts.filter((r) => r.path === '/cpu').length).toBeGreaterThanOrEqual(aborts.length * 0.9);
  expect(pidsMatching(rec.console, [WORKER_TIMEOUT, ...WORKER_KILLED])).toEqual([]);
}

export const CHECKS: Record<string, (rec: Recording) => void> = {
  baseline: checkBaseline,
  'h1-exhaustion': (rec) => checkH1(rec),
  't1-worker-timeout': checkT1,
  'h2-dependency': checkH2,
  'h3-restart': checkH3,
  'h4-outbound': checkH4,
  'm1-oom': checkM1,
  'h1-two-instances': checkH1TwoInstances,
  'c1-cpu-saturation': checkC1,
};
