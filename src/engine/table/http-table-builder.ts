// Builds the columnar HTTP table from any number of AppServiceHTTPLogs row batches.
// Bad rows are counted by reason (never thrown); SCM/Kudu hosts are kept but flagged (trap 13).
import { HttpTable } from '../model/http-table';
import { LogTable } from '../model/input';
import { cellNumber, cellText, findColumn } from './columns';
import { StringDictionary } from './dictionary';
import { RowIssueCollector, tableLabel } from './row-issues';
import { sortColumnsByTime } from './sort-by-time';
import { toEpochMs } from './timestamp';

/** Instance name used when the export has no ComputerName column (CsHost is not an instance). */
export const UNKNOWN_INSTANCE = 'unknown';
const INITIAL_CAPACITY = 1024;
const MAX_STATUS = 999;
const UINT16_IDS = 65_536;

export interface HttpTableBuilderOptions {
  /** Expected total rows: sizes the columns once, so no growth copies (keeps peak memory low). */
  expectedRows?: number;
}

function grow<T extends Float64Array | Uint32Array | Uint16Array>(column: T, capacity: number): T {
  const bigger = new (column.constructor as new (length: number) => T)(capacity);
  bigger.set(column);
  return bigger;
}

function isScmHost(host: string): boolean {
  return host.toLowerCase().includes('.scm.');
}

export class HttpTableBuilder {
  private capacity: number;
  private length = 0;
  private inputRows = 0;
  private batches = 0;
  private time: Float64Array;
  private status: Uint16Array;
  private timeTaken: Uint32Array;
  private pathId: Uint32Array;
  private instanceId: Uint16Array;
  private hostId: Uint16Array;
  private sourceRow: Uint32Array;
  private readonly paths = new StringDictionary();
  private readonly instances = new StringDictionary(UINT16_IDS);
  private readonly hosts = new StringDictionary(UINT16_IDS);
  private readonly issues = new RowIssueCollector();
  private scmMethods: Map<number, string> | undefined;

  constructor(options: HttpTableBuilderOptions = {}) {
    this.capacity = Math.max(1, Math.floor(options.expectedRows ?? INITIAL_CAPACITY));
    this.time = new Float64Array(this.capacity);
    this.status = new Uint16Array(this.capacity);
    this.timeTaken = new Uint32Array(this.capacity);
    this.pathId = new Uint32Array(this.capacity);
    this.instanceId = new Uint16Array(this.capacity);
    this.hostId = new Uint16Array(this.capacity);
    this.sourceRow = new Uint32Array(this.capacity);
  }

  private ensureCapacity(needed: number): void {
    if (needed <= this.capacity) {
      return;
    }
    const capacity = Math.max(needed, Math.ceil(this.capacity * 1.5));
    this.time = grow(this.time, capacity);
    this.status = grow(this.status, capacity);
    this.timeTaken = grow(this.timeTaken, capacity);
    this.pathId = grow(this.pathId, capacity);
    this.instanceId = grow(this.instanceId, capacity);
    this.hostId = grow(this.hostId, capacity);
    this.sourceRow = grow(this.sourceRow, capacity);
    this.capacity = capacity;
  }

