// H1 — worker concurrency exhaustion under burst traffic (playbook §6 H1): queueing in front of
// too few synchronous workers, seen as failures rising with load, 499s at one boundary, fast paths stuck.
// With platform metrics: CPU moderate on the failing instance while p95 climbs supports it; the same
// queue on a CPU-saturated instance counts against it, so H1 does not outrank C1 there (h1-cpu-rules.ts).
import { LATENCY_RISE_FACTOR, loadProfile, ratio } from './load-profile';
import * as checks from './next-checks/playbook-queries';
import { failingPaths, slowPaths, sumFailures } from './path-profile';
import { restartsExplainBetter } from './platform-alignment';
import { HypothesisDefinition, met, noData, notMet, SignalRule } from './rule';
import { binsPointer, eventPointers, eventsOfKind, formatDuration, formatPercent, pathPointers, rampStrength } from './signal-math';
import { describeWorkerModel, requestSlots } from './worker-model';
import { endpointDivergence, fastPathStalled, fastPathsUnaffected, uniformFastFailures } from './h1-fast-path-rules';
import { cpuModerateWhileLatencyClimbs, cpuSaturatedOnFailingInstance } from './h1-cpu-rules';

/** Failing bins carrying 1.5× the requests of calm bins: bursts, not background noise. */
export const LOAD_RISE_FACTOR = 1.5;
export { LATENCY_RISE_FACTOR };
/** Three aborts cut at the same TimeTaken are a pattern; two can be chance. */
export const MIN_CLUSTER_SIZE = 3;
/** Half the failures on slow synchronous paths: the long requests are what holds the workers. */
export const SLOW_PATH_SHARE = 0.5;
/** Eight request slots or fewer: a modest burst of slow requests fills them all. */
export const FEW_REQUEST_SLOTS = 8;
/** Most failures in quiet, fast bins: failing without any queue to explain it. */
export const LOW_VOLUME_SHARE = 0.5;

const failuresRiseWithLoad: SignalRule = {
  signal: 'failures-rise-with-load',
  role: 'supporting',
  weight: 1,
  expectation: `failing bins carry ≥ ${LOAD_RISE_FACTOR}× the requests of calm bins, with p95 rising`,
  check(context) {
    const load = loadProfile(context);
    if (load.failingBins.length === 0) {
      return notMet('no failing bins');
    }
    const volume = ratio(load.failingRequests, load.calmRequests);
    const latency = ratio(load.failingP95, load.calmP95);
    if (volume === null) {
      return noData('every bin with traffic had failures: no calm bins to compare with (try a smaller --bin)');
    }
    const observed =
      `median ${load.failingRequests} requests in ${load.failingBins.length} failing bin(s) vs ${load.calmRequests} in ${load.calmBins.length} calm bin(s)` +
      (latency !== null ? `; p95 ${formatDuration(load.failingP95 ?? 0)} vs ${formatDuration(load.calmP95 ?? 0)}` : '');
    if (volume < LOAD_RISE_FACTOR) {
      return notMet(observed);
    }
    const latencyBonus = latency !== null && latency >= LATENCY_RISE_FACTOR ? 0.25 : 0;
    return met(observed, {
      strength: rampStrength(volume, LOAD_RISE_FACTOR, 4 * LOAD_RISE_FACTOR) + latencyBonus,
      pieces: load.failingBins.map((index) => ({ from: context.series.time[index], to: context.series.time[index] + context.binMs })),
      pointers: binsPointer(context, load.failingBins),
    });
  },
};

const abortClusters: SignalRule = {
  signal: 'client-abort-clusters',
  role: 'supporting',
  weight: 1,
  expectation: `≥ ${MIN_CLUSTER_SIZE} aborted requests cut at one TimeTaken boundary (queued until the caller gave up)`,
  check(context) {
    const clusters = context.clusters.filter((entry) => entry.item.count >= MIN_CLUSTER_SIZE);
    if (clusters.length === 0) {
      return notMet(`no cluster of ≥ ${MIN_CLUSTER_SIZE} aborts at a common boundary`);
    }
    const requests = clusters.reduce((total, entry) => total + entry.item.count, 0);
    const boundaries = clusters.map((entry) => `${entry.item.count}× ${entry.item.status} at ${formatDuration(entry.item.boundaryMs)} (${entry.item.kind})`);
    return met(`${clusters.length} cluster(s), ${requests} requests: ${boundaries.slice(0, 4).join(', ')}`, {
      strength: rampStrength(requests, MIN_CLUSTER_SIZE, 10),
      pieces: clusters.map((entry) => ({ from: entry.item.requestStartFrom, to: entry.item.end })),
      pointers: clusters.map((entry) => ({ kind: 'cluster', index: entry.index })),
    });
  },
};

const slowPathsHoldFailures: SignalRule = {
  signal: 'failures-on-slow-paths',
  role: 'supporting',
  weight: 1,
  expectation: `≥ ${SLOW_PATH_SHARE * 100}% of failures on paths with long synchronous requests`,
  check(context) {
    const failures = sumFailures(failingPaths(context));
    if (failures === 0) {
      return notMet('no failures');
    }
    const slow = slowPaths(context).filter((figures) => figures.failures > 0);
    const share = sumFailures(slow) / failures;
    const observed = `${formatPercent(100 * share)} of ${failures} failures on slow paths (${slow.map((figures) => figures.path).join(', ') || 'none'})`;
    return share >= SLOW_PATH_SHARE
      ? met(observed, { strength: rampStrength(share, SLOW_PATH_SHARE, 1), pointers: pathPointers(slow) })
      : notMet(observed);
  },
};

