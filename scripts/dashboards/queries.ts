// Typed builders for the queries dashboards send: each returns a query of the data source's model
// (src/datasource/types/query.ts), so a field the model does not have fails to compile.
import {
  AUTO_BIN,
  QUERY_MODEL_VERSION,
  type HypothesesFormat,
  type LogTable,
  type QueryFilters,
  type QueryType,
  type SplitBy,
} from '../../src/datasource/types/query';
import type { MarkerKind } from '../../src/engine/model/findings';
import type { MetricName } from '../../src/engine/model/metrics';
import type { HypothesisId, SeriesField } from '../../src/shared/frame-contract';
import type { DataSourceRef, Target } from './grafana-json';

export const DATASOURCE_TYPE = 'appsvc-triage-datasource';
/** Every panel follows the dashboard's `datasource` variable. */
export const DATASOURCE: DataSourceRef = { type: DATASOURCE_TYPE, uid: '${datasource}' };

/** Panel queries follow the `instance` and `path` variables; annotations follow `instance` only. */
export type Scope = 'variables' | 'instance-only' | 'none';

function filters(scope: Scope, bin: string): QueryFilters {
  switch (scope) {
    case 'variables':
      return { instances: ['$instance'], paths: ['$path'], bin };
    case 'instance-only':
      return { instances: ['$instance'], bin };
    case 'none':
      return { bin };
  }
}

interface Common {
  refId?: string;
  scope?: Scope;
  /** `auto` (the panel interval) unless a fixed bin such as `1m` is asked for. */
  bin?: string;
}

function head<T extends QueryType>(queryType: T, common: Common) {
  return { refId: common.refId ?? 'A', datasource: DATASOURCE, queryType, version: QUERY_MODEL_VERSION, ...filters(common.scope ?? 'variables', common.bin ?? AUTO_BIN) };
}

export function series(metrics: SeriesField[], options: Common & { splitBy?: SplitBy } = {}): Target {
  return { ...head('series', options), splitBy: options.splitBy ?? 'none', metrics };
}

export function clusters(options: Common = {}): Target {
  return head('clusters', options);
}

export function markers(kinds: MarkerKind[], options: Common = {}): Target {
  return { ...head('markers', options), kinds };
}

export function hypotheses(format: HypothesesFormat, ids: HypothesisId[] = [], options: Common = {}): Target {
  return { ...head('hypotheses', options), format, hypotheses: ids };
}

/** The workerModel query answers two frames, in this order: the inferred model, then declared vs logs. */
export const WORKER_MODEL_FRAME_INDEX = { workerModel: 0, declaredConfig: 1 } as const;

export function workerModel(options: Common = {}): Target {
  return head('workerModel', options);
}

/** Platform metrics follow the instance variable only: they have no path. */
export function platformMetrics(names: MetricName[], options: Common = {}): Target {
  return { ...head('metrics', { scope: 'instance-only', ...options }), metrics: names };
}

/** The endpoints query answers two frames, in this order: per-path stats, then same-second pairs. */
export const ENDPOINTS_FRAME_INDEX = { endpoints: 0, divergences: 1 } as const;

export function endpoints(options: Common = {}): Target {
  return head('endpoints', options);
}

export function logs(table: LogTable, search = '', options: Common = {}): Target {
  return { ...head('logs', options), table, search };
}
