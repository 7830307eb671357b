import { LoadStream } from '../load/plan';

/** One client looping on a path for the whole run (the background traffic of a scenario). */
export function steady(name: string, path: string, durationS: number, pauseMs: number, timeoutMs: number, affinity?: string): LoadStream {
  return { name, path, startS: 0, endS: durationS, concurrency: 1, timeoutMs, pauseMs, affinity };
}
