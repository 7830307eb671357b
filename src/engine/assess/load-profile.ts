// Volume and latency in failing bins against the bins that served traffic without failing.
import { AssessContext } from './context';
import { median } from '../derive/percentile';

/** p95 three times the calm p95: requests are waiting, not just working. */
export const LATENCY_RISE_FACTOR = 3;

export interface LoadProfile {
  failingBins: number[];
  calmBins: number[];
  failingRequests: number | null;
  calmRequests: number | null;
  failingP95: number | null;
  calmP95: number | null;
}

function p95s(context: AssessContext, bins: number[]): number[] {
  return bins.map((index) => context.series.p95[index]).filter((value): value is number => value !== null);
}

export function loadProfile(context: AssessContext): LoadProfile {
  const calmBins: number[] = [];
  for (let index = context.firstBin; index < context.endBin; index++) {
    if (context.series.requests[index] > 0 && context.series.err5xx[index] + context.series.s499[index] === 0) {
      calmBins.push(index);
    }
  }
  const requestsOf = (bins: number[]) => median(bins.map((index) => context.series.requests[index]));
  return {
    failingBins: context.failingBins,
    calmBins,
    failingRequests: requestsOf(context.failingBins),
    calmRequests: requestsOf(calmBins),
    failingP95: median(p95s(context, context.failingBins)),
    calmP95: median(p95s(context, calmBins)),
  };
}

/** ratio of a to b with b floored at 1 (a bin with 0 ms p95 or 0 requests is still a baseline). */
export function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a / Math.max(b, 1);
}