  /** Adds one batch (a Log Analytics table of AppServiceHTTPLogs rows). */
  append(table: LogTable): this {
    const label = tableLabel('http', table.name, this.batches++);
    const rows = Array.isArray(table.rows) ? table.rows : [];
    const firstRow = this.inputRows;
    this.inputRows += rows.length;
    const timeColumn = findColumn(table, 'TimeGenerated');
    const statusColumn = findColumn(table, 'ScStatus');
    const takenColumn = findColumn(table, 'TimeTaken');
    const missing = [
      ['TimeGenerated', timeColumn],
      ['ScStatus', statusColumn],
      ['TimeTaken', takenColumn],
    ].filter(([, index]) => index === -1);
    if (missing.length > 0) {
      const names = missing.map(([name]) => name).join(', ');
      this.issues.add('http', label, -1, 'missing-column', `no ${names} column; all ${rows.length} rows skipped`, rows.length);
      return this;
    }
    const pathColumn = findColumn(table, 'CsUriStem');
    const instanceColumn = findColumn(table, 'ComputerName');
    const hostColumn = findColumn(table, 'CsHost');
    const methodColumn = findColumn(table, 'CsMethod');
    if (methodColumn >= 0) {
      this.scmMethods ??= new Map();
    }
    const width = Math.max(timeColumn, statusColumn, takenColumn) + 1;
    this.ensureCapacity(this.length + rows.length);
    let lastPath: string | undefined;
    let lastPathId = 0;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!Array.isArray(row) || row.length < width) {
        this.issues.add('http', label, r, 'bad-row-shape', `row has ${Array.isArray(row) ? row.length : 'no'} cells, needs ${width}`);
        continue;
      }
      const time = toEpochMs(row[timeColumn]);
      if (Number.isNaN(time)) {
        this.issues.add('http', label, r, 'bad-time', `TimeGenerated ${JSON.stringify(row[timeColumn])} is not a timestamp`);
        continue;
      }
      const status = cellNumber(row, statusColumn);
      if (!Number.isInteger(status) || status < 100 || status > MAX_STATUS) {
        this.issues.add('http', label, r, 'bad-status', `ScStatus ${JSON.stringify(row[statusColumn])} is not an HTTP status`);
        continue;
      }
      const taken = cellNumber(row, takenColumn);
      if (!(taken >= 0) || taken > 0xffff_ffff) {
        this.issues.add('http', label, r, 'bad-time-taken', `TimeTaken ${JSON.stringify(row[takenColumn])} is not a duration in ms`);
        continue;
      }
      const path = cellText(row, pathColumn) ?? '';
      if (path !== lastPath) {
        lastPath = path;
        lastPathId = this.paths.idOf(path);
      }
      const instance = cellText(row, instanceColumn) || UNKNOWN_INSTANCE;
      const host = cellText(row, hostColumn) ?? '';
      const at = this.length++;
      this.time[at] = time;
      this.status[at] = status;
      this.timeTaken[at] = Math.round(taken);
      this.pathId[at] = lastPathId;
      this.instanceId[at] = this.instances.idOf(instance);
      this.hostId[at] = this.hosts.idOf(host);
      this.sourceRow[at] = firstRow + r;
      if (methodColumn >= 0 && isScmHost(host)) {
        this.scmMethods?.set(firstRow + r, (cellText(row, methodColumn) ?? '').toUpperCase());
      }
    }
    return this;
  }

  /** Sorts by end time (stable) and returns the table; the builder must not be used afterwards. */
  finish(): HttpTable {
    const length = this.length;
    const trim = <T extends Float64Array | Uint32Array | Uint16Array>(column: T): T =>
      length === this.capacity ? column : (column.slice(0, length) as T);
    const sorted = sortColumnsByTime({
      time: trim(this.time),
      sourceRow: trim(this.sourceRow),
      others: [trim(this.status), trim(this.timeTaken), trim(this.pathId), trim(this.instanceId), trim(this.hostId)],
    });
    const [status, timeTaken, pathId, instanceId, hostId] = sorted.others;
    return {
      length,
      time: sorted.time,
      sourceRow: sorted.sourceRow,
      status: status as Uint16Array,
      timeTaken: timeTaken as Uint32Array,
      pathId: pathId as Uint32Array,
      instanceId: instanceId as Uint16Array,
      hostId: hostId as Uint16Array,
      paths: this.paths.values,
      instances: this.instances.values,
      hosts: this.hosts.values,
      hostIsScm: this.hosts.values.map(isScmHost),
      ...(this.scmMethods ? { scmMethods: this.scmMethods } : {}),
      issues: this.issues.snapshot(),
    };
  }
}

/** Builds an HTTP table from batches in one call. */
export function buildHttpTable(tables: LogTable[], options: HttpTableBuilderOptions = {}): HttpTable {
  const expectedRows = options.expectedRows ?? tables.reduce((sum, table) => sum + (table.rows?.length ?? 0), 0);
  const builder = new HttpTableBuilder({ expectedRows });
  for (const table of tables) {
    builder.append(table);
  }
  return builder.finish();
}
