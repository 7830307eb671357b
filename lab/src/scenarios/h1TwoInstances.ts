import { bursts } from '../load/plan';
import { ScenarioDefinition, SYNC_DEFAULTS } from './types';
import { steady } from './steady';

const CLIENT_TIMEOUT_MS = 5000;

/** Two instances behind the proxy; ARR affinity pins the bursty client to one, which saturates. */
export const h1TwoInstances: ScenarioDefinition = {
  name: 'h1-two-instances',
  description:
    'Two instances (two sync workers each) behind nginx, which routes by the ARRAffinity cookie like App Service. Steady /fast ' +
    'and /diag/env reach both; the bursty /slow client (8 concurrent, 2 s each, every 15 s) is pinned to lw0sdlwk000142, which ' +
    'saturates (499 at the 5 s client timeout) while lw0sdlwk00014G stays fast.',
  needs: [],
  instances: [
    { name: 'lw0sdlwk000142', affinity: 'inst0', workers: 2, timeoutS: 30, ...SYNC_DEFAULTS },
    { name: 'lw0sdlwk00014G', affinity: 'inst1', workers: 2, timeoutS: 30, ...SYNC_DEFAULTS },
  ],
  appEnv: {},
  partnerMode: {},
  load(short) {
    const d = short ? 25 : 55;
    return {
      durationS: d,
      streams: [
        steady('fast-a', '/fast', d, 400, CLIENT_TIMEOUT_MS, 'inst0'),
        steady('diag-env-a', '/diag/env', d, 800, CLIENT_TIMEOUT_MS, 'inst0'),
        steady('fast-b', '/fast', d, 400, CLIENT_TIMEOUT_MS, 'inst1'),
        steady('diag-env-b', '/diag/env', d, 800, CLIENT_TIMEOUT_MS, 'inst1'),
        steady('diag-stats-b', '/diag/stats', d, 1200, CLIENT_TIMEOUT_MS, 'inst1'),
        ...bursts(
          { name: 'slow-burst-a', path: '/slow?ms=2000', concurrency: 8, timeoutMs: CLIENT_TIMEOUT_MS, pauseMs: 0, affinity: 'inst0' },
          5, 15, 2, short ? 2 : 4,
        ),
      ],
    };
  },
  faults: [],
  faultWindow: (short) => ({ fromS: 5, toS: short ? 25 : 55 }),
  expected: {
    ranking: ['H1'],
    supported: ['H1'],
    notes: 'Per-instance split: 499 cluster at 5000 ms only on lw0sdlwk000142; lw0sdlwk00014G has no 499 and low latency.',
  },
};
