import { ProcReading } from './procTree';

/**
 * CPU time a changing set of processes used between two readings. Only processes present in the
 * new reading count: a worker that died since the last one takes its last fraction of a second with
 * it (never a negative delta), and a worker born since then counts all its ticks (it started in the interval).
 */
export class CpuAccount {
  private last = new Map<string, number>();

  /** Ticks used since the previous call by the processes in `readings`. */
  advance(readings: ProcReading[]): number {
    let used = 0;
    const next = new Map<string, number>();
    for (const r of readings) {
      const before = this.last.get(r.key);
      used += before === undefined ? r.cpuTicks : Math.max(0, r.cpuTicks - before);
      next.set(r.key, r.cpuTicks);
    }
    this.last = next;
    return used;
  }
}
