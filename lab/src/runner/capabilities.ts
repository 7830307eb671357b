import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const PYTHON = '/usr/bin/python3';
export const GUNICORN = '/usr/bin/gunicorn';
export const NGINX = '/usr/sbin/nginx';
export const IP = '/usr/sbin/ip';
export const MEMORY_CGROUP_V1 = '/sys/fs/cgroup/memory';
export const CPU_CGROUP_V1 = '/sys/fs/cgroup/cpu';
export const CGROUP_V2 = '/sys/fs/cgroup';

export type Need = 'netns' | 'memoryCgroup' | 'cpuCgroup';

export interface Capabilities {
  root: boolean;
  gunicornVersion?: string;
  nginxVersion?: string;
  flaskAndRequests: boolean;
  netns: boolean;
  memoryCgroup?: 'v1' | 'v2';
  /** A cgroup CPU controller with a CFS bandwidth limit (v1 cpu.cfs_quota_us or v2 cpu.max). */
  cpuCgroup?: 'v1' | 'v2';
}

/** Runs a version/import check; returns stdout and stderr together (nginx -v prints to stderr). */
function run(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 15000 });
  if (result.error) {return undefined;}
  return `${result.stdout ?? ''}${result.stderr ?? ''}`;
}

export function detectCapabilities(): Capabilities {
  const root = process.getuid?.() === 0;
  const gunicornOut = existsSync(GUNICORN) ? run(PYTHON, [GUNICORN, '--version']) : undefined;
  const nginxOut = existsSync(NGINX) ? run(NGINX, ['-v']) : undefined;
  const imports = run(PYTHON, ['-c', 'import flask, requests; print("ok")']);
  const gunicornVersion = gunicornOut?.match(/gunicorn \(version ([\d.]+)\)/)?.[1];
  const nginxVersion = nginxOut?.match(/nginx\/([\d.]+)/)?.[1];
  return {
    root,
    gunicornVersion,
    nginxVersion,
    flaskAndRequests: imports?.trim() === 'ok',
    netns: root && existsSync(IP),
    memoryCgroup: root ? cgroupController('memory', `${MEMORY_CGROUP_V1}/memory.limit_in_bytes`) : undefined,
    cpuCgroup: root ? cgroupController('cpu', `${CPU_CGROUP_V1}/cpu.cfs_quota_us`) : undefined,
  };
}

/** v1 when the controller's own hierarchy has `v1File`, v2 when the unified root delegates the controller. */
function cgroupController(controller: 'memory' | 'cpu', v1File: string): 'v1' | 'v2' | undefined {
  if (existsSync(v1File)) {
    return 'v1';
  }
  if (existsSync(`${CGROUP_V2}/cgroup.controllers`)) {
    const delegated = readFileSync(`${CGROUP_V2}/cgroup.subtree_control`, 'utf8').split(/\s+/);
    return delegated.includes(controller) ? 'v2' : undefined;
  }
  return undefined;
}

/** Why this machine cannot run a scenario, or undefined when it can. */
export function missingFor(caps: Capabilities, needs: Need[]): string | undefined {
  const missing: string[] = [];
  if (!caps.gunicornVersion) {missing.push(`gunicorn (${GUNICORN}; apt-get install gunicorn)`);}
  if (!caps.nginxVersion) {missing.push(`nginx (${NGINX}; apt-get install nginx-light)`);}
  if (!caps.flaskAndRequests) {missing.push(`python3-flask and python3-requests for ${PYTHON}`);}
  if (needs.includes('netns') && !caps.netns) {missing.push('root and iproute2 for network namespaces');}
  if (needs.includes('memoryCgroup') && !caps.memoryCgroup) {missing.push('root and a writable memory cgroup');}
  if (needs.includes('cpuCgroup') && !caps.cpuCgroup) {missing.push('root and a writable cpu cgroup (v1 cpu.cfs_quota_us or v2 cpu.max)');}
  return missing.length > 0 ? `missing: ${missing.join('; ')}` : undefined;
}
