// Raw event sets come back newest first with one row beyond the cap; trim to the cap and say
// explicitly when the set was truncated, so "no earlier event" is never read from a cut list.
import type { LogTable } from '../../engine';
import type { SourceWarning } from '../source';

export interface CappedTable {
  table: LogTable;
  truncated: boolean;
}

export function applyCap(table: LogTable, cap: number, what: string): { capped: CappedTable; warnings: SourceWarning[] } {
  if (table.rows.length <= cap) {
    return { capped: { table, truncated: false }, warnings: [] };
  }
  const kept = { ...table, rows: table.rows.slice(0, cap) };
  const timeIndex = table.columns.findIndex((c) => c.name === 'TimeGenerated');
  const oldestKept = timeIndex >= 0 ? String(kept.rows[kept.rows.length - 1][timeIndex]) : 'unknown';
  return {
    capped: { table: kept, truncated: true },
    warnings: [
      {
        where: table.name,
        message: `truncated: more than ${cap} ${what} in the window; kept the newest ${cap} (back to ${oldestKept}). Events before that are missing, not absent — narrow the time range to see them all.`,
      },
    ],
  };
}

/** Per-path / per-instance rows exist only for the busiest keys; say so when the limit was reached. */
export function splitLimitWarnings(bins: LogTable, maxPaths: number, maxInstances: number): SourceWarning[] {
  const pathIndex = bins.columns.findIndex((c) => c.name === 'path');
  const instanceIndex = bins.columns.findIndex((c) => c.name === 'instance');
  const paths = new Set<unknown>();
  const instances = new Set<unknown>();
  for (const row of bins.rows) {
    if (row[pathIndex] !== '') {
      paths.add(row[pathIndex]);
    }
    if (row[instanceIndex] !== '') {
      instances.add(row[instanceIndex]);
    }
  }
  const warnings: SourceWarning[] = [];
  if (paths.size >= maxPaths) {
    warnings.push({ where: bins.name, message: `per-path series cover only the ${maxPaths} busiest paths in the window (totals include all paths)` });
  }
  if (instances.size >= maxInstances) {
    warnings.push({
      where: bins.name,
      message: `per-instance series cover only the ${maxInstances} busiest instances in the window (totals include all instances)`,
    });
  }
  return warnings;
}
