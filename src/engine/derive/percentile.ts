// Percentile definition used everywhere in the engine (also stated in the README):
// nearest rank — the p-th percentile of N sorted values is the value at 1-based rank ceil(p/100 · N).

export const PERCENTILES = [50, 95, 99] as const;

/** 1-based nearest rank of percentile `p` among `count` values (at least 1). */
export function nearestRank(p: number, count: number): number {
  return Math.max(1, Math.ceil((p / 100) * count));
}

/** The p-th percentile of already-sorted values, or null when there are none. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  return sorted.length === 0 ? null : sorted[nearestRank(p, sorted.length) - 1];
}
