import { CpuAccount } from './cpuAccount';
import { nowMs } from './clock';
import { ProcReading, clockTicksPerSecond, readProcessTree } from './procTree';

/** The instance the percentages are relative to (App Service plan metrics are per instance). */
export interface InstanceSize {
  vcpus: number;
  memoryMb: number;
  /** Why these numbers: the plan they stand for, or the cgroup limit that enforces them. */
  from: string;
}

/** One second of one instance: what its Gunicorn tree used, relative to the instance size. */
export interface ResourcePoint {
  /** Start of the second (epoch ms, whole second). */
  time: number;
  cpuPercent: number;
  memoryPercent: number;
  /** Processes in the tree at the end of the second (master + workers). */
  processes: number;
}

export interface SampledInstance {
  name: string;
  /** The current Gunicorn master's pid; undefined while the instance is down. */
  rootPid: () => number | undefined;
}

interface InstanceState {
  account: CpuAccount;
  lastT?: number;
}

/**
 * Reads each instance's Gunicorn process tree from /proc once a second (on whole-second
 * boundaries) and turns the readings into CpuPercentage / MemoryPercentage points.
 */
export class ResourceSampler {
  readonly points = new Map<string, ResourcePoint[]>();
  readonly problems: string[] = [];
  private readonly state = new Map<string, InstanceState>();
  private timer?: NodeJS.Timeout;
  private readonly clockTicks: number;

  constructor(
    private readonly instances: SampledInstance[],
    private readonly size: InstanceSize,
    private readonly readTree: (rootPid: number) => ProcReading[] = readProcessTree,
    clockTicks?: number,
  ) {
    this.clockTicks = clockTicks ?? clockTicksPerSecond();
    for (const inst of instances) {
      this.points.set(inst.name, []);
      this.state.set(inst.name, { account: new CpuAccount() });
    }
  }

  /** The first tick, on the next whole second, is the baseline; points follow from the one after. */
  start(): void {
    this.scheduleNext();
  }

  stop(): void {
    if (this.timer) {clearTimeout(this.timer);}
    this.timer = undefined;
  }

  /** One reading of every instance at wall time `t`; each adds the point for the interval since its last reading. */
  tick(t: number): void {
    for (const inst of this.instances) {
      const state = this.state.get(inst.name)!;
      const pid = inst.rootPid();
      let readings: ProcReading[] = [];
      try {
        readings = pid === undefined ? [] : this.readTree(pid);
      } catch (error) {
        this.problems.push(`${inst.name} at ${new Date(t).toISOString()}: ${(error as Error).message}`);
      }
      if (readings.length === 0) {
        // Instance down (restart) or unreadable: no point for this interval, and a fresh baseline after.
        this.state.set(inst.name, { account: new CpuAccount() });
        continue;
      }
      const used = state.account.advance(readings);
      const points = this.points.get(inst.name)!;
      const time = Math.round((state.lastT ?? 0) / 1000) * 1000;
      // A tick delayed past half a second (a blocked event loop) would label a second twice: that interval is left out.
      if (state.lastT !== undefined && t > state.lastT && (points.length === 0 || time > points[points.length - 1].time)) {
        const wallS = (t - state.lastT) / 1000;
        const pssKb = readings.reduce((sum, r) => sum + r.pssKb, 0);
        points.push({
          time,
          cpuPercent: ((used / this.clockTicks) / (wallS * this.size.vcpus)) * 100,
          memoryPercent: (pssKb / 1024 / this.size.memoryMb) * 100,
          processes: readings.length,
        });
      }
      state.lastT = t;
    }
  }

  private scheduleNext(): void {
    const now = nowMs();
    this.timer = setTimeout(() => {
      this.tick(nowMs());
      this.scheduleNext();
    }, 1000 - (now % 1000) + 2);
  }
}
