import { ScenarioDefinition, SYNC_DEFAULTS } from './types';
import { steady } from './steady';

/** The partner slows down and sheds load; the app's timeouts and retries turn that into 500/502. */
export const h2Dependency: ScenarioDefinition = {
  name: 'h2-dependency',
  description:
    'Four sync workers. /dependency calls the partner with a 1 s read timeout and 2 retries. From +15 s to +40 s the partner ' +
    'answers 60 % of calls after 2.5 s and 20 % with 503: read timeouts raise (Flask logs the traceback, 500) and exhausted ' +
    'retries on 503 return 502. /fast and /diag/env do not touch the partner and stay healthy.',
  needs: [],
  instances: [{ name: 'lw0sdlwk000142', affinity: 'inst0', workers: 4, timeoutS: 30, ...SYNC_DEFAULTS }],
  appEnv: { LAB_DEP_READ_TIMEOUT: '1.0', LAB_DEP_CONNECT_TIMEOUT: '1.0', LAB_DEP_RETRIES: '2' },
  partnerMode: {},
  load(short) {
    const d = short ? 30 : 55;
    return {
      durationS: d,
      streams: [
        { name: 'dependency', path: '/dependency', startS: 0, endS: d, concurrency: 3, timeoutMs: 15000, pauseMs: 300 },
        steady('fast', '/fast', d, 400, 15000),
        steady('diag-env', '/diag/env', d, 800, 15000),
        steady('diag-stats', '/diag/stats', d, 1500, 15000),
      ],
    };
  },
  faults: [
    { atS: 15, label: 'partner degrades: 60% slow (2.5 s), 20% 503', run: (c) => c.setPartnerMode({ slowFraction: 0.6, slowMs: 2500, errorFraction: 0.2 }) },
    { atS: 40, label: 'partner recovers', run: (c) => c.setPartnerMode({}) },
  ],
  faultWindow: () => ({ fromS: 15, toS: 40 }),
  expected: {
    ranking: ['H2'],
    supported: ['H2'],
    notes: 'ReadTimeout tracebacks and "dependency failed" lines with 500/502 on /dependency only, inside the fault window; dependency-free paths healthy.',
  },
};
