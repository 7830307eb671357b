// Stored queries → the current query model. Each version change is one step, applied in order,
// so a dashboard saved by any earlier build opens and runs unchanged.
import type { DataQuery } from '@grafana/schema';
import { AUTO_BIN, QUERY_MODEL_VERSION, type AppSvcQuery } from './query';

/** A query as found in a dashboard: any version, any legacy shape. */
export type StoredQuery = DataQuery & Record<string, unknown>;

type MigrationStep = (query: StoredQuery) => StoredQuery;

/** Comma-separated text (hand-written dashboards) or an array → a trimmed list without blanks. */
function toList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const items = Array.isArray(value) ? value : String(value).split(',');
  return items.map((item) => String(item).trim()).filter((item) => item !== '');
}

/** Unversioned (v0) bins were seconds as a number, or blank for auto. */
function toBin(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return `${Math.round(value)}s`;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    return value.trim();
  }
  return AUTO_BIN;
}

/**
 * v0 → v1: queries saved before the model had a version. `queryType` defaulted to series,
 * `paths`/`instances`/`metrics` could be comma-separated text and `bin` a number of seconds.
 */
const versionlessToV1: MigrationStep = (query) => {
  const migrated: StoredQuery = { ...query, queryType: query.queryType ?? 'series', bin: toBin(query.bin), version: 1 };
  for (const key of ['paths', 'instances', 'metrics'] as const) {
    const list = toList(query[key]);
    if (list === undefined) {
      delete migrated[key];
    } else {
      migrated[key] = list;
    }
  }
  return migrated;
};

/** Index i holds the step from version i to version i + 1. */
export const MIGRATION_STEPS: readonly MigrationStep[] = [versionlessToV1];

export function storedVersion(stored: DataQuery): number {
  const query = stored as StoredQuery;
  return typeof query.version === 'number' && Number.isInteger(query.version) && query.version >= 0 ? query.version : 0;
}

/** True when the query was saved by a newer build than this one: it is left as it is. */
export function isFromNewerBuild(query: DataQuery): boolean {
  return storedVersion(query) > QUERY_MODEL_VERSION;
}

export function needsMigration(query: DataQuery): boolean {
  return storedVersion(query) < QUERY_MODEL_VERSION;
}

/** Applies every step from the stored version up to QUERY_MODEL_VERSION; refId and hide are kept. */
export function migrateQuery(query: DataQuery): AppSvcQuery {
  let current = query as StoredQuery;
  for (let version = storedVersion(current); version < QUERY_MODEL_VERSION; version++) {
    current = MIGRATION_STEPS[version](current);
  }
  return current as unknown as AppSvcQuery;
}
