// Percentile definition used everywhere in the engine (also stated in the README):
// nearest rank — the p-th percentile of N sorted values is the value at 1-based rank ceil(p/100 · N).

export const PERCENTILES = [50, 95, 99] as const;

/** 1-based nearest rank of percentile `p` among `count` values (at least 1). */
export function nearestRank(p: number, count: number): number {
  return Math.max(1, Math.ceil((p / 100) * count));
}

/** Median with the mean of the middle two for an even count (not a nearest rank); null for none. */
export function median(values: ArrayLike<number>): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The p-th percentile of already-sorted values, or null when there are none. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  return sorted.length === 0 ? null : sorted[nearestRank(p, sorted.length) - 1];
}
