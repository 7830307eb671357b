// H2 — dependency latency cascade (playbook §6 H2): a slow or failing remote holds requests until
// they time out; seen as dependency errors in console output lined up with failures on the paths that call it.
import { CONNECT_SIGNATURES, otherPathsFailAlike as otherPathsFailAlikeRule, dependencyErrors, REMOTE_SIGNATURES, splitPaths, stalledTracebacks, timesOf, troubledPaths } from './dependency-evidence';
import { LATENCY_RISE_FACTOR } from './h1-worker-exhaustion';
import { loadProfile } from './load-profile';
import * as checks from './next-checks/playbook-queries';
import { restartsExplainBetter } from './platform-alignment';
import { HypothesisDefinition, met, noData, notMet, SignalRule } from './rule';
import { binFailures, binRange, eventPointers, failureEpisodes, formatDuration, formatPercent, isNear, pathPointers, rampStrength } from './signal-math';

/** A dependency line within two minutes of a failure is part of the same stall (timeouts run 30–120 s). */
export const DEPENDENCY_ALIGN_MS = 120_000;
/** Half the failures next to dependency trouble: the remote is the common factor. */
export const ALIGNED_SHARE = 0.5;
/** 60% of failures on the paths that call the troubled remote: concentrated, not uniform. */
export const DEPENDENCY_PATH_SHARE = 0.6;
/** Five dependency errors in one bin: callers retrying into the stall. */
export const RETRY_STORM_LINES = 5;

function dependencyTrouble(context: Parameters<SignalRule['check']>[0]) {
  return [...dependencyErrors(context, REMOTE_SIGNATURES), ...stalledTracebacks(context)].sort((a, b) => a.time - b.time);
}

const dependencyErrorLines: SignalRule = {
  signal: 'dependency-error-lines',
  role: 'supporting',
  weight: 1,
  expectation: 'timeout / refused / reset lines from dependency clients in console output',
  check(context) {
    if (!context.hasConsole) {
      return noData('no console rows in the window');
    }
    const errors = dependencyErrors(context, REMOTE_SIGNATURES);
    if (errors.length === 0) {
      return notMet('no dependency timeout/refused/reset lines');
    }
    const bySignature = new Map<string, number>();
    errors.forEach((event) => bySignature.set(event.signature, (bySignature.get(event.signature) ?? 0) + 1));
    const summary = [...bySignature].map(([signature, count]) => `${signature} ×${count}`).join(', ');
    return met(`${errors.length} line(s): ${summary}`, { strength: rampStrength(errors.length, 1, 10), pieces: timesOf(errors), pointers: eventPointers(errors) });
  },
};

const workersStuckOnRemote: SignalRule = {
  signal: 'workers-stuck-in-remote-calls',
  role: 'supporting',
  weight: 1,
  expectation: 'tracebacks of workers aborted, or calls timing out, while waiting in a socket connect/read',
  check(context) {
    if (!context.hasConsole) {
      return noData('no console rows in the window');
    }
    const stuck = stalledTracebacks(context);
    if (stuck.length === 0) {
      return notMet('no traceback shows a worker waiting on a remote');
    }
    const where = new Map<string, number>();
    stuck.forEach((event) => where.set(event.blockedIn ?? 'socket', (where.get(event.blockedIn ?? 'socket') ?? 0) + 1));
    return met(`${stuck.length} traceback(s) waiting on a remote (${[...where].map(([call, count]) => `${call} ×${count}`).join(', ')})`, { strength: rampStrength(stuck.length, 1, 5), pieces: timesOf(stuck), pointers: eventPointers(stuck) });
  },
};

const failuresAlignWithDependency: SignalRule = {
  signal: 'failures-align-with-dependency-errors',
  role: 'supporting',
  weight: 1,
  expectation: `≥ ${ALIGNED_SHARE * 100}% of failures within ${DEPENDENCY_ALIGN_MS / 1000} s of dependency trouble`,
  check(context) {
    if (!context.hasConsole) {
      return noData('no console rows in the window');
    }
    const trouble = timesOf(dependencyTrouble(context));
    if (trouble.length === 0 || context.failures === 0) {
      return notMet('no dependency trouble or no failures to line up');
    }
    const aligned = context.failingBins.filter((index) => {
      const range = binRange(context, index);
      return isNear(range.from - (context.series.max[index] ?? 0), trouble, DEPENDENCY_ALIGN_MS) || isNear(range.to, trouble, DEPENDENCY_ALIGN_MS);
    });
    const alignedFailures = aligned.reduce((total, index) => total + binFailures(context, index), 0);
    const share = alignedFailures / context.failures;
    const observed = `${alignedFailures} of ${context.failures} failures (${formatPercent(100 * share)}) near dependency trouble`;
    return share >= ALIGNED_SHARE ? met(observed, { strength: share, pieces: aligned.map((index) => binRange(context, index)) }) : notMet(observed);
  },
};

