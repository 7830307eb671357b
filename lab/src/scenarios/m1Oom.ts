import { B1_INSTANCE, ScenarioDefinition, SYNC_DEFAULTS } from './types';
import { steady } from './steady';

const LIMIT_MB = 256;

/** A memory-hungry request pushes the container over its memory limit; the kernel OOM-kills the worker. */
export const m1Oom: ScenarioDefinition = {
  name: 'm1-oom',
  description:
    `Three sync workers inside a memory cgroup limited to ${LIMIT_MB} MiB (no swap). From +12 s a client asks /report?mb=200&ms_per_mb=20 ` +
    'every few seconds; the worker building it (1 MiB per 20 ms, so memory climbs for about 4 s) crosses the limit and the kernel OOM killer SIGKILLs it (a real cgroup OOM kill, ' +
    'counted in the manifest). Gunicorn reports the worker killed by signal 9 and boots a new one; nginx answers 502. ' +
    'There is no WORKER TIMEOUT: requests are far below --timeout 30.',
  needs: ['memoryCgroup'],
  instances: [{ name: 'lw0sdlwk000142', affinity: 'inst0', workers: 3, timeoutS: 30, ...SYNC_DEFAULTS }],
  appEnv: {},
  partnerMode: {},
  memoryLimitMb: LIMIT_MB,
  instanceSize: {
    vcpus: B1_INSTANCE.vcpus,
    memoryMb: LIMIT_MB,
    from: `memory: the memory cgroup limit (${LIMIT_MB} MiB) the kernel enforces; vCPUs: B1 default, not enforced`,
  },
  load(short) {
    const d = short ? 30 : 50;
    return {
      durationS: d,
      streams: [
        steady('fast', '/fast', d, 400, 20000),
        steady('diag-env', '/diag/env', d, 800, 20000),
        steady('report-small', '/report?mb=8', d, 1000, 20000),
        { name: 'report-huge', path: '/report?mb=200&ms_per_mb=20', startS: 12, endS: d - 8, concurrency: 1, timeoutMs: 20000, pauseMs: 4000 },
      ],
    };
  },
  faults: [],
  faultWindow: (short) => ({ fromS: 12, toS: short ? 26 : 45 }),
  expected: {
    ranking: ['M1'],
    supported: ['M1'],
    notes: 'Workers killed by signal 9 (kernel OOM) with no WORKER TIMEOUT for the same pid; 502 on /report?mb=200 only; MemoryPercentage climbs toward 100 before each kill.',
  },
};
