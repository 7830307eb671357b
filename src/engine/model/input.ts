// Input shapes the engine accepts: tables exactly as Log Analytics returns them (see CONTRACTS.md).

/** One column of a Log Analytics result; `type` is the Kusto type (`datetime`, `string`, `int`, …). */
export interface LogColumn {
  name: string;
  type: string;
}

/** A Log Analytics REST table. Columns are looked up by name; any optional column may be missing. */
export interface LogTable {
  name: string;
  columns: LogColumn[];
  rows: unknown[][];
}

/** Which of the three App Service tables (or the pushed-down aggregate) a row came from. */
export type TableKind = 'http' | 'console' | 'platform' | 'bins';

/** Epoch milliseconds (UTC), fractional part keeps sub-millisecond precision. */
export type EpochMs = number;

/** Half-open time range `[from, to)` in epoch milliseconds. */
export interface TimeRange {
  from: EpochMs;
  to: EpochMs;
}
