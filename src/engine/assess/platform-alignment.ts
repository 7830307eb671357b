// Which failures happened while the platform or Gunicorn was starting, stopping or failing probes.
// Shared by H3 (which it supports) and H1/H2/H4 (which it weakens: "restarts explain it better").
import { Marker, MarkerKind } from '../model/findings';
import { AssessContext } from './context';
import { Indexed } from './prepared-signals';
import { met, noData, notMet, RuleFinding } from './rule';
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

export interface TransitionOverlap {
  transitions: Array<Indexed<Marker>>;
  /** Failing bins whose requests (start .. end) overlap a transition ± the alignment tolerance. */
  alignedBins: number[];
  alignedFailures: number;
  /** 502/503 among the aligned failures. */
  aligned5xxUnavailable: number;
  touchedMarkers: Array<Indexed<Marker>>;
}

export function transitionOverlap(context: AssessContext): TransitionOverlap {
  const transitions = context.markers.filter((entry) => TRANSITION_KINDS.includes(entry.item.kind));
  const alignedBins: number[] = [];
  const touched = new Set<number>();
  let alignedFailures = 0;
  let aligned5xxUnavailable = 0;
  for (const index of context.failingBins) {
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
      near.forEach((entry) => touched.add(entry.index));
    }
  }
  return {
    transitions,
    alignedBins,
    alignedFailures,
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

