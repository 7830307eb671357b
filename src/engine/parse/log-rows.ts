// Reads console/platform tables into time-ordered text rows. Exports are newest-first and many rows share
// a timestamp (trap 8, 11), so ties keep the table's own chronological order, not its index order.
import { LogTable, TableKind } from '../model/input';
import { cellText, findColumn } from '../table/columns';
import { UNKNOWN_INSTANCE } from '../table/http-table-builder';
import { RowIssueCollector, tableLabel } from '../table/row-issues';
import { toEpochMs } from '../table/timestamp';

export interface LogRow {
  time: number;
  text: string;
  instance: string;
  /** Table's Level column, kept only for reference: App Service marks stderr as Error. */
  level?: string;
  /** 0-based index across all tables of this kind, in input order. */
  row: number;
  /** DeploymentId column (platform rows), when the export has it and the cell is not empty. */
  deploymentId?: string;
}

/** True when most adjacent rows go back in time (the usual Log Analytics export order). */
function isNewestFirst(times: number[]): boolean {
  let backwards = 0;
  let forwards = 0;
  for (let i = 1; i < times.length; i++) {
    if (times[i] < times[i - 1]) {
      backwards++;
    } else if (times[i] > times[i - 1]) {
      forwards++;
    }
  }
  return backwards > forwards;
}

/**
 * Extracts usable rows from tables of one kind (`console` reads ResultDescription, `platform` Message)
 * and returns them oldest first. Skipped rows are recorded in `issues`.
 */
export function readLogRows(kind: Extract<TableKind, 'console' | 'platform'>, tables: LogTable[], issues: RowIssueCollector): LogRow[] {
  const textColumnName = kind === 'console' ? 'ResultDescription' : 'Message';
  const all: LogRow[] = [];
  let firstRow = 0;
  tables.forEach((table, batch) => {
    const label = tableLabel(kind, table.name, batch);
    const rows = Array.isArray(table.rows) ? table.rows : [];
    const timeColumn = findColumn(table, 'TimeGenerated');
    const textColumn = findColumn(table, textColumnName);
    const hostColumn = findColumn(table, 'Host', 'ComputerName');
    const levelColumn = findColumn(table, 'Level');
    const deploymentColumn = findColumn(table, 'DeploymentId');
    if (timeColumn < 0 || textColumn < 0) {
      const names = [timeColumn < 0 ? 'TimeGenerated' : '', textColumn < 0 ? textColumnName : ''].filter(Boolean).join(', ');
      issues.add(kind, label, -1, 'missing-column', `no ${names} column; all ${rows.length} rows skipped`, rows.length);
      firstRow += rows.length;
      return;
    }
    const batchRows: LogRow[] = [];
    rows.forEach((row, r) => {
      if (!Array.isArray(row)) {
        issues.add(kind, label, r, 'bad-row-shape', 'row is not an array');
        return;
      }
      const time = toEpochMs(row[timeColumn]);
      if (Number.isNaN(time)) {
        issues.add(kind, label, r, 'bad-time', `TimeGenerated ${JSON.stringify(row[timeColumn])} is not a timestamp`);
        return;
      }
      const text = row[textColumn];
      if (typeof text !== 'string') {
        issues.add(kind, label, r, 'bad-text', `${textColumnName} ${JSON.stringify(text)} is not text`);
        return;
      }
      const instance = cellText(row, hostColumn) || UNKNOWN_INSTANCE;
      const deploymentId = cellText(row, deploymentColumn);
      batchRows.push({ time, text, instance, level: cellText(row, levelColumn), row: firstRow + r, ...(deploymentId ? { deploymentId } : {}) });
    });
    if (isNewestFirst(batchRows.map((row) => row.time))) {
      batchRows.reverse();
    }
    all.push(...batchRows);
    firstRow += rows.length;
  });
  // Array.prototype.sort is stable: equal times keep the chronological order established above.
  return all.sort((a, b) => a.time - b.time);
}
