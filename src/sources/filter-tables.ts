// Applies a request's path and instance filters to raw tables (lab and files sources; the Azure
// source filters in KQL instead). Pure: no I/O.
import type { LogTable } from '../engine';
import type { SourceRequest, SourceTable } from './source';

const INSTANCE_COLUMNS: Record<string, string[]> = {
  http: ['ComputerName'],
  console: ['Host'],
  platform: ['Host'],
  bins: ['instance'],
};

function keepRows(table: LogTable, column: string, allowed: ReadonlySet<string>): LogTable {
  const index = table.columns.findIndex((c) => c.name === column);
  if (index < 0) {
    return table;
  }
  return { ...table, rows: table.rows.filter((row) => allowed.has(String(row[index] ?? ''))) };
}

export function filterTables(tables: SourceTable[], request: Pick<SourceRequest, 'paths' | 'instances'>): SourceTable[] {
  const paths = request.paths?.length ? new Set(request.paths) : undefined;
  const instances = request.instances?.length ? new Set(request.instances) : undefined;
  if (!paths && !instances) {
    return tables;
  }
  return tables.map((source) => {
    let table = source.table;
    if (paths && source.kind === 'http') {
      table = keepRows(table, 'CsUriStem', paths);
    }
    if (instances) {
      for (const column of INSTANCE_COLUMNS[source.kind] ?? []) {
        table = keepRows(table, column, instances);
      }
    }
    return { ...source, table };
  });
}
