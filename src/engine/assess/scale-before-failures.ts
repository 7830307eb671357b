// H3 (playbook: "incident begins shortly after deployment, scale event, or container start"): when
// the plan scales in, requests on the removed instance are cut; when it scales out, the new instance
// takes traffic while it warms up. Failures that start during or just after one point at the platform.
import { missingMetric } from './metric-profile';
import { met, noData, notMet, SignalRule } from './rule';
import { episodesAfterMarkers, failureEpisodes, formatDuration, formatTime } from './signal-math';

/**
 * How long before a failure episode a scale event still counts as its trigger: a new instance has the
 * 230 s start limit to warm up, and the front end keeps routing to a removed one for a minute or two.
 */
export const SCALE_LEAD_MS = 5 * 60_000;
/** Half the failures in episodes next to a scale event: the platform change explains most of them. */
export const SCALE_ALIGNED_SHARE = 0.5;

export const scaleBeforeFailures: SignalRule = {
  signal: 'failures-align-with-scale-events',
  role: 'supporting',
  weight: 1,
  expectation: `≥ ${SCALE_ALIGNED_SHARE * 100}% of the failures in episodes that begin within ${SCALE_LEAD_MS / 60_000} min after a scale-out / scale-in (instances reporting plan metrics)`,
  check(context) {
    const missing = missingMetric(context, 'CpuPercentage') && missingMetric(context, 'MemoryPercentage');
    if (missing) {
      return noData('scale events are read from the instances reporting plan metrics (CpuPercentage, MemoryPercentage): none here');
    }
    if (!context.metrics?.instanceCount.some((count) => count !== null)) {
      return noData('the plan metrics are not split by instance: scale events cannot be seen');
    }
    if (context.scaleMarkers.length === 0) {
      // H3's triggers are alternatives: with no scale event at all, this one is neither for nor against a restart.
      return noData(`no scale event: the ${Math.max(...context.metrics.instanceCount.map((count) => count ?? 0))} instance(s) reporting plan metrics did not change`);
    }
    const episodes = failureEpisodes(context);
    if (episodes.length === 0) {
      return notMet('no failures in the window');
    }
    // Up to the end of the episode's first bin: a scale-out later in the episode is autoscale answering the load, not its cause.
    const matches = episodesAfterMarkers(context, episodes, context.scaleMarkers, SCALE_LEAD_MS, 'exclusive');
    const failures = episodes.reduce((total, episode) => total + episode.failures, 0);
    const aligned = matches.reduce((total, match) => total + match.episode.failures, 0);
    if (matches.length === 0) {
      return notMet(`none of ${episodes.length} failure episode(s) is near any of ${context.scaleMarkers.length} scale event(s)`);
    }
    const first = matches[0];
    const event = first.triggers[0].item;
    const lead = first.began - event.time;
    const when = lead > 0 ? `${formatDuration(lead)} before failures from ${formatTime(first.began)}` : `in the opening bin of failures from ${formatTime(first.episode.from)}`;
    const observed = `${aligned} of ${failures} failures in ${matches.length} of ${episodes.length} episode(s) next to a scale event, e.g. ${event.title} at ${formatTime(event.time)}, ${when}`;
    return aligned / failures >= SCALE_ALIGNED_SHARE
      ? met(observed, {
          strength: aligned / failures,
          pieces: matches.map(({ episode }) => ({ from: episode.from, to: episode.to })),
          pointers: [...new Set(matches.flatMap((match) => match.triggers.map((entry) => entry.index)))].slice(0, 20).map((index) => ({ kind: 'marker' as const, index })),
        })
      : notMet(observed);
  },
};
