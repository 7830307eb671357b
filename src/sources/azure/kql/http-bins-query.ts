// The pushed-down aggregate: one query returning the `HttpBins` table of CONTRACTS.md, so row
// counts scale with bins × split keys instead of with requests.
import { kqlCount, kqlString } from './literals';
import { QueryScope, httpFilterClauses, windowClause } from './query-scope';

export const HTTP_BINS_TABLE = 'HttpBins';

/** Column names and Kusto types of the `HttpBins` table, in output order (the contract). */
export const HTTP_BINS_COLUMNS: ReadonlyArray<{ name: string; type: string }> = [
  { name: 'bin', type: 'datetime' },
  { name: 'path', type: 'string' },
  { name: 'instance', type: 'string' },
  { name: 'requests', type: 'long' },
  { name: 's2xx', type: 'long' },
  { name: 's3xx', type: 'long' },
  { name: 's4xx', type: 'long' },
  { name: 's5xx', type: 'long' },
  { name: 's499', type: 'long' },
  { name: 's500', type: 'long' },
  { name: 's502', type: 'long' },
  { name: 's503', type: 'long' },
  { name: 's504', type: 'long' },
  { name: 'p50', type: 'real' },
  { name: 'p95', type: 'real' },
  { name: 'p99', type: 'real' },
  { name: 'max', type: 'real' },
];

export interface SplitLimits {
  /** At most this many paths (the busiest in the window) get per-path rows. */
  maxPaths: number;
  /** At most this many instances get per-instance rows. */
  maxInstances: number;
}

export const DEFAULT_SPLIT_LIMITS: SplitLimits = { maxPaths: 50, maxInstances: 20 };

// One aggregate list for all three groupings, so unsplit, per-path and per-instance rows are
// computed identically. percentiles() in KQL is a t-digest estimate, not an exact rank.
const AGGREGATES = [
  'requests = count()',
  's2xx = countif(ScStatus >= 200 and ScStatus < 300)',
  's3xx = countif(ScStatus >= 300 and ScStatus < 400)',
  's4xx = countif(ScStatus >= 400 and ScStatus < 500)',
  's5xx = countif(ScStatus >= 500 and ScStatus < 600)',
  's499 = countif(ScStatus == 499)',
  's500 = countif(ScStatus == 500)',
  's502 = countif(ScStatus == 502)',
  's503 = countif(ScStatus == 503)',
  's504 = countif(ScStatus == 504)',
  '(p50, p95, p99) = percentiles(TimeTaken, 50, 95, 99)',
  'maxTaken = max(TimeTaken)',
].join(', ');

/** Build the single HttpBins query for a scope. */
export function buildHttpBinsQuery(scope: QueryScope, limits: SplitLimits = DEFAULT_SPLIT_LIMITS): string {
  const maxPaths = kqlCount(limits.maxPaths, 'maxPaths', 10_000);
  const maxInstances = kqlCount(limits.maxInstances, 'maxInstances', 1_000);
  const empty = kqlString('');
  return [
    'let httpRows = materialize(AppServiceHTTPLogs',
    windowClause(scope),
    ...httpFilterClauses(scope),
    `| project TimeGenerated = bin(TimeGenerated, ${scope.bin.kql}), path = CsUriStem, instance = ComputerName, ScStatus, TimeTaken);`,
    `let busiestPaths = httpRows | where isnotempty(path) | summarize hits = count() by path | top ${maxPaths} by hits | project path;`,
    `let busiestInstances = httpRows | where isnotempty(instance) | summarize hits = count() by instance | top ${maxInstances} by hits | project instance;`,
    'union',
    `  (httpRows | summarize ${AGGREGATES} by TimeGenerated | extend path = ${empty}, instance = ${empty}),`,
    `  (httpRows | where path in (busiestPaths) | summarize ${AGGREGATES} by TimeGenerated, path | extend instance = ${empty}),`,
    `  (httpRows | where instance in (busiestInstances) | summarize ${AGGREGATES} by TimeGenerated, instance | extend path = ${empty})`,
    "| project ['bin'] = TimeGenerated, path, instance, requests, s2xx, s3xx, s4xx, s5xx, s499, s500, s502, s503, s504,",
    "    p50 = toreal(p50), p95 = toreal(p95), p99 = toreal(p99), ['max'] = toreal(maxTaken)",
  ].join('\n');
}
