// The columnar HTTP table: one typed array per column, rows sorted by end time (ties keep input order).
import { RowIssues } from './issues';

export interface HttpTable {
  /** Number of usable rows (bad rows are counted in `issues`, not stored). */
  length: number;
  /** TimeGenerated = when the request ENDED, epoch ms with sub-ms precision. Ascending. */
  time: Float64Array;
  /** HTTP status (ScStatus). */
  status: Uint16Array;
  /** TimeTaken in milliseconds. Request start = time − timeTaken. */
  timeTaken: Uint32Array;
  /** Index into `paths` (CsUriStem). */
  pathId: Uint32Array;
  /** Index into `instances` (ComputerName, or `unknown` when the export has no such column). */
  instanceId: Uint16Array;
  /** Index into `hosts` (CsHost, `""` when absent). */
  hostId: Uint16Array;
  /** Position of the row in the input (across all appended batches, 0-based), for pointers back. */
  sourceRow: Uint32Array;
  paths: string[];
  instances: string[];
  hosts: string[];
  /** Per host id: true for Kudu/SCM hosts (`.scm.`), which are excluded from rates and latency. */
  hostIsScm: boolean[];
  /**
   * CsMethod of the Kudu/SCM rows, keyed by `sourceRow`; present only when the input had a CsMethod
   * column (deploy detection needs POST/PUT; site rows never need the method, so it is not stored).
   */
  scmMethods?: Map<number, string>;
  issues: RowIssues;
}
