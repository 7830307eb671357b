import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { CGROUP_V2, MEMORY_CGROUP_V1 } from './capabilities';
import { ProcessRegistry } from './processes';

export interface MemoryCgroup {
  path: string;
  version: 'v1' | 'v2';
  limitBytes: number;
  /** Kernel OOM-kill count inside this cgroup. */
  oomKills(): number;
}

/**
 * A memory cgroup with a hard limit and no swap: when its processes exceed the limit
 * the kernel OOM killer SIGKILLs one of them, as it does inside an App Service container.
 */
export function createMemoryCgroup(
  registry: ProcessRegistry,
  name: string,
  version: 'v1' | 'v2',
  limitBytes: number,
): MemoryCgroup {
  const path = `${version === 'v1' ? MEMORY_CGROUP_V1 : CGROUP_V2}/${name}`;
  mkdirSync(path);
  registry.addCleanup(`cgroup ${path}`, () => rmdirSync(path));
  if (version === 'v1') {
    writeFileSync(`${path}/memory.limit_in_bytes`, String(limitBytes));
    try {
      writeFileSync(`${path}/memory.memsw.limit_in_bytes`, String(limitBytes));
    } catch {
      // No swap accounting on this kernel: the machine has no swap to fall back on either.
    }
  } else {
    writeFileSync(`${path}/memory.max`, String(limitBytes));
    writeFileSync(`${path}/memory.swap.max`, '0');
  }
  return {
    path,
    version,
    limitBytes,
    oomKills() {
      const file = version === 'v1' ? `${path}/memory.oom_control` : `${path}/memory.events`;
      const match = readFileSync(file, 'utf8').match(/oom_kill (\d+)/);
      return match ? Number(match[1]) : 0;
    },
  };
}

/** Shell wrapper that moves itself into each cgroup (one per v1 hierarchy), then execs the command (same PID). */
export function inCgroups(cgroups: Array<{ path: string }>, command: string, args: string[]): [string, string[]] {
  const joins = cgroups.map((_, i) => `echo $$ > "$${i + 1}/cgroup.procs"`).join(' && ');
  const script = `${joins} && shift ${cgroups.length} && exec "$@"`;
  return ['/bin/sh', ['-c', script, 'lab-cgroup', ...cgroups.map((c) => c.path), command, ...args]];
}
