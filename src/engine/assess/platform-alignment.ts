// Which failures happened while the platform or Gunicorn was starting, stopping or failing probes.
// Shared by H3 (which it supports) and H1/H2/H4 (which it weakens: "restarts explain it better").
import { Marker, MarkerKind } from '../model/findings';
import { AssessContext } from './context';
import { Indexed } from './prepared-signals';
import { met, noData, notMet, RuleFinding, SignalRule } from './rule';
import { binFailures, binRange } from './signal-math';

/** Lifecycle markers: the container or the Gunicorn master changing state. Worker churn is not one. */
export const TRANSITION_KINDS: MarkerKind[] = [
  'restart',
  'container-start',
  'container-stop',
  'container-timeout',
  'probe-failure',
  'boot-failure',
  'graceful-shutdown',
];

/** A failure within a minute of a transition is counted as overlapping it: probes and warm-up act within seconds to a minute. */
export const TRANSITION_ALIGN_MS = 60_000;

/** Bins before a start that must be silent for it to count as the app's first start rather than a restart under traffic. */
export const INITIAL_START_QUIET_BINS = 2;

/**
 * A Gunicorn or container start with no traffic in the bins before it is the app coming up for the
 * first time (a recording or an export begins that way), not a restart overlapping requests.
 * Only the instance's first start of its kind can be one: a second start is a restart even when
 * the whole incident fits in one bin. Probe failures and start time-outs always count.
 */
function isInitialStart(context: AssessContext, marker: Marker): boolean {
  if (marker.kind !== 'restart' && marker.kind !== 'container-start') {
    return false;
  }
  if (context.markers.some(({ item }) => item.kind === marker.kind && item.instance === marker.instance && item.time < marker.time)) {
    return false;
  }
  const bin = Math.floor((marker.time - context.series.time[0]) / context.binMs);
  for (let index = Math.max(0, bin - INITIAL_START_QUIET_BINS); index < bin && index < context.series.time.length; index++) {
    if (context.series.requests[index] > 0) {
      return false;
    }
  }
  return true;
}

export interface TransitionOverlap {
  transitions: Array<Indexed<Marker>>;
  /** Failing bins whose requests (start .. end) overlap a transition ± the alignment tolerance. */
  alignedBins: number[];
  alignedFailures: number;
  /** 5xx among the aligned failures. */
  aligned5xx: number;
  /** 502/503 among the aligned failures. */
  aligned5xxUnavailable: number;
  touchedMarkers: Array<Indexed<Marker>>;
}

/** `serverErrorsOnly`: look only at bins holding 5xx (H3 judges the server's own answers, not client aborts). */
export function transitionOverlap(context: AssessContext, serverErrorsOnly = false): TransitionOverlap {
  const transitions = context.markers.filter((entry) => TRANSITION_KINDS.includes(entry.item.kind) && !isInitialStart(context, entry.item));
  const alignedBins: number[] = [];
  const touched = new Set<number>();
  let alignedFailures = 0;
  let aligned5xxUnavailable = 0;
  let aligned5xx = 0;
  const bins = serverErrorsOnly ? context.failingBins.filter((index) => context.series.err5xx[index] > 0) : context.failingBins;
  for (const index of bins) {
    const range = binRange(context, index);
    // TimeGenerated is the END of a request: its start can be up to `max` earlier (trap 3).
    const longest = context.series.max[index] ?? 0;
    const from = range.from - longest - TRANSITION_ALIGN_MS;
    const to = range.to + TRANSITION_ALIGN_MS;
    const near = transitions.filter((entry) => entry.item.time >= from && entry.item.time < to);
    if (near.length > 0) {
      alignedBins.push(index);
      alignedFailures += binFailures(context, index);
      aligned5xxUnavailable += context.series.s502[index] + context.series.s503[index];
      aligned5xx += context.series.err5xx[index];
      near.forEach((entry) => touched.add(entry.index));
    }
  }
  return {
    transitions,
    alignedBins,
    alignedFailures,
    aligned5xx,
    aligned5xxUnavailable,
    touchedMarkers: transitions.filter((entry) => touched.has(entry.index)),
  };
}

/** Shared by H1, H2 and H4: failures that a restart explains are not evidence for them. */
export function restartShare(context: AssessContext, threshold: number): RuleFinding {
  if (!context.hasPlatform && context.markers.length === 0) {
    return noData('no platform rows in the window');
  }
  if (context.failures === 0) {
    return notMet('no failures');
  }
  const overlap = transitionOverlap(context);
  const share = overlap.alignedFailures / context.failures;
  const observed = `${overlap.alignedFailures} of ${context.failures} failures overlap ${overlap.touchedMarkers.length} start/stop/probe marker(s)`;
  return share >= threshold
    ? met(observed, { strength: share, pointers: overlap.touchedMarkers.map((entry) => ({ kind: 'marker' as const, index: entry.index })) })
    : notMet(observed);
}

/** Most failures inside start/stop/probe windows: the platform (H3) explains them better. */
export const RESTART_EXPLAINS_SHARE = 0.5;

/** The weakening rule H1, H2 and H4 share: failures that a restart explains are not their evidence. */
export const restartsExplainBetter: SignalRule = {
  signal: 'failures-inside-restarts',
  role: 'weakening',
  weight: 1,
  expectation: `≥ ${RESTART_EXPLAINS_SHARE * 100}% of failures overlap container start/stop or probe failures (H3 explains them better)`,
  check: (context) => restartShare(context, RESTART_EXPLAINS_SHARE),
};
