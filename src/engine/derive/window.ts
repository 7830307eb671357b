// The analysed window: whole UTC-aligned bins covering the requested (or observed) time span.
import { TimeRange } from '../model/input';

export const DEFAULT_BIN_MS = 60_000;
/** Guards against a window/bin combination that would allocate absurd arrays (a caller error). */
export const MAX_BINS = 500_000;

export interface BinnedWindow extends TimeRange {
  binMs: number;
  bins: number;
}

/** Checks the bin option: a positive whole number of seconds. Throws RangeError on a caller error. */
export function validateBinMs(binMs: number): number {
  if (!Number.isInteger(binMs) || binMs <= 0 || binMs % 1000 !== 0) {
    throw new RangeError(`bin must be a positive multiple of 1000 ms, got ${binMs}`);
  }
  return binMs;
}

/**
 * Aligns a span to bin boundaries counted from the Unix epoch (so bins are UTC-aligned).
 * `to` is exclusive; a span ending exactly on a boundary gets one more bin only if data sits on it.
 */
export function binWindow(span: TimeRange | undefined, binMs: number, inclusiveEnd: boolean): BinnedWindow {
  validateBinMs(binMs);
  if (!span || !Number.isFinite(span.from) || !Number.isFinite(span.to) || span.to < span.from) {
    return { from: 0, to: 0, binMs, bins: 0 };
  }
  const from = Math.floor(span.from / binMs) * binMs;
  let to = Math.ceil(span.to / binMs) * binMs;
  if (inclusiveEnd && to <= span.to) {
    to += binMs;
  }
  const bins = Math.round((to - from) / binMs);
  if (bins > MAX_BINS) {
    throw new RangeError(`window of ${bins} bins exceeds ${MAX_BINS}; use a larger bin or a shorter window`);
  }
  return { from, to, binMs, bins };
}

/** First index in ascending `time` whose value is >= t (binary search). */
export function lowerBound(time: ArrayLike<number>, t: number, from = 0, to = time.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] < t) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}
