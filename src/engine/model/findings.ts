// Derived findings: 499 clusters, markers, the worker model, endpoint divergence.
import { EpochMs, TimeRange } from './input';
import { SourceLine } from './events';

/**
 * What the common TimeTaken boundary of a 499 cluster most likely is:
 * the Gunicorn --timeout in force, the platform's 230–240 s limits, or else the caller's own timeout.
 */
export type ClusterKind = 'client-timeout' | 'platform-limit' | 'gunicorn-timeout';

export interface Cluster {
  /** First and last END time (TimeGenerated) of the aborted requests. */
  start: EpochMs;
  end: EpochMs;
  /** Earliest and latest request START (end − TimeTaken), for correlating with events (trap 3). */
  requestStartFrom: EpochMs;
  requestStartTo: EpochMs;
  count: number;
  /** Median TimeTaken of the cluster: where the requests were cut. */
  boundaryMs: number;
  /** max − min TimeTaken. */
  spreadMs: number;
  minMs: number;
  maxMs: number;
  status: number;
  paths: string[];
  instances: string[];
  kind: ClusterKind;
  /** One line on why this kind was chosen. */
  reason: string;
}

export type MarkerKind =
  | 'restart'
  | 'worker-boot'
  | 'worker-timeout'
  | 'worker-kill'
  | 'worker-exit'
  | 'graceful-shutdown'
  | 'boot-failure'
  | 'probe-failure'
  | 'container-start'
  | 'container-stop'
  | 'container-timeout'
  | 'deployment'
  | 'scale-out'
  | 'scale-in';

/**
 * Why a worker was killed: Gunicorn's own timeout kill, part of a master shutdown (SIGTERM/INT/QUIT
 * handled first), a SIGKILL with no timeout before it (OOM suspect), or none of these.
 */
export type KillCause = 'after-timeout' | 'shutdown' | 'oom-suspect' | 'unexplained';

/**
 * Where a marker came from: a console/platform line, a Kudu/SCM request in the HTTP rows, or a record
 * of the site's deployment history (`row` = its position in that input, `line` = a one-line rendering).
 */
export type MarkerSource = SourceLine | { table: 'http' | 'deployment-history' | 'metrics'; row: number; line: string };

export interface Marker {
  time: EpochMs;
  kind: MarkerKind;
  instance: string;
  generation: number;
  pid?: number;
  cause?: KillCause;
  /** Short human text, e.g. `worker 1908 killed 1.0 s after WORKER TIMEOUT`. */
  title: string;
  source: MarkerSource;
}

export type WorkerModelEvidenceKind = 'startup-command' | 'boot-lines' | 'kill-timing' | 'gunicorn-default';

export interface WorkerModelEvidence {
  kind: WorkerModelEvidenceKind;
  /** One line on what was seen, e.g. `--timeout=120 in appCommandLine`. */
  text: string;
  /** The value this piece of evidence alone points at (e.g. 4 boot lines → 4 workers), to compare with the declared configuration. */
  value?: number | string;
  time?: EpochMs;
  source?: SourceLine;
}

/** A value of the worker model together with everything that supports it. */
export interface Evidenced<T> {
  value: T;
  evidence: WorkerModelEvidence[];
}

/** The Gunicorn worker model of one master generation on one instance. */
export interface WorkerModelSegment {
  instance: string;
  generation: number;
  from: EpochMs;
  /** Start of the next generation on this instance, or the window end. */
  to: EpochMs;
  version?: string;
  masterPid?: number;
  bind?: Evidenced<string>;
  workerClass?: Evidenced<string>;
  workers?: Evidenced<number>;
  threads?: Evidenced<number>;
  timeoutSec?: Evidenced<number>;
}

export interface EndpointStats {
  path: string;
  requests: number;
  err5xx: number;
  errPct: number;
  s499: number;
  /** (err5xx + s499) / requests · 100: failures as the caller saw them. */
  failPct: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/** Same second, same instance: one path answered fast while another was stuck (playbook `/diag/env` vs `/diag/stats`). */
export interface DivergencePair {
  /** Start of the second both requests ended in. */
  second: EpochMs;
  instance: string;
  fast: { path: string; timeTaken: number; status: number };
  slow: { path: string; timeTaken: number; status: number };
  /** slow.timeTaken / max(fast.timeTaken, 1). */
  ratio: number;
}

/** A stretch of HTTP activity separated from the next by a long gap (two runs in one export, trap 10). */
export interface ActivityRun extends TimeRange {
  requests: number;
}
