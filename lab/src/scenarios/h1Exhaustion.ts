import { bursts } from '../load/plan';
import { ScenarioDefinition, SYNC_DEFAULTS } from './types';

const CLIENT_TIMEOUT_MS = 5000;

/** Few sync workers, bursts of slow requests: everything queues and clients give up at 5 s. */
export const h1Exhaustion: ScenarioDefinition = {
  name: 'h1-exhaustion',
  description:
    'Two sync Gunicorn workers; every 15 s a 2 s burst of 8 concurrent /slow (2 s each) arrives while /fast, /diag/env and ' +
    '/diag/stats keep a steady trickle. The backlog grows past the 5 s client timeout, so clients abort (nginx 499 at ~5000 ms) ' +
    'on slow and fast paths alike; Gunicorn still works off the abandoned requests. Between bursts fast paths answer in milliseconds.',
  needs: [],
  instances: [{ name: 'lw0sdlwk000142', affinity: 'inst0', workers: 2, timeoutS: 30, ...SYNC_DEFAULTS }],
  appEnv: {},
  partnerMode: {},
  load(short) {
    const durationS = short ? 25 : 60;
    const steady = (name: string, path: string, pauseMs: number) => ({
      name, path, startS: 0, endS: durationS, concurrency: 1, timeoutMs: CLIENT_TIMEOUT_MS, pauseMs,
    });
    return {
      durationS,
      streams: [
        steady('fast', '/fast', 400),
        steady('diag-env', '/diag/env', 800),
        steady('diag-stats', '/diag/stats', 1200),
        ...bursts({ name: 'slow-burst', path: '/slow?ms=2000', concurrency: 8, timeoutMs: CLIENT_TIMEOUT_MS, pauseMs: 0 },
          short ? 3 : 5, 15, 2, short ? 2 : 4),
      ],
    };
  },
  faults: [],
  faultWindow: (short) => (short ? { fromS: 3, toS: 25 } : { fromS: 5, toS: 60 }),
  expected: {
    ranking: ['H1'],
    supported: ['H1'],
    notes: `499 cluster at the ${CLIENT_TIMEOUT_MS} ms client timeout on /slow and /fast during bursts; no WORKER TIMEOUT (requests stay under --timeout 30); no dependency or platform signal.`,
  },
};
