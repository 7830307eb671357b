// The one validator of query JSON: QueryData, alert rules and the dashboard tests all go through
// it. Every problem names the field and what is allowed; unknown fields are ignored (Grafana adds
// its own: datasource, intervalMs, hide…).
import {
  HYPOTHESES_FORMATS,
  LOG_TABLES,
  MARKER_KINDS,
  QUERY_TYPES,
  SPLIT_BY,
  type HypothesesFormat,
  type LogTable,
  type QueryType,
  type SplitBy,
} from '../../datasource/types/query';
import { METRIC_NAMES, type MarkerKind, type MetricName } from '../../engine';
import { HYPOTHESIS_IDS, SERIES_FIELDS, type HypothesisId, type SeriesField } from '../../shared/frame-contract';

export interface AppQuery {
  refId: string;
  queryType: QueryType;
  paths: string[];
  instances: string[];
  /** Fixed bin in ms, or undefined for `auto` (follow the panel interval). */
  binMs: number | undefined;
  splitBy: SplitBy;
  /** `series` queries: which derived series. */
  metrics: SeriesField[];
  /** `metrics` queries: which platform metrics (the same `metrics` key, read against the metric names). */
  platformMetrics: MetricName[];
  kinds: MarkerKind[];
  format: HypothesesFormat;
  hypotheses: HypothesisId[];
  table: LogTable;
  search: string;
}

export type ParseResult = { ok: true; query: AppQuery } | { ok: false; error: string };

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const MAX_BIN_MS = 24 * 3_600_000;

class QueryFieldError extends Error {}

/** `30s`, `1m`, `2h` → ms (a whole number of seconds, at most a day); `auto`/empty → undefined. */
export function parseBin(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '' || value === 'auto') {
    return undefined;
  }
  const match = typeof value === 'string' ? /^(\d+)(ms|s|m|h)$/.exec(value.trim()) : null;
  if (!match) {
    throw new QueryFieldError(`"bin" must be "auto" or a duration like 30s, 1m, 1h; got ${JSON.stringify(value)}`);
  }
  const ms = Number(match[1]) * UNIT_MS[match[2]];
  if (ms <= 0 || ms % 1000 !== 0 || ms > MAX_BIN_MS) {
    throw new QueryFieldError(`"bin" must be a whole number of seconds between 1s and 24h; got ${JSON.stringify(value)}`);
  }
  return ms;
}

function stringList(model: Record<string, unknown>, key: string): string[] {
  const value = model[key];
  if (value === undefined || value === null) {
    return [];
  }
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
    throw new QueryFieldError(`"${key}" must be a list of strings`);
  }
  // Template variables that expanded to "All" arrive as "$__all" or empty strings: no filter.
  return (list as string[]).filter((item) => item !== '' && item !== '$__all' && item !== '*');
}

function oneOf<T extends string>(model: Record<string, unknown>, key: string, allowed: readonly T[], fallback: T): T {
  const value = model[key];
  if (value === undefined || value === null || value === '') {
    return fallback;
  }
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new QueryFieldError(`"${key}" must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
  }
  return value as T;
}

function subsetOf<T extends string>(model: Record<string, unknown>, key: string, allowed: readonly T[]): T[] {
  const values = stringList(model, key);
  const unknown = values.filter((v) => !allowed.includes(v as T));
  if (unknown.length > 0) {
    throw new QueryFieldError(`"${key}" has unknown values ${unknown.map((u) => JSON.stringify(u)).join(', ')}; allowed: ${allowed.join(', ')}`);
  }
  return values as T[];
}

export function parseAppQuery(model: unknown): ParseResult {
  if (typeof model !== 'object' || model === null || Array.isArray(model)) {
    return { ok: false, error: 'query must be a JSON object' };
  }
  const record = model as Record<string, unknown>;
  try {
    const queryType = record.queryType ?? 'series';
    if (typeof queryType !== 'string' || !(QUERY_TYPES as readonly string[]).includes(queryType)) {
      throw new QueryFieldError(`"queryType" must be one of ${QUERY_TYPES.join(', ')}; got ${JSON.stringify(queryType)}`);
    }
    const search = record.search ?? '';
    if (typeof search !== 'string') {
      throw new QueryFieldError('"search" must be a string');
    }
    return {
      ok: true,
      query: {
        refId: typeof record.refId === 'string' ? record.refId : 'A',
        queryType: queryType as QueryType,
        paths: stringList(record, 'paths'),
        instances: stringList(record, 'instances'),
        binMs: parseBin(record.bin),
        splitBy: oneOf(record, 'splitBy', SPLIT_BY, 'none'),
        metrics: queryType === 'metrics' ? [] : subsetOf(record, 'metrics', SERIES_FIELDS),
        platformMetrics: queryType === 'metrics' ? subsetOf(record, 'metrics', METRIC_NAMES) : [],
        kinds: subsetOf(record, 'kinds', MARKER_KINDS),
        format: oneOf(record, 'format', HYPOTHESES_FORMATS, 'verdicts'),
        hypotheses: subsetOf(record, 'hypotheses', HYPOTHESIS_IDS),
        table: oneOf(record, 'table', LOG_TABLES, 'console'),
        search,
      },
    };
  } catch (error) {
    if (error instanceof QueryFieldError) {
      return { ok: false, error: error.message };
    }
    throw error;
  }
}
