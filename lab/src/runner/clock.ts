import { performance } from 'node:perf_hooks';

/** Wall-clock epoch milliseconds with sub-millisecond resolution. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Milliseconds from `now` to the next wall-clock moment at `second` past a whole minute (0 when exactly there). */
export function msUntilSecondOfMinute(now: number, second: number): number {
  const target = ((second % 60) + 60) % 60;
  return (((target * 1000 - (now % 60_000)) % 60_000) + 60_000) % 60_000;
}
