// The diagnosis report (DESIGN.md "CLI report"): what `appsvc-triage diagnose --format json` prints
// and the backend's `/report` resource returns. Times are ISO strings; everything is plain JSON.
import { ClusterKind, KillCause, MarkerKind, MarkerSource, RowIssues, Totals, WorkerModelEvidenceKind } from '..';
import { EvidenceEffect, HypothesisId, NextCheck, Verdict } from '../assess/types';
import type { DeclaredConfig, WorkerModelCheck, WorkerModelObservation } from '../config';
import type { MetricIssue, MetricName } from '../model/metrics';

export type IsoTime = string;

export interface ReportWindow {
  from: IsoTime;
  to: IsoTime;
  binMs: number;
  /** Separate stretches of traffic (an export can hold two runs hours apart). */
  runs: Array<{ from: IsoTime; to: IsoTime; requests: number }>;
}

export interface ReportSource {
  spec: string;
  description: string;
  warnings: Array<{ where: string; message: string }>;
  /** Per file for folder sources: rows used, rows skipped, and why a file was not used at all. */
  files: Array<{ file: string; format: string; table?: string; rowsLoaded: number; rowsSkipped: Record<string, number>; reason?: string; used?: string }>;
  timeShiftMs: number;
  percentiles: 'exact' | 'estimated';
  skippedRows: RowIssues;
}

export interface ReportTotals extends Totals {
  endpoints: Array<{ path: string; requests: number; err5xx: number; s499: number; failPct: number; p50: number | null; p95: number | null; max: number | null }>;
}

export interface ReportSeries {
  time: IsoTime[];
  requests: number[];
  err5xx: number[];
  errPct: number[];
  s499: number[];
  s500: number[];
  s502: number[];
  s503: number[];
  s504: number[];
  p50: Array<number | null>;
  p95: Array<number | null>;
  p99: Array<number | null>;
  max: Array<number | null>;
  /** Sliding-window score of each hypothesis at each bin (window ending with that bin). */
  scores: Record<HypothesisId, number[]>;
  scoreWindowMs: number;
}

export interface ReportCluster {
  start: IsoTime;
  end: IsoTime;
  requestStartFrom: IsoTime;
  requestStartTo: IsoTime;
  count: number;
  status: number;
  boundaryMs: number;
  spreadMs: number;
  paths: string[];
  instances: string[];
  kind: ClusterKind;
  reason: string;
}

export interface ReportMarker {
  time: IsoTime;
  kind: MarkerKind;
  instance: string;
  generation: number;
  pid?: number;
  cause?: KillCause;
  title: string;
  source: MarkerSource;
}

export interface ReportWorkerModel {
  instance: string;
  generation: number;
  from: IsoTime;
  to: IsoTime;
  version?: string;
  masterPid?: number;
  bind?: string;
  workerClass?: string;
  workers?: number;
  threads?: number;
  timeoutSec?: number;
  evidence: Array<{ setting: string; kind: WorkerModelEvidenceKind; text: string; time?: IsoTime }>;
}

export type ReportWorkerModelCheck = Omit<WorkerModelCheck, 'observed'> & {
  observed: Array<Omit<WorkerModelObservation, 'time'> & { time?: IsoTime }>;
};

/** Inferred from the logs (per instance and generation) beside what the site's configuration declares. */
export interface ReportWorkerModelSection {
  inferred: ReportWorkerModel[];
  /** Null when no source could read the site's configuration (only allow-listed app settings ever appear). */
  declared: DeclaredConfig | null;
  /** One per declared setting: agrees, disagrees or not-in-logs. */
  checks: ReportWorkerModelCheck[];
  disagreements: ReportWorkerModelCheck[];
}

export type ReportPointer =
  | { kind: 'bins'; from: IsoTime; to: IsoTime; count: number }
  | { kind: 'cluster' | 'marker' | 'divergence' | 'worker-model'; index: number }
  | { kind: 'event'; table: 'console' | 'platform'; row: number }
  | { kind: 'path'; path: string };

export interface ReportEvidence {
  signal: string;
  role: 'supporting' | 'weakening';
  effect: EvidenceEffect;
  observed: string;
  expectation: string;
  strength: number;
  weight: number;
  window?: { from: IsoTime; to: IsoTime };
  pointers: ReportPointer[];
}

export interface ReportHypothesis {
  id: HypothesisId;
  title: string;
  verdict: Verdict;
  score: number;
  summary: string;
  evidence: ReportEvidence[];
  windows: Array<{ from: IsoTime; to: IsoTime; signals: string[] }>;
  nextChecks: NextCheck[];
}

/** One metric on one instance (`''`: the whole site or plan) over the report's window. */
export interface ReportMetricSeries {
  name: MetricName;
  /** Azure's unit: `Percent`, `Seconds`, `Count`, … */
  unit: string;
  instance: string;
  /** Mean of the per-bin means; null when no bin had a point. */
  mean: number | null;
  /** Highest point maximum in the window; for Requests and Http5xx (per-bin sums) the busiest bin. */
  max: number | null;
  /** Requests and Http5xx only: the sum over the window. */
  total?: number;
  /** Per-bin means on `series.time`; null where no point fell. */
  points: Array<number | null>;
}

export interface ReportScaleEvent {
  time: IsoTime;
  from: number;
  to: number;
  added: string[];
  removed: string[];
}

/** Platform metrics (Azure Monitor): absent from the report when the source had none. */
export interface ReportMetrics {
  origins: string[];
  /** Instances any metric was reported for. */
  instances: string[];
  perMetric: ReportMetricSeries[];
  /** Fewest and most instances reporting plan metrics in one bin. */
  instanceCount: { min: number | null; max: number | null };
  scaleEvents: ReportScaleEvent[];
  issues: MetricIssue[];
}

export interface DiagnosisReport {
  window: ReportWindow;
  source: ReportSource;
  totals: ReportTotals;
  series: ReportSeries;
  clusters: ReportCluster[];
  markers: ReportMarker[];
  workerModel: ReportWorkerModelSection;
  /** Absent when the source had no platform metrics. */
  metrics?: ReportMetrics;
  hypotheses: ReportHypothesis[];
  ranking: HypothesisId[];
}
