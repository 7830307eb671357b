import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { CGROUP_V2, CPU_CGROUP_V1 } from './capabilities';
import { ProcessRegistry } from './processes';

/** CFS bandwidth period; the quota is vCPUs × this. */
export const CFS_PERIOD_US = 100_000;

export interface CpuCgroup {
  path: string;
  version: 'v1' | 'v2';
  vcpus: number;
  quotaUs: number;
  periodUs: number;
  /** The kernel's own throttling counters for this cgroup (cpu.stat). */
  throttling(): { periods: number; throttledPeriods: number; throttledMs: number };
}

/**
 * A cgroup whose processes together get at most `vcpus` CPUs of time per CFS period: when they want
 * more, the kernel throttles them until the next period, as it does to an App Service instance's container.
 */
export function createCpuCgroup(registry: ProcessRegistry, name: string, version: 'v1' | 'v2', vcpus: number): CpuCgroup {
  const path = `${version === 'v1' ? CPU_CGROUP_V1 : CGROUP_V2}/${name}`;
  const quotaUs = Math.round(vcpus * CFS_PERIOD_US);
  mkdirSync(path);
  registry.addCleanup(`cgroup ${path}`, () => rmdirSync(path));
  if (version === 'v1') {
    writeFileSync(`${path}/cpu.cfs_period_us`, String(CFS_PERIOD_US));
    writeFileSync(`${path}/cpu.cfs_quota_us`, String(quotaUs));
  } else {
    writeFileSync(`${path}/cpu.max`, `${quotaUs} ${CFS_PERIOD_US}`);
  }
  return {
    path,
    version,
    vcpus,
    quotaUs,
    periodUs: CFS_PERIOD_US,
    throttling() {
      const stat = readFileSync(`${path}/cpu.stat`, 'utf8');
      const field = (key: string) => Number(new RegExp(`^${key} (\\d+)$`, 'm').exec(stat)?.[1] ?? 0);
      // v1 counts throttled time in ns, v2 in µs.
      const throttledMs = version === 'v1' ? field('throttled_time') / 1e6 : field('throttled_usec') / 1e3;
      return { periods: field('nr_periods'), throttledPeriods: field('nr_throttled'), throttledMs: Math.round(throttledMs) };
    },
  };
}
