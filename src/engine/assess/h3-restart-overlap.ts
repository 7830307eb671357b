// H3 — health probe / restart overlap (playbook §6 H3): failures while a container or the Gunicorn
// master starts, stops or fails its probes, or the plan scales in or out (from platform metrics), or
// right after a deployment, and recovery once it settles.
import { deploymentBeforeFailures } from './deployment-before-failures';
import { scaleBeforeFailures } from './scale-before-failures';
import { azSiteArguments, shellWord } from './next-checks/app-identity';
import * as checks from './next-checks/playbook-queries';
import { transitionOverlap, TRANSITION_ALIGN_MS } from './platform-alignment';
import { HypothesisDefinition, met, noData, notMet, SignalRule } from './rule';
import { binRange, binsPointer, formatPercent } from './signal-math';
import { AssessContext } from './context';
import { EvidencePointer } from './types';

/** Half the 502/503 next to a transition: the platform was changing state when they happened. */
export const UNAVAILABLE_ALIGNED_SHARE = 0.5;
/** Half of all 5xx next to a transition. */
export const FAILURES_ALIGNED_SHARE = 0.5;
/** Five quiet minutes with traffic after the last transition: it recovered once stable. */
export const STABLE_AFTER_MS = 5 * 60_000;
/** Most 5xx away from any transition: the platform timeline does not explain them. */
export const UNALIGNED_SHARE = 0.5;
/** 500/502 being most of the 5xx: app errors and upstream resets, not unavailability. */
export const APP_ERROR_SHARE = 0.5;

function platformMissing(context: AssessContext): boolean {
  return !context.hasPlatform && !context.hasConsole;
}

function markerPointers(entries: Array<{ index: number }>): EvidencePointer[] {
  return entries.slice(0, 20).map((entry) => ({ kind: 'marker', index: entry.index }));
}

const unavailableNearTransitions: SignalRule = {
  signal: 'unavailable-near-transitions',
  role: 'supporting',
  weight: 1.5,
  expectation: `≥ ${UNAVAILABLE_ALIGNED_SHARE * 100}% of 502/503 within ${TRANSITION_ALIGN_MS / 1000} s of a start/stop/probe transition`,
  check(context) {
    if (platformMissing(context)) {
      return noData('no platform or console rows in the window');
    }
    const unavailable = context.failingBins.reduce((total, index) => total + context.series.s502[index] + context.series.s503[index], 0);
    if (unavailable === 0) {
      return notMet('no 502/503 in the window');
    }
    const overlap = transitionOverlap(context, true);
    const share = overlap.aligned5xxUnavailable / unavailable;
    const observed = `${overlap.aligned5xxUnavailable} of ${unavailable} 502/503 overlap ${overlap.touchedMarkers.length} transition(s)`;
    return share >= UNAVAILABLE_ALIGNED_SHARE
      ? met(observed, {
          strength: share,
          pieces: overlap.alignedBins.filter((index) => context.series.s502[index] + context.series.s503[index] > 0).map((index) => binRange(context, index)),
          pointers: markerPointers(overlap.touchedMarkers),
        })
      : notMet(observed);
  },
};

const failuresNearTransitions: SignalRule = {
  signal: '5xx-near-transitions',
  role: 'supporting',
  weight: 1,
  // 499s are callers giving up; whether the platform was changing state shows in the server's own 5xx.
  expectation: `≥ ${FAILURES_ALIGNED_SHARE * 100}% of all 5xx (request start to end) overlap a transition`,
  check(context) {
    if (platformMissing(context)) {
      return noData('no platform or console rows in the window');
    }
    if (context.err5xx === 0) {
      return notMet('no 5xx in the window');
    }
    const overlap = transitionOverlap(context, true);
    const share = overlap.aligned5xx / context.err5xx;
    const observed = `${overlap.aligned5xx} of ${context.err5xx} 5xx (${formatPercent(100 * share)}) overlap a transition`;
    return share >= FAILURES_ALIGNED_SHARE
      ? met(observed, { strength: share, pieces: overlap.alignedBins.map((index) => binRange(context, index)), pointers: binsPointer(context, overlap.alignedBins) })
      : notMet(observed);
  },
};

const probeOrStartFailures: SignalRule = {
  signal: 'probe-or-start-failures',
  role: 'supporting',
  weight: 1,
  expectation: 'startup probe failures, start time-outs or boot failures next to the failures',
  check(context) {
    if (platformMissing(context)) {
      return noData('no platform or console rows in the window');
    }
    const touched = transitionOverlap(context, true).touchedMarkers.filter((entry) => ['probe-failure', 'container-timeout', 'boot-failure'].includes(entry.item.kind));
    return touched.length > 0
      ? met(`${touched.length} probe/start failure(s) next to failures, e.g. ${touched[0].item.title}`, {
          pieces: touched.map((entry) => ({ from: entry.item.time, to: entry.item.time + 1 })),
          pointers: markerPointers(touched),
        })
      : notMet('no probe or start failure next to the failures');
  },
};

