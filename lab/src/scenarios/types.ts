import { LoadStream } from '../load/plan';
import { Need } from '../runner/capabilities';
import { InstanceSize } from '../runner/resourceSampler';

/** Partner behaviour (read by lab/app/partner.py from its mode file on every request). */
export interface PartnerMode {
  slowFraction?: number;
  slowMs?: number;
  errorFraction?: number;
}

export interface InstanceSpec {
  /** App Service-style instance name (ComputerName / Host). */
  name: string;
  /** ARRAffinity cookie value that nginx routes to this instance. */
  affinity: string;
  workers: number;
  threads: number;
  timeoutS: number;
  gracefulTimeoutS: number;
  warmupS: number;
}

/** What the scenario can do to the running system at a given second of the load. */
export interface ScenarioControl {
  setPartnerMode(mode: PartnerMode): void;
  restartInstance(index: number, downtimeS: number): Promise<void>;
  log(message: string): void;
}

export interface FaultAction {
  atS: number;
  label: string;
  run(control: ScenarioControl): Promise<void> | void;
}

export interface ScenarioDefinition {
  name: string;
  description: string;
  needs: Need[];
  instances: InstanceSpec[];
  appEnv: Record<string, string>;
  partnerMode: PartnerMode;
  /** Gunicorn and the partner run in a private network namespace with these sysctls. */
  netnsSysctls?: Record<string, string>;
  /** Gunicorn (master and workers) runs in a memory cgroup with this hard limit. */
  memoryLimitMb?: number;
  /** Gunicorn (master and workers) runs in a CPU cgroup with this CFS bandwidth (CPUs per period). */
  cpuLimitVcpus?: number;
  /** What CpuPercentage and MemoryPercentage are relative to (default: a B1 plan instance). */
  instanceSize?: InstanceSize;
  /**
   * Start the load at this second past a wall-clock minute, so that the fault window fills whole
   * minutes: a default diagnosis bins by the minute, and a one-minute lab fault cut across two bins
   * would be diluted by calm seconds in both (a real incident lasts minutes).
   */
  loadStartsAtSecondOfMinute?: number;
  /** Streams of client load; `short` is the reduced variant used by the smoke test. */
  load(short: boolean): { streams: LoadStream[]; durationS: number };
  faults: FaultAction[];
  /** Seconds after load start; null when the scenario has no fault (baseline). */
  faultWindow(short: boolean): { fromS: number; toS: number } | null;
  expected: { ranking: string[]; supported: string[]; notes: string };
}

/** App Service B1: 1 vCPU, 1.75 GB; scenarios without their own limits are measured against it. */
export const B1_INSTANCE: InstanceSize = {
  vcpus: 1,
  memoryMb: 1792,
  from: 'default: an App Service B1 plan instance (1 vCPU, 1.75 GB); not enforced, the host has more',
};

/** Sync workers, no app warm-up (only h3 models one): respawned workers serve at once. */
export const SYNC_DEFAULTS = { threads: 1, gracefulTimeoutS: 3, warmupS: 0 } as const;
