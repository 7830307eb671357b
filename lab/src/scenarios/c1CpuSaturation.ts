import { B1_INSTANCE, ScenarioDefinition, SYNC_DEFAULTS } from './types';
import { steady } from './steady';

const CLIENT_TIMEOUT_MS = 5000;
const VCPUS = 0.5;
const WORKERS = 8;
const HEAVY = { fromS: 10, toS: 62, clients: 12, cpuMs: 200 };
/** The load starts 10 s before a whole minute, so the heavy phase fills one minute bin. */
const LOAD_STARTS_AT_SECOND = 50;

/**
 * More CPU work than the instance has CPU: every worker runs at a fraction of a CPU, each request takes
 * several times its CPU time, and requests on every path, fast ones too, wait for the workers to get through it.
 */
export const c1CpuSaturation: ScenarioDefinition = {
  name: 'c1-cpu-saturation',
  description:
    `${WORKERS} sync workers in a CPU cgroup limited to ${VCPUS} vCPU (CFS quota). From +${HEAVY.fromS} s to +${HEAVY.toS} s, ` +
    `${HEAVY.clients} more clients loop on /cpu?ms=${HEAVY.cpuMs} (pure-Python work measured in CPU time) while /fast, /diag/env, ` +
    `/diag/stats and one /cpu client keep a steady trickle. The tree wants ${WORKERS} CPUs and gets half of one: the kernel throttles it, CPU sits at the ` +
    `limit, each ${HEAVY.cpuMs} ms request takes seconds, and every path slows down because the workers are all busy burning ` +
    `CPU; the slowest /cpu requests pass the ${CLIENT_TIMEOUT_MS} ms client timeout (nginx 499). More workers would not help: ` +
    'they would share the same half CPU. The load starts at second 50 of a minute so the heavy phase fills one minute bin.',
  needs: ['cpuCgroup'],
  instances: [{ name: 'lw0sdlwk000142', affinity: 'inst0', workers: WORKERS, timeoutS: 30, ...SYNC_DEFAULTS }],
  appEnv: {},
  partnerMode: {},
  cpuLimitVcpus: VCPUS,
  loadStartsAtSecondOfMinute: LOAD_STARTS_AT_SECOND,
  instanceSize: {
    vcpus: VCPUS,
    memoryMb: B1_INSTANCE.memoryMb,
    from: `vCPUs: the CPU cgroup's CFS quota (${VCPUS * 100} ms per 100 ms period) the kernel enforces; memory: B1 default, not enforced`,
  },
  load(short) {
    const d = short ? 40 : 72;
    const heavyTo = short ? 30 : HEAVY.toS;
    return {
      durationS: d,
      streams: [
        steady('fast', '/fast', d, 300, CLIENT_TIMEOUT_MS),
        steady('diag-env', '/diag/env', d, 700, CLIENT_TIMEOUT_MS),
        steady('diag-stats', '/diag/stats', d, 1200, CLIENT_TIMEOUT_MS),
        // The CPU path has its everyday trickle before and after the surge, so its own slowdown shows too.
        steady('cpu-light', `/cpu?ms=${HEAVY.cpuMs}`, d, 1000, CLIENT_TIMEOUT_MS),
        {
          name: 'cpu-heavy',
          path: `/cpu?ms=${HEAVY.cpuMs}`,
          startS: HEAVY.fromS,
          endS: heavyTo,
          concurrency: HEAVY.clients,
          timeoutMs: CLIENT_TIMEOUT_MS,
          pauseMs: 0,
        },
      ],
    };
  },
  faults: [],
  faultWindow: (short) => ({ fromS: HEAVY.fromS, toS: short ? 30 : HEAVY.toS }),
  expected: {
    ranking: ['C1'],
    supported: ['C1'],
    notes:
      `CpuPercentage at the ${VCPUS} vCPU limit for most of the fault window; latency up on every path (/fast included); ` +
      `499 at the ${CLIENT_TIMEOUT_MS} ms client timeout on /cpu. H1 must not outrank C1: the workers queue behind CPU work, ` +
      'and more of them would share the same CPU.',
  },
};