const fewSyncWorkers: SignalRule = {
  signal: 'few-sync-workers',
  role: 'supporting',
  weight: 1,
  expectation: `synchronous workers with ≤ ${FEW_REQUEST_SLOTS} request slots per instance`,
  check(context) {
    const slots = requestSlots(context);
    if (!slots) {
      return noData('worker class and count not found in console lines, startup command or site config');
    }
    const observed = describeWorkerModel(slots);
    return slots.blocking && slots.slots <= FEW_REQUEST_SLOTS
      ? met(observed, { pointers: slots.segmentIndex !== undefined ? [{ kind: 'worker-model', index: slots.segmentIndex }] : [] })
      : notMet(observed);
  },
};

const workerTimeoutLines: SignalRule = {
  signal: 'worker-timeout-lines',
  role: 'supporting',
  weight: 1,
  expectation: 'WORKER TIMEOUT / worker restarts in console output',
  check(context) {
    if (!context.hasConsole) {
      return noData('no console rows in the window');
    }
    const timeouts = eventsOfKind(context.events, 'worker-timeout');
    return timeouts.length > 0
      ? met(`${timeouts.length} WORKER TIMEOUT line(s)`, {
          strength: rampStrength(timeouts.length, 1, 5),
          pieces: timeouts.map((event) => ({ from: event.time, to: event.time + 1 })),
          pointers: eventPointers(timeouts),
        })
      : notMet('no WORKER TIMEOUT lines');
  },
};

const failuresAtLowVolume: SignalRule = {
  signal: 'failures-at-low-volume',
  role: 'weakening',
  weight: 1,
  expectation: `≥ ${LOW_VOLUME_SHARE * 100}% of failures in bins with below-median volume and no latency rise`,
  check(context) {
    const load = loadProfile(context);
    if (load.failingBins.length === 0) {
      return notMet('no failures');
    }
    if (load.calmP95 === null) {
      return noData('no calm bins to compare with');
    }
    const active = [...load.failingBins, ...load.calmBins].map((index) => context.series.requests[index]).sort((a, b) => a - b);
    const medianVolume = active[active.length >> 1];
    const quiet = load.failingBins.filter(
      (index) => context.series.requests[index] <= medianVolume && (context.series.p95[index] ?? 0) < LATENCY_RISE_FACTOR * Math.max(load.calmP95 ?? 0, 1)
    );
    const quietFailures = quiet.reduce((total, index) => total + context.series.err5xx[index] + context.series.s499[index], 0);
    const share = quietFailures / context.failures;
    const observed = `${quietFailures} of ${context.failures} failures in quiet bins with no latency rise`;
    return share >= LOW_VOLUME_SHARE ? met(observed, { strength: share, pointers: binsPointer(context, quiet) }) : notMet(observed);
  },
};

const noWorkerTimeouts: SignalRule = {
  signal: 'no-worker-timeout-lines',
  role: 'weakening',
  // Half weight: the playbook itself warns that a missing WORKER TIMEOUT line does not prove healthy workers.
  weight: 0.5,
  expectation: 'console output present but no worker timeout or backlog line',
  check(context) {
    if (!context.hasConsole) {
      return noData('no console rows in the window');
    }
    const timeouts = eventsOfKind(context.events, 'worker-timeout');
    return timeouts.length === 0 && context.failures > 0 ? met('console rows present, no WORKER TIMEOUT') : notMet(`${timeouts.length} WORKER TIMEOUT line(s)`);
  },
};

export const h1WorkerExhaustion: HypothesisDefinition = {
  id: 'H1',
  title: 'Worker concurrency exhaustion',
  rules: [
    failuresRiseWithLoad,
    abortClusters,
    fastPathStalled,
    endpointDivergence,
    slowPathsHoldFailures,
    fewSyncWorkers,
    workerTimeoutLines,
    cpuModerateWhileLatencyClimbs,
    failuresAtLowVolume,
    noWorkerTimeouts,
    uniformFastFailures,
    fastPathsUnaffected,
    restartsExplainBetter,
    cpuSaturatedOnFailingInstance,
  ],
  decisiveSignals: ['failures-rise-with-load', 'client-abort-clusters', 'fast-path-stalled'],
  undecidedBecause: 'No queueing signature (load-driven failures, abort clusters at one boundary, or a stalled fast path) was found.',
  explainsHttpFailures: true,
  nextChecks(context, app) {
    const scope = { window: context.window, binMs: context.binMs, app };
    const paths = failingPaths(context).slice(0, 5).map((figures) => figures.path);
    const slots = requestSlots(context);
    const list = [checks.statusLatencyTimeline(scope)];
    if (paths.length > 0) {
      list.push(checks.requestsOnPaths(scope, paths, 'Failed paths request by request (start = end − TimeTaken): same-boundary aborts?'));
    }
    list.push(checks.workerLines(scope), checks.azConfigShow(app), checks.azWorkerSettings(app));
    list.push({
      kind: 'config',
      title: 'Give bursts more request slots, then retest the burst',
      text:
        `${slots ? `Now: ${describeWorkerModel(slots)}. ` : ''}Try --worker-class gthread --threads 4 (or more --workers if memory allows; ` +
        '(2 × cores) + 1 is the usual start), move long synchronous work off the request path, and scale out during peaks.',
    });
    return list;
  },
};