const failuresOnDependencyPaths: SignalRule = {
  signal: 'failures-on-dependency-paths',
  role: 'supporting',
  weight: 1,
  expectation: `≥ ${DEPENDENCY_PATH_SHARE * 100}% of failures on the paths whose requests hit dependency errors`,
  check(context) {
    const paths = troubledPaths(context);
    if (paths.size === 0) {
      return context.hasConsole ? notMet('no request named in a dependency error or traceback') : noData('no console rows to name dependency paths');
    }
    const split = splitPaths(context, paths);
    const total = split.insideFailures + split.outsideFailures;
    const share = total > 0 ? split.insideFailures / total : 0;
    const observed = `${split.insideFailures} of ${total} failures on ${[...paths].join(', ')}`;
    return share >= DEPENDENCY_PATH_SHARE ? met(observed, { strength: share, pointers: pathPointers(split.inside) }) : notMet(observed);
  },
};

const latencyBeforeFailures: SignalRule = {
  signal: 'latency-rises-before-failures',
  role: 'supporting',
  weight: 1,
  expectation: `p95 ≥ ${LATENCY_RISE_FACTOR}× the calm p95 in the bins just before failures start`,
  check(context) {
    const load = loadProfile(context);
    if (context.failingBins.length === 0) {
      return notMet('no failures');
    }
    if (load.calmP95 === null) {
      return noData('no calm bins to compare with');
    }
    const threshold = LATENCY_RISE_FACTOR * Math.max(load.calmP95, 1);
    const episodes = failureEpisodes(context);
    // Only the bins BEFORE an episode: the failing bins' own p95 is the abort boundary, which proves nothing.
    const risen = episodes.filter((episode) =>
      [episode.firstBin - 2, episode.firstBin - 1].some(
        (index) => index >= context.firstBin && context.series.requests[index] > 0 && (context.series.p95[index] ?? 0) >= threshold
      )
    );
    const share = risen.reduce((total, episode) => total + episode.failures, 0) / context.failures;
    const observed = `${risen.length} of ${episodes.length} failure episode(s) (${formatPercent(100 * share)} of failures) followed p95 ≥ ${formatDuration(threshold)} (calm ${formatDuration(load.calmP95)})`;
    return share >= 0.5 ? met(observed, { strength: share, pieces: risen }) : notMet(observed);
  },
};

const retryStorm: SignalRule = {
  signal: 'retry-storm',
  role: 'supporting',
  weight: 0.5,
  expectation: `≥ ${RETRY_STORM_LINES} dependency errors within one bin`,
  check(context) {
    if (!context.hasConsole) {
      return noData('no console rows in the window');
    }
    const counts = new Map<number, number>();
    for (const event of dependencyErrors(context, REMOTE_SIGNATURES)) {
      const bin = Math.floor(event.time / context.binMs) * context.binMs;
      counts.set(bin, (counts.get(bin) ?? 0) + 1);
    }
    const peak = Math.max(0, ...counts.values());
    return peak >= RETRY_STORM_LINES ? met(`${peak} dependency errors in one bin`) : notMet(`at most ${peak} dependency error(s) per bin`);
  },
};

const otherPathsFailAlike = otherPathsFailAlikeRule('dependency-free-paths-fail-alike', 'dependency', 'dependency trouble');

const noDependencySignatures: SignalRule = {
  signal: 'no-dependency-signatures',
  role: 'weakening',
  weight: 1,
  expectation: 'console output present during failures with no dependency error or socket wait at all',
  check(context) {
    if (!context.hasConsole) {
      return noData('no console rows in the window: absence of dependency lines proves nothing');
    }
    const trouble = dependencyTrouble(context);
    return trouble.length === 0 && context.failures > 0 ? met('console rows present, no dependency signature') : notMet(`${trouble.length} dependency signature(s)`);
  },
};

export const h2DependencyCascade: HypothesisDefinition = {
  id: 'H2',
  title: 'Dependency latency cascade',
  rules: [dependencyErrorLines, workersStuckOnRemote, failuresAlignWithDependency, failuresOnDependencyPaths, latencyBeforeFailures, retryStorm, otherPathsFailAlike, noDependencySignatures, restartsExplainBetter],
  decisiveSignals: ['dependency-error-lines', 'workers-stuck-in-remote-calls'],
  undecidedBecause: 'No dependency error line or worker stuck in a remote call was found in console output.',
  explainsHttpFailures: true,
  nextChecks(context, app) {
    const scope = { window: context.window, binMs: context.binMs, app };
    const connectFailures = dependencyErrors(context, CONNECT_SIGNATURES).length;
    return [
      checks.endpointStatusConcentration(scope),
      checks.dependencyErrorLines(scope),
      checks.azWorkerSettings(app),
      {
        kind: 'config',
        title: 'Bound every dependency call and stop retries from amplifying the stall',
        text:
          'Set explicit connect/read timeouts per dependency well under Gunicorn --timeout, cap retries with jittered backoff, ' +
          `and add a circuit breaker on the slow remote${connectFailures > 0 ? ' (connect failures seen: also check H4)' : ''}.`,
      },
    ];
  },
};
