// H1's rules about fast paths (playbook §6 H1 and query 2): a fast path stuck behind slow requests
// supports worker exhaustion; fast paths that stay fast, or fail without waiting, count against it.
import { AssessContext } from './context';
import { fastPaths, slowPaths, sumFailures, sumRequests } from './path-profile';
import { met, notMet, SignalRule } from './rule';
import { formatDuration, formatPercent, pathPointers } from './signal-math';

/** A fast path taking 20× its unobstructed median (and ≥ 5 s) was queued, not slow. */
export const STALL_FACTOR = 20;
export const STALL_MIN_MS = 5000;

function stalledFastPaths(context: AssessContext) {
  return fastPaths(context).filter((figures) => (figures.worstMax ?? 0) >= Math.max(STALL_MIN_MS, STALL_FACTOR * (figures.bestBinP50 ?? 0)));
}

export const fastPathStalled: SignalRule = {
  signal: 'fast-path-stalled',
  role: 'supporting',
  weight: 1,
  expectation: `a fast path takes ≥ ${STALL_FACTOR}× its usual median and ≥ ${STALL_MIN_MS / 1000} s: it waited for a free worker`,
  check(context) {
    const stalled = stalledFastPaths(context);
    if (stalled.length === 0) {
      return notMet('fast paths stayed fast');
    }
    const parts = stalled.map((figures) => `${figures.path} usually ${formatDuration(figures.bestBinP50 ?? 0)}, up to ${formatDuration(figures.worstMax ?? 0)}`);
    return met(parts.join('; '), { pointers: pathPointers(stalled) });
  },
};

export const endpointDivergence: SignalRule = {
  signal: 'endpoint-divergence',
  role: 'supporting',
  // Half weight: a fast answer next to a stuck one shows blocking on one path, and also that some worker was free.
  weight: 0.5,
  expectation: 'in the same second one path answers in milliseconds while another is stuck (playbook query 2)',
  check(context) {
    const divergences = context.divergences;
    if (divergences.length === 0) {
      return notMet('no same-second fast/slow divergence');
    }
    const first = divergences[0].item;
    return met(`${divergences.length} divergence(s), e.g. ${first.fast.path} ${formatDuration(first.fast.timeTaken)} vs ${first.slow.path} ${formatDuration(first.slow.timeTaken)}`, {
      pointers: divergences.slice(0, 10).map((entry) => ({ kind: 'divergence' as const, index: entry.index })),
    });
  },
};

export const fastPathsUnaffected: SignalRule = {
  signal: 'fast-paths-unaffected',
  role: 'weakening',
  weight: 1,
  expectation: 'fast paths served during the failing bins without failures or waiting: workers were free for them',
  check(context) {
    const failing = new Set(context.failingBins);
    const served = fastPaths(context).filter((figures) => {
      const keyed = context.pathSeries.find((entry) => entry.key === figures.path);
      return keyed !== undefined && [...failing].some((index) => keyed.series.requests[index] > 0);
    });
    if (served.length === 0) {
      return notMet('no fast path had traffic while requests were failing');
    }
    const unaffected = served.filter((figures) => figures.failures === 0 && (figures.worstMax ?? 0) < STALL_MIN_MS);
    const observed = `${unaffected.length} of ${served.length} fast path(s) with traffic during failures stayed healthy (${unaffected.map((figures) => figures.path).join(', ') || 'none'})`;
    return unaffected.length === served.length ? met(observed, { pointers: pathPointers(unaffected) }) : notMet(observed);
  },
};

export const uniformFastFailures: SignalRule = {
  signal: 'uniform-failures-incl-fast-paths',
  role: 'weakening',
  weight: 1,
  expectation: 'fast paths fail as often as slow ones, and fail fast (no waiting)',
  check(context) {
    const fastFailing = fastPaths(context).filter((figures) => figures.failures > 0 && (figures.worstMax ?? 0) < STALL_MIN_MS);
    const slow = slowPaths(context);
    if (fastFailing.length === 0) {
      return notMet('no fast path failed quickly');
    }
    const fastRate = sumFailures(fastFailing) / sumRequests(fastFailing);
    const slowRate = sumRequests(slow) > 0 ? sumFailures(slow) / sumRequests(slow) : 0;
    const observed = `fast paths failing quickly at ${formatPercent(100 * fastRate)} vs slow paths ${formatPercent(100 * slowRate)}`;
    return fastRate >= 0.5 * slowRate ? met(observed, { pointers: pathPointers(fastFailing) }) : notMet(observed);
  },
};
