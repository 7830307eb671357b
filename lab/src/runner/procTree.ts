import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One live process of an instance's tree, as /proc shows it at one moment. */
export interface ProcReading {
  pid: number;
  /** pid plus start time (clock ticks since boot): a recycled pid is a different process. */
  key: string;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
  /**
   * Proportional set size in kB: a page shared by n processes counts 1/n in each, so the tree's sum counts it
   * once (forked workers share the master's pages; summed RSS would count them once per worker). 0 for a zombie.
   */
  pssKb: number;
}

export interface StatFields {
  ppid: number;
  cpuTicks: number;
  startTime: number;
}

/** Fields of /proc/<pid>/stat; the command name may hold spaces and parentheses, so fields count from the last ")". */
export function parseStat(text: string): StatFields | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) {
    return undefined;
  }
  // After ")": state(3) ppid(4) … utime(14) stime(15) … starttime(22) — index = field number − 3.
  const f = text.slice(close + 2).trim().split(/\s+/);
  const [ppid, utime, stime, startTime] = [f[1], f[11], f[12], f[19]].map(Number);
  if (![ppid, utime, stime, startTime].every(Number.isFinite)) {
    return undefined;
  }
  return { ppid, cpuTicks: utime + stime, startTime };
}

/** `Pss:` of /proc/<pid>/smaps_rollup, in kB. */
export function parsePssKb(text: string): number | undefined {
  const match = /^Pss:\s+(\d+) kB$/m.exec(text);
  return match ? Number(match[1]) : undefined;
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // The process exited between listing and reading (a killed or recycled worker).
    return undefined;
  }
}

/**
 * The root process and all its descendants that exist right now. A process that vanishes while
 * being read is left out of this reading; the caller sums whatever is there at each tick.
 */
export function readProcessTree(rootPid: number, procRoot = '/proc'): ProcReading[] {
  const stats = new Map<number, StatFields>();
  for (const name of readdirSync(procRoot)) {
    if (!/^\d+$/.test(name)) {
      continue;
    }
    const text = readOrUndefined(join(procRoot, name, 'stat'));
    const fields = text === undefined ? undefined : parseStat(text);
    if (fields) {
      stats.set(Number(name), fields);
    }
  }
  if (!stats.has(rootPid)) {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const [pid, fields] of stats) {
    children.set(fields.ppid, [...(children.get(fields.ppid) ?? []), pid]);
  }
  const tree: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  const readings: ProcReading[] = [];
  for (const pid of tree) {
    const fields = stats.get(pid)!;
    const pss = parsePssKb(readOrUndefined(join(procRoot, String(pid), 'smaps_rollup')) ?? '') ?? 0;
    readings.push({ pid, key: `${pid}@${fields.startTime}`, cpuTicks: fields.cpuTicks, pssKb: pss });
  }
  return readings;
}

/** USER_HZ, the unit of utime/stime (100 on Linux unless the kernel was built otherwise). */
export function clockTicksPerSecond(): number {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 5000 }).stdout;
  const ticks = Number(out?.trim());
  return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
}
