// Same second, same instance, one path fast and another stuck: the playbook's `/diag/env` 7 ms vs
// `/diag/stats` 21 735 ms. It shows endpoint-specific blocking rather than a dead instance.
import { DivergencePair } from '../model/findings';
import { HttpTable } from '../model/http-table';
import { lowerBound } from './window';

/** A request this slow is a candidate for the slow side. */
export const DIVERGENCE_SLOW_MS = 5_000;
/** The fast side answered within this. */
const DIVERGENCE_FAST_MS = 1_000;
/** Slow must be at least this many times the fast one. */
const DIVERGENCE_MIN_RATIO = 20;
/** Report at most this many pairs (the most extreme). */
const MAX_PAIRS = 20;
/** Look for partners of only the slowest this-many seconds: extreme pairs come from the slowest requests. */
const MAX_CANDIDATES = 400;

/** The `limit` slowest of `rows` (ties broken by row order), found with a native numeric sort. */
function slowestRows(table: HttpTable, rows: number[], limit: number): number[] {
  if (rows.length <= limit) {
    return rows;
  }
  const taken = Uint32Array.from(rows, (row) => table.timeTaken[row]).sort();
  const threshold = taken[taken.length - limit];
  const above = rows.filter((row) => table.timeTaken[row] > threshold);
  const at = rows.filter((row) => table.timeTaken[row] === threshold);
  return [...above, ...at.slice(0, limit - above.length)];
}

/** `slowRows` are row indices (the slowest per second) that took at least DIVERGENCE_SLOW_MS. */
export function findDivergences(table: HttpTable, slowRows: number[]): DivergencePair[] {
  const pairs: DivergencePair[] = [];
  const candidates = slowestRows(table, slowRows, MAX_CANDIDATES);
  for (const slow of candidates) {
    const second = Math.floor(table.time[slow] / 1000) * 1000;
    const end = lowerBound(table.time, second + 1000);
    let fast = -1;
    for (let row = lowerBound(table.time, second); row < end; row++) {
      const eligible =
        table.instanceId[row] === table.instanceId[slow] &&
        table.pathId[row] !== table.pathId[slow] &&
        !table.hostIsScm[table.hostId[row]] &&
        table.timeTaken[row] <= DIVERGENCE_FAST_MS;
      if (eligible && (fast < 0 || table.timeTaken[row] < table.timeTaken[fast])) {
        fast = row;
      }
    }
    if (fast < 0) {
      continue;
    }
    const ratio = table.timeTaken[slow] / Math.max(1, table.timeTaken[fast]);
    if (ratio < DIVERGENCE_MIN_RATIO) {
      continue;
    }
    const side = (row: number) => ({ path: table.paths[table.pathId[row]], timeTaken: table.timeTaken[row], status: table.status[row] });
    pairs.push({ second, instance: table.instances[table.instanceId[slow]], fast: side(fast), slow: side(slow), ratio });
  }
  return pairs
    .sort((a, b) => b.ratio - a.ratio)
    .slice(0, MAX_PAIRS)
    .sort((a, b) => a.second - b.second);
}
