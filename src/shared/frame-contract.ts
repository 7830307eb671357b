// Names of the frames and fields the backend returns per query type. Dashboards, alert rules and
// the hypotheses panel depend on them: a rename here is a breaking change (DESIGN.md "Frames").
// Shared by the backend (which builds frames) and the frontend (which reads them); types only.

export const FRAME = {
  /** Wide time series per bin; one frame per split key with `labels` (path=… / instance=…). */
  series: 'series',
  /** One row per 499 cluster; annotation-shaped (time, timeEnd, title, text, tags). */
  clusters: 'clusters',
  /** One row per restart / worker boot / timeout / kill / probe failure; annotation-shaped. */
  markers: 'markers',
  /** One row per hypothesis, most likely first. */
  hypotheses: 'hypotheses',
  /** Wide: time + one `score` field per hypothesis (labels hypothesis=H1…), for alerting. */
  hypothesisScores: 'hypothesis-scores',
  /** One row per window a hypothesis applies to; annotation-shaped. */
  hypothesisWindows: 'hypothesis-windows',
  /** One row per Gunicorn generation per instance: the inferred worker model. */
  workerModel: 'worker-model',
  /** One row per path (table, no time). */
  endpoints: 'endpoints',
  /** Same-second fast-vs-slow pairs. */
  divergences: 'divergences',
  /** Console / platform lines (logs visualisation). */
  logs: 'logs',
  /** Platform metrics: one frame per metric and instance, `time`, `value`, `max`, labels metric=…, instance=… (instance '' = whole site/plan). */
  metrics: 'metrics',
  /** Instances reporting plan metrics per bin: `time`, `instances`. */
  instanceCount: 'instance-count',
  /** The site's declared configuration beside what the logs show: one row per setting. */
  declaredConfig: 'declared-config',
} as const;

export type FrameName = (typeof FRAME)[keyof typeof FRAME];

/** Numeric fields of the `series` frame, after `time`. Units: counts, percent (errPct), ms (p*, max). */
export const SERIES_FIELDS = [
  'requests',
  'err5xx',
  'errPct',
  's499',
  's500',
  's502',
  's503',
  's504',
  'p50',
  'p95',
  'p99',
  'max',
] as const;
export type SeriesField = (typeof SERIES_FIELDS)[number];

/** Fields every annotation-shaped frame (clusters, markers, hypothesis-windows) carries. */
export const ANNOTATION_FIELDS = ['time', 'timeEnd', 'title', 'text', 'tags'] as const;

export const CLUSTER_FIELDS = [...ANNOTATION_FIELDS, 'count', 'boundaryMs', 'spreadMs', 'kind', 'status', 'paths', 'instances'] as const;
export const MARKER_FIELDS = [...ANNOTATION_FIELDS, 'kind', 'instance', 'pid', 'cause'] as const;
/** `evidence`, `windows` and `nextChecks` are JSON strings (arrays as in the CLI report). */
export const HYPOTHESIS_FIELDS = ['id', 'title', 'verdict', 'score', 'summary', 'evidence', 'windows', 'nextChecks'] as const;
export const HYPOTHESIS_WINDOW_FIELDS = [...ANNOTATION_FIELDS, 'hypothesis', 'verdict'] as const;
export const WORKER_MODEL_FIELDS = ['time', 'timeEnd', 'instance', 'generation', 'version', 'workerClass', 'workers', 'threads', 'timeoutSec', 'evidence'] as const;
export const ENDPOINT_FIELDS = ['path', 'requests', 'err5xx', 'errPct', 's499', 'failPct', 'p50', 'p95', 'p99', 'max'] as const;
export const DIVERGENCE_FIELDS = ['time', 'instance', 'fastPath', 'fastMs', 'slowPath', 'slowMs', 'ratio'] as const;
export const LOG_FIELDS = ['time', 'body', 'severity', 'instance', 'table', 'kind'] as const;
/** Per metric frame: mean per bin (`value`) and highest point (`max`); unit in the field config. */
export const METRIC_FIELDS = ['time', 'value', 'max'] as const;
export const INSTANCE_COUNT_FIELDS = ['time', 'instances'] as const;
/** `status`: agrees | disagrees | not-in-logs | not-declared; `observed` is what the logs show, as text. */
export const DECLARED_CONFIG_FIELDS = ['setting', 'declared', 'from', 'observed', 'status'] as const;

export type Verdict = 'supported' | 'weakened' | 'inconclusive';
export const HYPOTHESIS_IDS = ['H1', 'H2', 'H3', 'H4', 'T1', 'M1', 'C1'] as const;
export type HypothesisId = (typeof HYPOTHESIS_IDS)[number];
