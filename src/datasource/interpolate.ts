// Template variables in a query: list filters take multi-value variables ($path → each path),
// text fields take their single value. Pure, so it is tested without Grafana's runtime.
import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import type { AppSvcQuery } from './types/query';

type Replace = Pick<TemplateSrv, 'replace'>;

/** Grafana's csv format joins multi-values with commas; values themselves never hold a comma here. */
function expandList(values: string[] | undefined, scopedVars: ScopedVars, templates: Replace): string[] | undefined {
  if (!values) {
    return undefined;
  }
  const expanded = values.flatMap((value) => templates.replace(value, scopedVars, 'csv').split(','));
  return [...new Set(expanded.map((value) => value.trim()).filter((value) => value !== ''))];
}

export function interpolateQuery(query: AppSvcQuery, scopedVars: ScopedVars, templates: Replace): AppSvcQuery {
  const interpolated: AppSvcQuery = {
    ...query,
    paths: expandList(query.paths, scopedVars, templates),
    instances: expandList(query.instances, scopedVars, templates),
  };
  if (query.bin !== undefined) {
    interpolated.bin = templates.replace(query.bin, scopedVars);
  }
  if (interpolated.queryType === 'logs' && interpolated.search) {
    interpolated.search = templates.replace(interpolated.search, scopedVars);
  }
  return interpolated;
}
