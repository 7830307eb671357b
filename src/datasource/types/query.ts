// The query model shared by the editors, dashboards and the backend (DESIGN.md "Query model").
import type { DataQuery } from '@grafana/schema';

export const QUERY_MODEL_VERSION = 1;

export const QUERY_TYPES = ['series', 'clusters', 'markers', 'hypotheses', 'workerModel', 'endpoints', 'logs'] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

export type SplitBy = 'none' | 'path' | 'instance';

/** Filters and binning every query type accepts. */
export interface QueryFilters {
  paths?: string[];
  instances?: string[];
  /** `auto` follows the panel interval; otherwise a duration such as `1m` or `30s`. */
  bin?: string;
}

interface QueryBase<T extends QueryType> extends DataQuery, QueryFilters {
  queryType: T;
  version?: number;
}

export interface SeriesQuery extends QueryBase<'series'> {
  splitBy?: SplitBy;
  /** Which derived series to return; all when empty. */
  metrics?: string[];
}
export type ClustersQuery = QueryBase<'clusters'>;
export interface MarkersQuery extends QueryBase<'markers'> {
  kinds?: string[];
}
export interface HypothesesQuery extends QueryBase<'hypotheses'> {
  /** `verdicts` returns one row per hypothesis; `scores` a score time series per hypothesis. */
  format?: 'verdicts' | 'scores' | 'windows';
  hypotheses?: string[];
}
export type WorkerModelQuery = QueryBase<'workerModel'>;
export type EndpointsQuery = QueryBase<'endpoints'>;
export interface LogsQuery extends QueryBase<'logs'> {
  table?: 'console' | 'platform';
  search?: string;
}

export type AppSvcQuery =
  | SeriesQuery
  | ClustersQuery
  | MarkersQuery
  | HypothesesQuery
  | WorkerModelQuery
  | EndpointsQuery
  | LogsQuery;

export function isQueryType(value: unknown): value is QueryType {
  return typeof value === 'string' && (QUERY_TYPES as readonly string[]).includes(value);
}
