// Rows that could not be used are counted by reason and reported with the result; nothing throws on data.
import { TableKind } from './input';

export type RowIssueReason =
  | 'missing-column' // a table lacks a column the engine cannot do without (whole table skipped)
  | 'bad-row-shape' // a row is not an array or is shorter than the column list
  | 'bad-time' // TimeGenerated / bin missing or not a parseable timestamp
  | 'bad-status' // ScStatus missing or not an integer in 100..999
  | 'bad-time-taken' // TimeTaken missing, negative or not a number
  | 'bad-text' // ResultDescription / Message is not a string
  | 'bad-count' // an HttpBins count or percentile column is not a non-negative number
  | 'unsupported-split'; // an HttpBins row split by path AND instance (the contract splits by one at a time)

export interface RowIssueExample {
  /** Table name as given (e.g. `PrimaryResult`) prefixed with its kind, e.g. `http:PrimaryResult#0`. */
  table: string;
  /** 0-based index of the row within that table (or -1 for a table-level issue). */
  row: number;
  reason: RowIssueReason;
  /** What exactly was wrong, e.g. `TimeGenerated "yesterday" is not an ISO timestamp`. */
  detail: string;
}

export interface RowIssues {
  /** Number of rows skipped (table-level issues count every row of that table). */
  total: number;
  byReason: Partial<Record<RowIssueReason, number>>;
  byTable: Partial<Record<TableKind, number>>;
  /** The first few examples per reason, enough to find the offending rows. */
  examples: RowIssueExample[];
}
