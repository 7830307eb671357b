// The query model shared by the editors, dashboards and the backend (DESIGN.md "Query model"):
// a discriminated union keyed by `queryType`, stamped with the model version it was saved with.
import type { DataQuery } from '@grafana/schema';
import type { MarkerKind } from '../../engine/model/findings';
import type { MetricName } from '../../engine/model/metrics';
import type { HypothesisId, SeriesField } from '../../shared/frame-contract';

/** Bump when a stored field changes meaning or shape, and add the step to `migrate.ts`. */
export const QUERY_MODEL_VERSION = 1;

export const QUERY_TYPES = ['series', 'clusters', 'markers', 'hypotheses', 'workerModel', 'endpoints', 'logs', 'metrics'] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

export const SPLIT_BY = ['none', 'path', 'instance'] as const;
export type SplitBy = (typeof SPLIT_BY)[number];

export const HYPOTHESES_FORMATS = ['verdicts', 'scores', 'windows'] as const;
export type HypothesesFormat = (typeof HYPOTHESES_FORMATS)[number];

export const LOG_TABLES = ['console', 'platform'] as const;
export type LogTable = (typeof LOG_TABLES)[number];

/** Marker kinds a markers query may be limited to (the engine's `MarkerKind`, checked by the compiler). */
export const MARKER_KINDS = [
  'restart',
  'worker-boot',
  'worker-timeout',
  'worker-kill',
  'worker-exit',
  'graceful-shutdown',
  'boot-failure',
  'probe-failure',
  'container-start',
  'container-stop',
  'container-timeout',
  'deployment',
  'scale-out',
  'scale-in',
] as const satisfies readonly MarkerKind[];

/** `auto` follows the panel interval; otherwise a duration such as `1m` or `30s`. */
export const AUTO_BIN = 'auto';
// Whole seconds, minutes or hours, as the backend's parseBin accepts.
const BIN_PATTERN = /^(auto|[1-9]\d*(s|m|h))$/;

/** Filters and binning every query type accepts. */
export interface QueryFilters {
  /** CsUriStem values; empty or absent means every path. */
  paths?: string[];
  /** ComputerName values (App Service instances); empty or absent means every instance. */
  instances?: string[];
  bin?: string;
}

interface QueryBase<T extends QueryType> extends DataQuery, QueryFilters {
  queryType: T;
  version?: number;
}

export interface SeriesQuery extends QueryBase<'series'> {
  splitBy?: SplitBy;
  /** Which derived series to return; all when empty. */
  metrics?: SeriesField[];
}
export type ClustersQuery = QueryBase<'clusters'>;
export interface MarkersQuery extends QueryBase<'markers'> {
  kinds?: MarkerKind[];
}
export interface HypothesesQuery extends QueryBase<'hypotheses'> {
  /** `verdicts`: one row per hypothesis; `scores`: a score series per hypothesis; `windows`: annotation rows. */
  format?: HypothesesFormat;
  hypotheses?: HypothesisId[];
}
export type WorkerModelQuery = QueryBase<'workerModel'>;
export type EndpointsQuery = QueryBase<'endpoints'>;
export interface LogsQuery extends QueryBase<'logs'> {
  table?: LogTable;
  /** Case-insensitive substring the line must contain. */
  search?: string;
}

export interface MetricsQuery extends QueryBase<'metrics'> {
  /** Which platform metrics (CpuPercentage, MemoryPercentage, Requests, Http5xx, HttpResponseTime); all when empty. */
  metrics?: MetricName[];
}

export type AppSvcQuery =
  | SeriesQuery
  | ClustersQuery
  | MarkersQuery
  | HypothesesQuery
  | WorkerModelQuery
  | EndpointsQuery
  | LogsQuery
  | MetricsQuery;

/** The query of one type, e.g. `QueryOf<'markers'>` is `MarkersQuery`. */
export type QueryOf<T extends QueryType> = Extract<AppSvcQuery, { queryType: T }>;

export function isQueryType(value: unknown): value is QueryType {
  return typeof value === 'string' && (QUERY_TYPES as readonly string[]).includes(value);
}

export function isValidBin(bin: string): boolean {
  return BIN_PATTERN.test(bin);
}

export const QUERY_TYPE_LABELS: Record<QueryType, { label: string; description: string }> = {
  series: { label: 'Series', description: 'Requests, 5xx, errPct, 499 and p50/p95/p99 per bin (alerting-ready)' },
  clusters: { label: '499 clusters', description: 'Client aborts bunched at one TimeTaken boundary' },
  markers: { label: 'Markers', description: 'Restarts, worker boots, timeouts and kills, deployments, scale-out and scale-in' },
  hypotheses: { label: 'Hypotheses', description: 'Verdicts, score series or windows per hypothesis' },
  workerModel: { label: 'Worker model', description: 'Inferred Gunicorn workers, threads and timeout per instance' },
  endpoints: { label: 'Endpoints', description: 'Per-path requests, failures and latency' },
  logs: { label: 'Logs', description: 'Console and platform lines' },
  metrics: { label: 'Platform metrics', description: 'CPU, memory, requests and response time per instance from Azure Monitor, and the instance count (alerting-ready)' },
};
