// Reads the committed dashboards/*.json and takes them apart for the tests: panels, queries,
// and every field name a panel refers to (overrides, transformations, stat fields, sorting).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AnnotationQuery, Dashboard, Panel, Transformation } from '../../scripts/dashboards/grafana-json';
import { parseAppQuery, type AppQuery } from '../../src/backend/queries/parse-query';

export const ROOT = resolve(__dirname, '..', '..');
export const DASHBOARDS_DIR = join(ROOT, 'dashboards');

export interface DashboardFile {
  file: string;
  dashboard: Dashboard;
}

export function loadDashboards(): DashboardFile[] {
  return readdirSync(DASHBOARDS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({ file, dashboard: JSON.parse(readFileSync(join(DASHBOARDS_DIR, file), 'utf8')) as Dashboard }));
}

/** Keys each query type may carry besides Grafana's own; anything else is a typo the backend would ignore. */
const COMMON_KEYS = ['refId', 'datasource', 'queryType', 'version', 'hide', 'paths', 'instances', 'bin'];
const TYPE_KEYS: Record<string, string[]> = {
  series: ['splitBy', 'metrics'],
  clusters: [],
  markers: ['kinds'],
  hypotheses: ['format', 'hypotheses'],
  workerModel: [],
  endpoints: [],
  logs: ['table', 'search'],
  metrics: ['metrics'],
};
/** Keys Grafana adds to alert queries. */
export const ALERT_QUERY_KEYS = ['intervalMs', 'maxDataPoints'];

export type QueryCheck = { ok: true; query: AppQuery } | { ok: false; error: string };

/** The backend's own validator, plus: no keys outside the query model. */
export function checkQuery(model: unknown, extraKeys: string[] = []): QueryCheck {
  const parsed = parseAppQuery(model);
  if (!parsed.ok) {
    return parsed;
  }
  const allowed = new Set([...COMMON_KEYS, ...(TYPE_KEYS[parsed.query.queryType] ?? []), ...extraKeys]);
  const unknown = Object.keys(model as object).filter((key) => !allowed.has(key));
  return unknown.length > 0 ? { ok: false, error: `keys outside the ${parsed.query.queryType} query model: ${unknown.join(', ')}` } : parsed;
}

export interface PlacedQuery {
  where: string;
  model: Record<string, unknown>;
  panel?: Panel;
  annotation?: AnnotationQuery;
}

export function queriesOf({ file, dashboard }: DashboardFile): PlacedQuery[] {
  const fromPanels = dashboard.panels.flatMap((panel) =>
    panel.targets.map((target) => ({ where: `${file} panel ${panel.id} "${panel.title}" ${target.refId}`, model: target as unknown as Record<string, unknown>, panel }))
  );
  const fromAnnotations = dashboard.annotations.list.map((annotation) => ({
    where: `${file} annotation "${annotation.name}"`,
    model: annotation.target as unknown as Record<string, unknown>,
    annotation,
  }));
  return [...fromPanels, ...fromAnnotations];
}

function transformationFields(transformation: Transformation): string[] {
  const options = transformation.options as Record<string, Record<string, unknown> | undefined>;
  switch (transformation.id) {
    case 'organize':
      return ['excludeByName', 'indexByName', 'renameByName'].flatMap((key) => Object.keys(options[key] ?? {}));
    case 'sortBy':
      return ((transformation.options.sort as Array<{ field: string }>) ?? []).map((sort) => sort.field);
    case 'filterFieldsByName':
      return ((options.include?.names as string[]) ?? []);
    case 'groupBy':
      return Object.keys(options.fields ?? {});
    case 'partitionByValues':
      return (transformation.options.fields as string[]) ?? [];
    case 'limit':
      return [];
    default:
      throw new Error(`the tests do not know which fields transformation "${transformation.id}" refers to`);
  }
}

/** Every field name the panel refers to, with where it is referred to. */
export function referencedFields(panel: Panel): Array<{ field: string; by: string }> {
  const refs: Array<{ field: string; by: string }> = [];
  for (const override of panel.fieldConfig.overrides) {
    if (override.matcher.id === 'byName') {
      refs.push({ field: override.matcher.options, by: 'override' });
    }
  }
  for (const transformation of panel.transformations) {
    refs.push(...transformationFields(transformation).map((field) => ({ field, by: `transformation ${transformation.id}` })));
  }
  const reduceFields = (panel.options.reduceOptions as { fields?: string } | undefined)?.fields;
  if (reduceFields) {
    const exact = /^\/\^(\w+)\$\/$/.exec(reduceFields);
    refs.push({ field: exact ? exact[1] : reduceFields, by: 'reduceOptions.fields' });
  }
  for (const sort of (panel.options.sortBy as Array<{ displayName: string }> | undefined) ?? []) {
    refs.push({ field: sort.displayName, by: 'table sortBy' });
  }
  return refs;
}

/** Label keys used in display names such as `${__field.labels.instance}`. */
export function referencedLabels(panel: Panel): string[] {
  const displayName = panel.fieldConfig.defaults.displayName;
  return typeof displayName === 'string' ? [...displayName.matchAll(/__field\.labels\.(\w+)/g)].map((m) => m[1]) : [];
}

/** The unit Grafana shows a field in: a byName unit override, else the panel default. */
export function effectiveUnit(panel: Panel, field: string): unknown {
  const override = panel.fieldConfig.overrides
    .filter((o) => o.matcher.id === 'byName' && o.matcher.options === field)
    .flatMap((o) => o.properties)
    .find((p) => p.id === 'unit');
  return override ? override.value : panel.fieldConfig.defaults.unit;
}

/** Fields the panel removes from view (organize exclude, filterFieldsByName include list). */
export function hiddenFields(panel: Panel, available: Set<string>): Set<string> {
  const hidden = new Set<string>();
  for (const t of panel.transformations) {
    if (t.id === 'organize') {
      Object.entries((t.options.excludeByName as Record<string, boolean>) ?? {}).forEach(([field, excluded]) => excluded && hidden.add(field));
    }
    if (t.id === 'filterFieldsByName') {
      const kept = new Set(((t.options.include as { names: string[] }).names) ?? []);
      available.forEach((field) => !kept.has(field) && hidden.add(field));
    }
  }
  return hidden;
}
