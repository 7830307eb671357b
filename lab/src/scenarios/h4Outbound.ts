import { ScenarioDefinition, SYNC_DEFAULTS } from './types';
import { steady } from './steady';

const PORT_RANGE = '40000 40063';

/** New outbound connection per call against a tiny ephemeral port range: connects fail with EADDRNOTAVAIL. */
export const h4Outbound: ScenarioDefinition = {
  name: 'h4-outbound',
  description:
    `Gunicorn and the partner run in a private network namespace whose ephemeral port range is ${PORT_RANGE} (64 ports) with ` +
    'TIME_WAIT reuse off, like a small SNAT port allocation. /outbound opens a new connection per call and closes it first, so ' +
    'every call parks a port in TIME_WAIT for 60 s. A light outbound trickle is fine; from +15 s a fan-out burst (10 calls per ' +
    'request, 2 clients) exhausts the ports and connects fail with [Errno 99] Cannot assign requested address (500). ' +
    '/diag/env and /fast make no outbound calls and stay healthy. nginx reaches Gunicorn over a unix socket, outside the port range.',
  needs: ['netns'],
  instances: [{ name: 'lw0sdlwk000142', affinity: 'inst0', workers: 4, timeoutS: 30, ...SYNC_DEFAULTS }],
  appEnv: { LAB_DEP_CONNECT_TIMEOUT: '1.0', LAB_DEP_READ_TIMEOUT: '2.0' },
  partnerMode: {},
  netnsSysctls: { 'net.ipv4.ip_local_port_range': PORT_RANGE, 'net.ipv4.tcp_tw_reuse': '0' },
  load(short) {
    const d = short ? 30 : 50;
    const burstFrom = short ? 8 : 15;
    return {
      durationS: d,
      streams: [
        steady('outbound-light', '/outbound?calls=1', d, 1000, 10000),
        { name: 'outbound-fanout', path: '/outbound?calls=10', startS: burstFrom, endS: d - 5, concurrency: 2, timeoutMs: 10000, pauseMs: 1500 },
        steady('fast', '/fast', d, 400, 10000),
        steady('diag-env', '/diag/env', d, 600, 10000),
      ],
    };
  },
  faults: [],
  faultWindow: (short) => (short ? { fromS: 8, toS: 30 } : { fromS: 15, toS: 50 }),
  expected: {
    ranking: ['H4'],
    supported: ['H4'],
    notes: 'Connect failures (EADDRNOTAVAIL / Cannot assign requested address) only under /outbound; the instant /diag/env stays 200 throughout.',
  },
};
