// H3 (playbook: "incident begins shortly after deployment, scale event, or container start"): a
// deployment restarts the site, and failures that begin right after one point at that restart or at
// the new build rather than at load.
import { met, noData, notMet, SignalRule } from './rule';
import { episodesAfterMarkers, failureEpisodes, formatDuration } from './signal-math';

/**
 * How long before a failure episode a deployment still counts as its likely trigger. A Linux deploy
 * restarts the container: build, image pull and warm-up take up to the 230 s start limit, and a broken
 * build often fails only once traffic reaches it. Past 15 min other changes are as likely a cause.
 */
export const DEPLOYMENT_LEAD_MS = 15 * 60_000;

export const DEPLOYMENT_BEFORE_FAILURES_SIGNAL = 'failures-begin-after-deployment';

export const deploymentBeforeFailures: SignalRule = {
  signal: DEPLOYMENT_BEFORE_FAILURES_SIGNAL,
  role: 'supporting',
  weight: 1,
  expectation: `a failure episode begins within ${DEPLOYMENT_LEAD_MS / 60_000} min after a deployment (Kudu upload, new platform deployment id, deployment history)`,
  check(context) {
    if (!context.deploymentsVisible) {
      return noData('no Kudu/SCM requests in the HTTP rows, no readable deployment id in the platform rows and no deployment history: deployments cannot be seen here');
    }
    const episodes = failureEpisodes(context);
    if (episodes.length === 0) {
      return notMet('no failures in the window');
    }
    const matches = episodesAfterMarkers(context, episodes, context.deployments, DEPLOYMENT_LEAD_MS, 'inclusive').map((match) => ({
      ...match,
      deployment: match.triggers[match.triggers.length - 1],
    }));
    if (matches.length === 0) {
      return notMet(`none of ${episodes.length} failure episode(s) begins within ${DEPLOYMENT_LEAD_MS / 60_000} min after any of ${context.deployments.length} deployment(s)`);
    }
    const first = matches[0];
    const lead = first.began - first.deployment.item.time;
    const when = lead > 0 ? `the first ${formatDuration(lead)} after` : 'the first with a deployment in its opening bin';
    return met(`${matches.length} of ${episodes.length} failure episode(s) begin after a deployment, ${when}: ${first.deployment.item.title}`, {
      pieces: matches.map(({ episode }) => ({ from: episode.from, to: episode.to })),
      pointers: [...new Set(matches.map((match) => match.deployment.index))].map((index) => ({ kind: 'marker' as const, index })),
    });
  },
};
