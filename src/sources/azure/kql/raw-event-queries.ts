// Small raw event sets that cannot be pre-aggregated: 499 rows (for client-abort clusters),
// console lines and platform lines matching the parse rules. Each is capped; the query asks for
// one row more than the cap so the client can tell "exactly cap" from "truncated".
import { kqlCount, kqlString, kqlStringList } from './literals';
import {
  CONSOLE_MATCH_TERMS,
  CONSOLE_TRACEBACK_PREFIXES,
  PLATFORM_ALWAYS_LEVELS,
  PLATFORM_MATCH_PREFIXES,
  PLATFORM_MATCH_TERMS,
  SCM_DEPLOY_PATH_PREFIXES,
  SCM_DEPLOY_UPLOAD_PATHS,
} from './match-terms';
import { QueryScope, appClause, httpFilterClauses, windowClause } from './query-scope';

/** Largest cap accepted: keeps a raw set far below the 500,000-row / 64 MB response limit. */
export const MAX_RAW_CAP = 50_000;

export const DEFAULT_RAW_CAPS = { clientAborts: 5000, console: 5000, platform: 2000, scmDeploys: 500 };

/** A raw query asks for `cap + 1` rows; more than `cap` back means the set was truncated. */
function capPlusOne(cap: number, what: string): string {
  return kqlCount(Number(kqlCount(cap, what, MAX_RAW_CAP)) + 1, what, MAX_RAW_CAP + 1);
}

export const CLIENT_ABORT_COLUMNS = ['TimeGenerated', 'CsUriStem', 'ScStatus', 'TimeTaken', 'CsHost', 'ComputerName'];

/** Raw 499 rows (newest first, capped) with the columns the cluster detector reads. */
export function buildClientAbortQuery(scope: QueryScope, cap: number = DEFAULT_RAW_CAPS.clientAborts): string {
  return [
    'AppServiceHTTPLogs',
    windowClause(scope),
    '| where ScStatus == 499',
    ...httpFilterClauses(scope),
    `| top ${capPlusOne(cap, 'client abort cap')} by TimeGenerated desc`,
    `| project ${CLIENT_ABORT_COLUMNS.join(', ')}`,
  ].join('\n');
}

export const SCM_DEPLOY_COLUMNS = ['TimeGenerated', 'CsUriStem', 'ScStatus', 'TimeTaken', 'CsHost', 'ComputerName', 'CsMethod'];

/**
 * Kudu/SCM deploy requests (uploads and deployment status polls on `*.scm.*` hosts), newest first,
 * capped: the deployment witness in the HTTP rows. Site-wide, so neither the path nor the instance
 * filter applies (a deploy changes every instance); CsMethod tells an upload from a history read.
 */
export function buildScmDeployQuery(scope: QueryScope, cap: number = DEFAULT_RAW_CAPS.scmDeploys): string {
  const uploads = SCM_DEPLOY_UPLOAD_PATHS.flatMap((path) => [path, `${path}/`]);
  return [
    'AppServiceHTTPLogs',
    windowClause(scope),
    ...appClause(scope.app),
    `| where CsHost contains ${kqlString('.scm.')}`,
    `| where CsUriStem in~ ${kqlStringList(uploads, 'scm upload paths')}`,
    ...SCM_DEPLOY_PATH_PREFIXES.map((prefix) => `    or CsUriStem startswith ${kqlString(prefix)}`),
    // With SCM traffic kept, its 499s already come with the 499 rows: not twice.
    ...(scope.includeScm ? ['| where ScStatus != 499'] : []),
    `| top ${capPlusOne(cap, 'scm deploy request cap')} by TimeGenerated desc`,
    `| project ${SCM_DEPLOY_COLUMNS.join(', ')}`,
  ].join('\n');
}

/** Console lines matching the gunicorn / dependency parse rules (newest first, capped). */
export function buildConsoleLinesQuery(scope: QueryScope, cap: number = DEFAULT_RAW_CAPS.console): string {
  return [
    'AppServiceConsoleLogs',
    windowClause(scope),
    ...appClause(scope.app),
    `| where ResultDescription has_any ${kqlStringList(CONSOLE_MATCH_TERMS, 'console match terms')}`,
    ...CONSOLE_TRACEBACK_PREFIXES.map((prefix) => `    or ResultDescription startswith_cs ${kqlString(prefix)}`),
    `| top ${capPlusOne(cap, 'console line cap')} by TimeGenerated desc`,
    '| project TimeGenerated, Level, Host, ResultDescription, ContainerId',
  ].join('\n');
}

/** Platform lines about container lifecycle, probes and recycles, plus every warning/error. */
export function buildPlatformLinesQuery(scope: QueryScope, cap: number = DEFAULT_RAW_CAPS.platform): string {
  return [
    'AppServicePlatformLogs',
    windowClause(scope),
    ...appClause(scope.app),
    `| where Level in ${kqlStringList(PLATFORM_ALWAYS_LEVELS, 'platform levels')}`,
    `    or Message has_any ${kqlStringList(PLATFORM_MATCH_TERMS, 'platform match terms')}`,
    ...PLATFORM_MATCH_PREFIXES.map((fragment) => `    or Message contains ${kqlString(fragment)}`),
    `| top ${capPlusOne(cap, 'platform line cap')} by TimeGenerated desc`,
    '| project TimeGenerated, Level, Message, Host, ContainerId, OperationName, DeploymentId',
  ].join('\n');
}
