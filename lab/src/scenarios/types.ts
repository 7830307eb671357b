import { LoadStream } from '../load/plan';
import { Need } from '../runner/capabilities';

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
  /** Streams of client load; `short` is the reduced variant used by the smoke test. */
  load(short: boolean): { streams: LoadStream[]; durationS: number };
  faults: FaultAction[];
  /** Seconds after load start; null when the scenario has no fault (baseline). */
  faultWindow(short: boolean): { fromS: number; toS: number } | null;
  expected: { ranking: string[]; supported: string[]; notes: string };
}

/** Sync workers, no app warm-up (only h3 models one): respawned workers serve at once. */
export const SYNC_DEFAULTS = { threads: 1, gracefulTimeoutS: 3, warmupS: 0 } as const;
