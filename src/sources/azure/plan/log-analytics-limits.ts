// Log Analytics query limits (Azure Monitor service limits) and the row-size estimate used to
// keep every pushed-down answer inside them.

export const LOG_ANALYTICS_LIMITS = {
  /** Rows returned by one query. */
  maxRows: 500_000,
  /** Response size of one query (~64 MB of JSON). */
  maxBytes: 64 * 1024 * 1024,
  /** Query run time. */
  maxSeconds: 600,
};

/**
 * JSON bytes of one HttpBins row: a datetime string (~30), a path (~60 allowed for long routes),
 * an instance name (~20), 10 counts and 4 reals (~80), separators (~10).
 */
export const HTTP_BINS_ROW_BYTES = 200;

/** Plan to 80 % of the limits: the row estimate is an upper bound per bin, not a promise. */
export const PLAN_HEADROOM = 0.8;

export function httpBinsRowBudget(): number {
  const byBytes = Math.floor(LOG_ANALYTICS_LIMITS.maxBytes / HTTP_BINS_ROW_BYTES);
  return Math.floor(Math.min(LOG_ANALYTICS_LIMITS.maxRows, byBytes) * PLAN_HEADROOM);
}
