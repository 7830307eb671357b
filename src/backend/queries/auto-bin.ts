// `bin: auto`: the smallest "nice" bin at least as wide as the panel interval and wide enough to
// keep the series within maxDataPoints.
const NICE_BINS_MS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400].map((s) => s * 1000);

export function autoBinMs(intervalMs: number, rangeMs: number, maxDataPoints: number): number {
  const byPoints = maxDataPoints > 0 ? rangeMs / maxDataPoints : 0;
  const wanted = Math.max(Number.isFinite(intervalMs) ? intervalMs : 0, byPoints, 1000);
  return NICE_BINS_MS.find((bin) => bin >= wanted) ?? NICE_BINS_MS[NICE_BINS_MS.length - 1];
}
