import { ConsoleRow, HttpRow } from './recording';

/** Facts about a recording that the scenario tests assert on (small, engine-independent). */

export const WORKER_TIMEOUT = /\[CRITICAL\] WORKER TIMEOUT \(pid:(\d+)\)/;
/** Gunicorn 20.1.0 wording, and the >= 21 wording seen on App Service. */
export const WORKER_KILLED = [/Worker with pid (\d+) was terminated due to signal 9/, /Worker \(pid:(\d+)\) was sent SIGKILL/];
export const MASTER_BOOT = /\[INFO\] (Starting gunicorn [\d.]+|Listening at: )/;
export const CONNECT_FAILURE = /EADDRNOTAVAIL|Cannot assign requested address|ConnectTimeout|Connection refused|connect timeout/i;
export const DEPENDENCY_TIMEOUT = /ReadTimeout|Read timed out/;

export function median(values: number[]): number {
  if (values.length === 0) {
    throw new Error('median of an empty list');
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** 499 rows and how many sit within ±toleranceMs of their median TimeTaken (the boundary). */
export function abortCluster(http: HttpRow[], toleranceMs: number) {
  const aborts = http.filter((r) => r.status === 499);
  const boundary = aborts.length > 0 ? median(aborts.map((r) => r.timeTaken)) : NaN;
  const near = aborts.filter((r) => Math.abs(r.timeTaken - boundary) <= toleranceMs);
  return { aborts: aborts.length, boundary, near: near.length, paths: [...new Set(near.map((r) => r.path))].sort() };
}

export function pidsMatching(console: ConsoleRow[], patterns: RegExp[]): Array<{ pid: string; t: number }> {
  const found: Array<{ pid: string; t: number }> = [];
  for (const row of console) {
    for (const p of patterns) {
      const m = p.exec(row.text);
      if (m) {
        found.push({ pid: m[1], t: row.t });
      }
    }
  }
  return found;
}

/**
 * Slow-path requests (TimeTaken >= slowMs) that ended within ±windowMs of a fast-path request
 * answered 200 within fastMs: endpoints diverging at the same moment. A sliding window, so
 * the result does not depend on where wall-clock bin edges fall.
 */
export function divergentMoments(http: HttpRow[], slowPaths: string[], fastPaths: string[], windowMs: number, slowMs: number, fastMs: number): HttpRow[] {
  const quick = http.filter((r) => fastPaths.includes(r.path) && r.status === 200 && r.timeTaken <= fastMs);
  return http.filter(
    (r) => slowPaths.includes(r.path) && r.timeTaken >= slowMs && quick.some((q) => Math.abs(q.end - r.end) <= windowMs),
  );
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Which request handler each console line belongs to: Flask logs "Exception on <path> [GET]"
 * before a traceback, and the app logs "dependency …" lines itself.
 */
export function exceptionPaths(console: ConsoleRow[]): string[] {
  return console.map((r) => /Exception on (\S+) \[/.exec(r.text)?.[1]).filter((p): p is string => p !== undefined);
}
