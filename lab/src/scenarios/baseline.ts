import { ScenarioDefinition, SYNC_DEFAULTS } from './types';
import { steady } from './steady';

const TIMEOUT_MS = 10000;

/** Healthy control: light traffic on every endpoint, enough workers, healthy partner. */
export const baseline: ScenarioDefinition = {
  name: 'baseline',
  description:
    'Four sync Gunicorn workers with light, steady traffic on every endpoint (fast, slow 300 ms, diagnostics, dependency, ' +
    'two-call outbound fan-out, health) and a healthy partner. Nothing queues; no 5xx and no client aborts are expected.',
  needs: [],
  instances: [{ name: 'lw0sdlwk000142', affinity: 'inst0', workers: 4, timeoutS: 30, ...SYNC_DEFAULTS }],
  appEnv: {},
  partnerMode: {},
  load(short) {
    const d = short ? 20 : 40;
    return {
      durationS: d,
      streams: [
        steady('fast', '/fast', d, 300, TIMEOUT_MS),
        steady('diag-env', '/diag/env', d, 700, TIMEOUT_MS),
        steady('diag-stats', '/diag/stats', d, 1000, TIMEOUT_MS),
        steady('slow', '/slow?ms=300', d, 800, TIMEOUT_MS),
        steady('dependency', '/dependency', d, 700, TIMEOUT_MS),
        steady('outbound', '/outbound?calls=2', d, 1000, TIMEOUT_MS),
        steady('health', '/health', d, 2000, TIMEOUT_MS),
      ],
    };
  },
  faults: [],
  faultWindow: () => null,
  expected: { ranking: [], supported: [], notes: 'Negative control: no hypothesis should be supported.' },
};
