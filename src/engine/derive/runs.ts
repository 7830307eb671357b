// Separate stretches of traffic: an export can hold two runs of the same app hours apart (trap 10).
import { ActivityRun } from '../model/findings';

/** A quiet gap longer than this starts a new run. */
export const RUN_GAP_MS = 30 * 60_000;

/** Groups non-empty bins into runs; `first`/`last` hold each bin's first and last row time (NaN if empty). */
export function findActivityRuns(first: Float64Array, last: Float64Array, requests: number[]): ActivityRun[] {
  const runs: ActivityRun[] = [];
  for (let bin = 0; bin < first.length; bin++) {
    if (Number.isNaN(first[bin])) {
      continue;
    }
    const current = runs[runs.length - 1];
    if (current && first[bin] - current.to <= RUN_GAP_MS) {
      current.to = last[bin];
      current.requests += requests[bin];
    } else {
      runs.push({ from: first[bin], to: last[bin], requests: requests[bin] });
    }
  }
  return runs;
}
