import { ScenarioDefinition, SYNC_DEFAULTS } from './types';
import { steady } from './steady';

const GUNICORN_TIMEOUT_S = 10;

/** Requests longer than --timeout: the master aborts the silent worker and nginx answers 502. */
export const t1WorkerTimeout: ScenarioDefinition = {
  name: 't1-worker-timeout',
  description:
    `Three sync workers with --timeout ${GUNICORN_TIMEOUT_S} (short on purpose, so the lab stays fast; the real default is 30 s). ` +
    'From +8 s two clients call /slow?ms=15000, longer than the timeout: the master logs WORKER TIMEOUT, aborts the worker, ' +
    'and nginx returns 502 after about the configured timeout. The third worker keeps /fast and /diag/env healthy.',
  needs: [],
  instances: [{ name: 'lw0sdlwk000142', affinity: 'inst0', workers: 3, timeoutS: GUNICORN_TIMEOUT_S, ...SYNC_DEFAULTS }],
  appEnv: {},
  partnerMode: {},
  load(short) {
    const d = short ? 30 : 55;
    return {
      durationS: d,
      streams: [
        steady('fast', '/fast', d, 500, 30000),
        steady('diag-env', '/diag/env', d, 1000, 30000),
        { name: 'long-report', path: '/slow?ms=15000', startS: 8, endS: d - 12, concurrency: 2, timeoutMs: 30000, pauseMs: 1000 },
      ],
    };
  },
  faults: [],
  faultWindow: (short) => ({ fromS: 8, toS: short ? 30 : 55 }),
  expected: {
    ranking: ['T1'],
    supported: ['T1'],
    notes: `WORKER TIMEOUT lines followed by 502 with TimeTaken near ${GUNICORN_TIMEOUT_S} s on /slow only; fast paths stay healthy (weakens H1).`,
  },
};
