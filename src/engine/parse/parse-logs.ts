// One call from console + platform tables to all events, time-ordered, with skipped rows counted.
import { EngineEvent } from '../model/events';
import { LogTable, TimeRange } from '../model/input';
import { RowIssues } from '../model/issues';
import { RowIssueCollector } from '../table/row-issues';
import { parseConsoleRows } from './console-parser';
import { DeploymentSighting, deploymentSightings } from './deployment-version';
import { LogRow, readLogRows } from './log-rows';
import { parsePlatformRows } from './platform-parser';

export interface LogTables {
  console?: LogTable[];
  platform?: LogTable[];
}

export interface ParsedLogs {
  events: EngineEvent[];
  issues: RowIssues;
  /** Usable rows read per table kind (a `rows: []` table is "no evidence", not "nothing happened"). */
  rowCounts: { console: number; platform: number };
  /** Time span covered by the console rows per instance (row caps cut history, trap 9). */
  consoleSpan: Record<string, TimeRange>;
  /** Time span of all usable rows per table kind; absent when the table had none. */
  spans: { console?: TimeRange; platform?: TimeRange };
  /** Readable deployment ids in the platform rows (DeploymentId column or the platform's version line). */
  deployments?: DeploymentSighting[];
}

function spanOf(rows: LogRow[]): TimeRange | undefined {
  return rows.length > 0 ? { from: rows[0].time, to: rows[rows.length - 1].time } : undefined;
}

export function parseLogs(tables: LogTables): ParsedLogs {
  const issues = new RowIssueCollector();
  const consoleRows = readLogRows('console', tables.console ?? [], issues);
  const platformRows = readLogRows('platform', tables.platform ?? [], issues);
  const consoleSpan: Record<string, TimeRange> = {};
  for (const row of consoleRows) {
    const span = consoleSpan[row.instance];
    if (!span) {
      consoleSpan[row.instance] = { from: row.time, to: row.time };
    } else {
      span.to = row.time;
    }
  }
  const events: EngineEvent[] = [...parseConsoleRows(consoleRows), ...parsePlatformRows(platformRows)];
  events.sort((a, b) => a.time - b.time);
  return {
    events,
    issues: issues.snapshot(),
    rowCounts: { console: consoleRows.length, platform: platformRows.length },
    consoleSpan,
    spans: { console: spanOf(consoleRows), platform: spanOf(platformRows) },
    deployments: deploymentSightings(platformRows),
  };
}
