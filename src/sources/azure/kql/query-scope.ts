// What every Azure query is scoped to: a time window, optional app, path and instance filters.
// Each value is turned into KQL here, through the literal functions only.
import { TimeRange } from '../../../engine/model/input';
import { KqlTimespan, KqlValueError, kqlDatetime, kqlString, kqlStringList } from './literals';

/** Narrows rows to one app when several apps share a workspace (workspace-centric mode). */
export interface AppFilter {
  /** Full App Service resource id (`/subscriptions/…/providers/Microsoft.Web/sites/<name>`). */
  resourceId?: string;
  /** App name; matches `_ResourceId` ending in `/sites/<name>` (production slot). */
  name?: string;
}

export interface QueryScope {
  /** Half-open window `[from, to)` in epoch ms, applied to TimeGenerated. */
  window: TimeRange;
  bin: KqlTimespan;
  /** CsUriStem values to keep (exact). Empty or absent = all paths. */
  paths?: readonly string[];
  /** ComputerName values to keep (HTTP rows only). Empty or absent = all instances. */
  instances?: readonly string[];
  app?: AppFilter;
  /** Keep Kudu/SCM traffic (`*.scm.*` hosts). Off by default: the engine leaves it out of rates
   *  and latency, so pushing the exclusion down keeps aggregates equal to raw derivation. */
  includeScm?: boolean;
}

export function windowClause(scope: QueryScope): string {
  const { from, to } = scope.window;
  if (!(to > from)) {
    throw new KqlValueError(`time window: "to" (${to}) must be after "from" (${from})`);
  }
  return `| where TimeGenerated >= ${kqlDatetime(from, 'window.from')} and TimeGenerated < ${kqlDatetime(to, 'window.to')}`;
}

/** `_ResourceId` filter for a shared workspace; empty when no app is named. */
export function appClause(app: AppFilter | undefined): string[] {
  if (!app) {
    return [];
  }
  const clauses: string[] = [];
  if (app.resourceId !== undefined && app.resourceId !== '') {
    clauses.push(`| where _ResourceId =~ ${kqlString(app.resourceId)}`);
  }
  if (app.name !== undefined && app.name !== '') {
    clauses.push(`| where _ResourceId endswith ${kqlString('/sites/' + app.name)}`);
  }
  return clauses;
}

/** Path, instance and SCM filters on AppServiceHTTPLogs. */
export function httpFilterClauses(scope: QueryScope): string[] {
  const clauses = appClause(scope.app);
  if (!scope.includeScm) {
    clauses.push(`| where not(CsHost contains ${kqlString('.scm.')})`);
  }
  if (scope.paths && scope.paths.length > 0) {
    clauses.push(`| where CsUriStem in ${kqlStringList(scope.paths, 'paths')}`);
  }
  if (scope.instances && scope.instances.length > 0) {
    clauses.push(`| where ComputerName in ${kqlStringList(scope.instances, 'instances')}`);
  }
  return clauses;
}
