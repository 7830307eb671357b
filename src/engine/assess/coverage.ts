// Which stretches of time the console and platform tables actually cover, read from their rows.
// An empty export (rows: []) or a row cap leaves time uncovered: absence of a line there proves nothing.
import { LogTable, TimeRange } from '../model/input';
import { findColumn } from '../table/columns';
import { toEpochMs } from '../table/timestamp';
import { DataCoverage } from './context';

function rowSpan(tables: LogTable[]): TimeRange | undefined {
  let from = Infinity;
  let to = -Infinity;
  for (const table of tables) {
    const column = findColumn(table, 'TimeGenerated');
    if (column < 0) {
      continue;
    }
    for (const row of table.rows) {
      const time = Array.isArray(row) ? toEpochMs(row[column]) : NaN;
      if (Number.isFinite(time)) {
        from = Math.min(from, time);
        to = Math.max(to, time);
      }
    }
  }
  return Number.isFinite(from) ? { from, to } : undefined;
}

export function coverageFromTables(tables: { console?: LogTable[]; platform?: LogTable[] }): DataCoverage {
  return { console: rowSpan(tables.console ?? []), platform: rowSpan(tables.platform ?? []) };
}
