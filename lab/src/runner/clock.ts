import { performance } from 'node:perf_hooks';

/** Wall-clock epoch milliseconds with sub-millisecond resolution. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}
