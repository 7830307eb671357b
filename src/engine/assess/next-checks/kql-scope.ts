// The `where` lines that pin a suggested query to this app and this window. Every value is a literal.
import { kqlDatetime, kqlString, kqlStringList } from '../../kql-literal';
import { TimeRange } from '../../model/input';
import { AppIdentity } from './app-identity';

export interface QueryScope {
  window: TimeRange;
  binMs: number;
  app: AppIdentity;
}

export function whereWindow(scope: QueryScope): string {
  return `| where TimeGenerated between (${kqlDatetime(scope.window.from)} .. ${kqlDatetime(scope.window.to)})`;
}

/** Scope lines for AppServiceHTTPLogs: the window, then the site's hosts or resource id when known. */
export function httpScope(scope: QueryScope): string[] {
  const lines = [whereWindow(scope)];
  if (scope.app.resourceId) {
    lines.push(`| where _ResourceId =~ ${kqlString(scope.app.resourceId)}`);
  } else if (scope.app.hosts.length > 0) {
    lines.push(`| where CsHost in~ ${kqlStringList(scope.app.hosts)}`);
  }
  return lines;
}

/** Scope lines for the console and platform tables, which have no CsHost column. */
export function logScope(scope: QueryScope): string[] {
  const lines = [whereWindow(scope)];
  if (scope.app.resourceId) {
    lines.push(`| where _ResourceId =~ ${kqlString(scope.app.resourceId)}`);
  }
  return lines;
}

export function query(table: string, ...lines: string[]): string {
  return [table, ...lines].join('\n');
}
