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
 * Time bins (binMs wide, by request end) in which a slow path took at least slowMs while a
 * fast path finished within fastMs: endpoints diverging in the same moment.
 */
export function divergentBins(http: HttpRow[], slowPaths: string[], fastPaths: string[], binMs: number, slowMs: number, fastMs: number): number[] {
  const bins = new Map<number, { slow: boolean; fast: boolean }>();
  for (const r of http) {
    const bin = Math.floor(r.end / binMs) * binMs;
    const b = bins.get(bin) ?? { slow: false, fast: false };
    if (slowPaths.includes(r.path) && r.timeTaken >= slowMs) {
      b.slow = true;
    }
    if (fastPaths.includes(r.path) && r.status === 200 && r.timeTaken <= fastMs) {
      b.fast = true;
    }
    bins.set(bin, b);
  }
  return [...bins.entries()].filter(([, b]) => b.slow && b.fast).map(([bin]) => bin);
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
