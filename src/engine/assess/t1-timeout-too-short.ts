// T1 — Gunicorn --timeout too short (WORKER TIMEOUT guide): the arbiter kills workers whose request
// outlives --timeout, so requests die at that boundary although the platform would wait 230–240 s.
import { AssessContext } from './context';
import * as checks from './next-checks/playbook-queries';
import { HypothesisDefinition, met, noData, notMet, SignalRule } from './rule';
import { binRange, binsPointer, eventPointers, eventsOfKind, formatDuration, rampStrength } from './signal-math';
import { describeTimeout, timeoutInForce } from './timeout-in-force';

/** App Service's front end gives up on a request after 230 s: a --timeout below it cuts requests the platform would still serve. */
export const PLATFORM_REQUEST_LIMIT_SEC = 230;
/** A cluster within 10% of --timeout was cut by it (kill, then the proxy answers). */
export const TIMEOUT_MATCH_TOLERANCE = 0.1;
/** The arbiter notices a silent worker on its next wake-up (about once a second), so kills land up to ~2 s late. */
export const ARBITER_LATENESS_MS = 2000;

function timeouts(context: AssessContext) {
  return eventsOfKind(context.events, 'worker-timeout');
}

const workerTimeouts: SignalRule = {
  signal: 'worker-timeouts',
  role: 'supporting',
  weight: 1.5,
  expectation: '[CRITICAL] WORKER TIMEOUT (pid:N) lines',
  check(context) {
    if (!context.hasConsole) {
      return noData('no console rows in the window');
    }
    const found = timeouts(context);
    return found.length > 0
      ? met(`${found.length} WORKER TIMEOUT line(s)`, { strength: rampStrength(found.length, 1, 5), pieces: found.map((event) => ({ from: event.time, to: event.time + 1 })), pointers: eventPointers(found) })
      : notMet('no WORKER TIMEOUT lines');
  },
};

const killsFollowTimeouts: SignalRule = {
  signal: 'kills-follow-timeouts',
  role: 'supporting',
  weight: 1,
  expectation: 'the timed-out worker is then killed (SIGKILL) or aborted mid-request and exits',
  check(context) {
    if (!context.hasConsole) {
      return noData('no console rows in the window');
    }
    const kills = context.markers.filter((entry) => entry.item.kind === 'worker-kill' && entry.item.cause === 'after-timeout');
    const aborts = eventsOfKind(context.events, 'traceback').filter((event) => event.aborted);
    if (kills.length + aborts.length === 0) {
      return notMet('no kill or abort after a WORKER TIMEOUT');
    }
    return met(`${kills.length} SIGKILL after WORKER TIMEOUT of the same pid, ${aborts.length} request(s) aborted by the timeout`, {
      pieces: kills.map((entry) => ({ from: entry.item.time, to: entry.item.time + 1 })),
      pointers: kills.slice(0, 20).map((entry) => ({ kind: 'marker' as const, index: entry.index })),
    });
  },
};

function nearTimeout(milliseconds: number, timeoutSec: number): boolean {
  const timeoutMs = timeoutSec * 1000;
  return milliseconds >= timeoutMs * (1 - TIMEOUT_MATCH_TOLERANCE) && milliseconds <= timeoutMs * (1 + TIMEOUT_MATCH_TOLERANCE) + ARBITER_LATENESS_MS;
}

const requestsDieAtTimeout: SignalRule = {
  signal: 'requests-die-at-timeout',
  role: 'supporting',
  weight: 1,
  expectation: `failed requests (an abort cluster, or the slowest 5xx of a bin) within ${TIMEOUT_MATCH_TOLERANCE * 100}% of the configured --timeout`,
  check(context) {
    const timeout = timeoutInForce(context);
    const timeoutSec = timeout?.seconds;
    const atTimeout = context.clusters.filter(
      (entry) => entry.item.kind === 'gunicorn-timeout' || (timeoutSec !== undefined && nearTimeout(entry.item.boundaryMs, timeoutSec))
    );
    // 5xx bins whose slowest request ended at the timeout: the proxy answered when Gunicorn killed the worker.
    const binsAtTimeout =
      timeoutSec === undefined
        ? []
        : context.failingBins.filter((index) => context.series.err5xx[index] > 0 && nearTimeout(context.series.max[index] ?? 0, timeoutSec));
    if (atTimeout.length === 0 && binsAtTimeout.length === 0) {
      return timeoutSec === undefined && context.failures > 0
        ? noData('--timeout unknown, so failure durations cannot be matched to it')
        : notMet(`no failures ending at the --timeout${timeout !== undefined ? ` (${timeout.seconds} s, ${timeout.from})` : ''}`);
    }
    const requests = atTimeout.reduce((total, entry) => total + entry.item.count, 0);
    const parts = [];
    if (atTimeout.length > 0) {
      parts.push(`${requests} aborted request(s) in ${atTimeout.length} cluster(s) at ${atTimeout.map((entry) => formatDuration(entry.item.boundaryMs)).join(', ')}`);
    }
    if (binsAtTimeout.length > 0) {
      parts.push(`${binsAtTimeout.length} bin(s) whose slowest 5xx took ${formatDuration(context.series.max[binsAtTimeout[0]] ?? 0)} against ${describeTimeout(timeout!)}`);
    }
    return met(parts.join('; '), {
      pieces: [
        ...atTimeout.map((entry) => ({ from: entry.item.requestStartFrom, to: entry.item.end })),
        ...binsAtTimeout.map((index) => binRange(context, index)),
      ],
      pointers: [...atTimeout.map((entry) => ({ kind: 'cluster' as const, index: entry.index })), ...binsPointer(context, binsAtTimeout)],
    });
  },
};