const masterBootNearFailures: SignalRule = {
  signal: 'gunicorn-boot-near-failures',
  role: 'supporting',
  weight: 1,
  expectation: 'a Gunicorn master (re)start next to the failures (warm-up gap)',
  check(context) {
    if (!context.hasConsole) {
      return noData('no console rows in the window');
    }
    const boots = transitionOverlap(context, true).touchedMarkers.filter((entry) => entry.item.kind === 'restart');
    return boots.length > 0 ? met(`${boots.length} Gunicorn (re)start(s) next to failures`, { pointers: markerPointers(boots) }) : notMet('no Gunicorn start next to the failures');
  },
};

const recoversWhenStable: SignalRule = {
  signal: 'recovers-after-stabilizing',
  role: 'supporting',
  weight: 0.5,
  expectation: `no failures in the ${STABLE_AFTER_MS / 60_000} min of traffic after the last transition`,
  check(context) {
    const overlap = transitionOverlap(context, true);
    if (overlap.touchedMarkers.length === 0) {
      return notMet('no transition next to failures');
    }
    const settled = Math.max(...overlap.touchedMarkers.map((entry) => entry.item.time));
    let requests = 0;
    let failures = 0;
    for (let index = context.firstBin; index < context.endBin; index++) {
      const start = context.series.time[index];
      if (start > settled && start <= settled + STABLE_AFTER_MS) {
        requests += context.series.requests[index];
        failures += context.series.err5xx[index] + context.series.s499[index];
      }
    }
    const observed = `${requests} request(s), ${failures} failure(s) in the ${STABLE_AFTER_MS / 60_000} min after the last transition`;
    return requests > 0 && failures === 0 ? met(observed) : notMet(observed);
  },
};

const failuresAwayFromTransitions: SignalRule = {
  signal: '5xx-away-from-transitions',
  role: 'weakening',
  weight: 1,
  expectation: `≥ ${UNALIGNED_SHARE * 100}% of 5xx with no platform transition nearby`,
  check(context) {
    if (!context.hasPlatform) {
      return noData('no platform rows in the window: cannot tell whether the platform was stable');
    }
    if (context.err5xx === 0) {
      return notMet('no 5xx in the window');
    }
    const overlap = transitionOverlap(context, true);
    const away = context.err5xx - overlap.aligned5xx;
    const share = away / context.err5xx;
    const observed = `${away} of ${context.err5xx} 5xx away from any of ${overlap.transitions.length} transition(s)`;
    return share >= UNALIGNED_SHARE ? met(observed, { strength: share }) : notMet(observed);
  },
};

const appErrorsDominate: SignalRule = {
  signal: 'app-errors-without-transitions',
  role: 'weakening',
  weight: 1,
  expectation: `500/502 are ≥ ${APP_ERROR_SHARE * 100}% of the 5xx and not next to transitions`,
  check(context) {
    if (!context.hasPlatform) {
      return noData('no platform rows in the window');
    }
    const aligned = new Set(transitionOverlap(context, true).alignedBins);
    let appErrors = 0;
    for (const index of context.failingBins) {
      if (!aligned.has(index)) {
        appErrors += context.series.s500[index] + context.series.s502[index];
      }
    }
    const observed = `${appErrors} of ${context.err5xx} 5xx are 500/502 away from transitions`;
    return context.err5xx > 0 && appErrors / context.err5xx >= APP_ERROR_SHARE ? met(observed) : notMet(observed);
  },
};

export const h3RestartOverlap: HypothesisDefinition = {
  id: 'H3',
  title: 'Health probe / restart overlap',
  rules: [
    unavailableNearTransitions,
    failuresNearTransitions,
    probeOrStartFailures,
    masterBootNearFailures,
    deploymentBeforeFailures,
    scaleBeforeFailures,
    recoversWhenStable,
    failuresAwayFromTransitions,
    appErrorsDominate,
  ],
  decisiveSignals: ['unavailable-near-transitions', '5xx-near-transitions', 'failures-align-with-scale-events'],
  undecidedBecause: 'The failures do not line up with container or Gunicorn transitions or scale events.',
  explainsHttpFailures: true,
  nextChecks(context, app) {
    const scope = { window: context.window, binMs: context.binMs, app };
    const healthPath = context.paths.map((figures) => figures.path).find((path) => /health/i.test(path)) ?? '/health';
    return [
      checks.platformTimeline(scope),
      checks.status503Trend(scope),
      checks.azConfigShow(app),
      checks.azSiteState(app),
      {
        kind: 'config',
        title: 'Keep traffic off instances until they are ready',
        text:
          `az webapp config set ${azSiteArguments(app)} --generic-configurations ${shellWord(JSON.stringify({ healthCheckPath: healthPath }))}` +
          ' — with a health path that answers 200 only once dependencies are reachable; keep alwaysOn on and WEBSITES_PORT equal to the Gunicorn bind port.',
      },
    ];
  },
};
