import { ScenarioDefinition, SYNC_DEFAULTS } from './types';
import { steady } from './steady';

const RESTARTS_AT_S = [15, 33];

/** Container restarts under load: refused connections (502), then the app's warm-up 503s. */
export const h3Restart: ScenarioDefinition = {
  name: 'h3-restart',
  description:
    `Two sync workers under steady load; at +${RESTARTS_AT_S.join(' s and +')} s the instance is restarted (SIGTERM to the master, ` +
    '2 s down, new master). While it is down nginx gets connection refused (502); after boot each worker answers 503 for its ' +
    '3 s warm-up until the probe succeeds. Master boot lines and the (synthesized) container start/stop/probe events align with them.',
  needs: [],
  instances: [{ name: 'lw0sdlwk000142', affinity: 'inst0', workers: 2, timeoutS: 30, ...SYNC_DEFAULTS, warmupS: 3 }],
  appEnv: {},
  partnerMode: {},
  // The second restart lands in the minute after the one the recording opens in. A one-minute recording
  // that fits one minute bin shows no traffic before its restarts, so a diagnosis cannot tell them from the initial start.
  loadStartsAtSecondOfMinute: 30,
  load(short) {
    const d = short ? 30 : 50;
    return {
      durationS: d,
      streams: [
        { name: 'fast', path: '/fast', startS: 0, endS: d, concurrency: 2, timeoutMs: 10000, pauseMs: 250 },
        steady('diag-env', '/diag/env', d, 500, 10000),
        steady('slow', '/slow?ms=1000', d, 500, 10000),
      ],
    };
  },
  faults: RESTARTS_AT_S.map((atS) => ({
    atS,
    label: 'restart instance lw0sdlwk000142 (stop, 2 s down, start)',
    run: (c) => c.restartInstance(0, 2),
  })),
  faultWindow: (short) => ({ fromS: RESTARTS_AT_S[0], toS: short ? 30 : 45 }),
  expected: {
    ranking: ['H3'],
    supported: ['H3'],
    notes: '502 (connection refused while down) and 503 (warm-up) clustered right after each container stop/start and Gunicorn boot sequence.',
  },
};