const timeoutBelowPlatformLimit: SignalRule = {
  signal: 'timeout-below-platform-limit',
  role: 'supporting',
  weight: 0.5,
  expectation: `--timeout below the platform's ${PLATFORM_REQUEST_LIMIT_SEC} s request limit (Gunicorn's default is 30 s)`,
  check(context) {
    const timeout = timeoutInForce(context);
    if (timeout === undefined) {
      return noData('--timeout not found in the site config, the startup command or the logs');
    }
    const observed = describeTimeout(timeout);
    // A short --timeout is only a risk, not evidence, until something failed or timed out.
    if (context.failures === 0 && timeouts(context).length === 0) {
      return notMet(`${observed}, but no failed request or WORKER TIMEOUT for it to explain`);
    }
    return timeout.seconds > 0 && timeout.seconds < PLATFORM_REQUEST_LIMIT_SEC ? met(observed) : notMet(observed);
  },
};

const noTimeoutsDuringFailures: SignalRule = {
  signal: 'no-timeouts-during-failures',
  role: 'weakening',
  weight: 1,
  expectation: 'console output covering the failures without a single WORKER TIMEOUT',
  check(context) {
    if (!context.hasConsole) {
      return noData('no console rows in the window');
    }
    return context.failures > 0 && timeouts(context).length === 0
      ? met(`${context.failures} failed request(s), console present, no WORKER TIMEOUT`)
      : notMet(`${timeouts(context).length} WORKER TIMEOUT line(s)`);
  },
};

const timeoutAtPlatformLimit: SignalRule = {
  signal: 'timeout-at-or-above-platform-limit',
  role: 'weakening',
  weight: 1,
  expectation: `--timeout ≥ ${PLATFORM_REQUEST_LIMIT_SEC} s: the platform cuts long requests before Gunicorn does`,
  check(context) {
    const timeout = timeoutInForce(context);
    if (timeout === undefined) {
      return noData('--timeout not found in the site config, the startup command or the logs');
    }
    const observed = describeTimeout(timeout);
    return timeout.seconds === 0 || timeout.seconds >= PLATFORM_REQUEST_LIMIT_SEC ? met(observed) : notMet(observed);
  },
};

export const t1TimeoutTooShort: HypothesisDefinition = {
  id: 'T1',
  title: 'Gunicorn --timeout too short',
  rules: [workerTimeouts, killsFollowTimeouts, requestsDieAtTimeout, timeoutBelowPlatformLimit, noTimeoutsDuringFailures, timeoutAtPlatformLimit],
  decisiveSignals: ['worker-timeouts'],
  undecidedBecause: 'No WORKER TIMEOUT line was seen, so Gunicorn did not kill requests at its --timeout.',
  explainsHttpFailures: false,
  nextChecks(context, app) {
    const scope = { window: context.window, binMs: context.binMs, app };
    const current = timeoutInForce(context);
    return [
      checks.workerLines(scope),
      checks.azConfigShow(app),
      checks.azWorkerSettings(app),
      {
        kind: 'config',
        title: 'Let Gunicorn wait at least as long as the platform does',
        text: `${current !== undefined ? `Now ${describeTimeout(current)}. ` : ''}Set --timeout ${PLATFORM_REQUEST_LIMIT_SEC} or more (App Service's own default command uses 600), then fix what makes requests that slow (dependency timeouts, background jobs for long work).`,
      },
    ];
  },
};
