// Per-bin HTTP series. Plain arrays (JSON-serialisable); index i is the bin starting at time[i].
import { EpochMs } from './input';

/**
 * Percentiles are nearest-rank: the p-th percentile of N sorted values is the value at 1-based rank
 * ceil(p/100 · N). `null` when the bin has no requests. From `HttpBins` they are KQL estimates.
 */
export interface Series {
  /** Bin start, epoch ms, UTC-aligned (a multiple of binMs since the epoch). */
  time: EpochMs[];
  requests: number[];
  /** Status 500..599. */
  err5xx: number[];
  /** 100 · err5xx / requests; 0 when requests = 0 (as the playbook's KQL does with iif). */
  errPct: number[];
  s2xx: number[];
  s3xx: number[];
  /** All 4xx including 499. */
  s4xx: number[];
  s499: number[];
  s500: number[];
  s502: number[];
  s503: number[];
  s504: number[];
  /** 5xx other than 500/502/503/504 (e.g. 507). */
  s5xxOther: number[];
  /** Status outside 200..599 (1xx, or nonstandard). */
  sOther: number[];
  p50: Array<number | null>;
  p95: Array<number | null>;
  p99: Array<number | null>;
  max: Array<number | null>;
}

/** A series for one split key (a path or an instance). */
export interface KeyedSeries {
  key: string;
  /** Requests in the whole window for this key (used for ordering, most first). */
  requests: number;
  series: Series;
}

/** Counts over the whole window (the same numbers the series add up to). */
export interface Totals {
  /** Rows in the HTTP input that were usable (inside or outside the window). */
  rows: number;
  /** Site requests inside the window (SCM/Kudu excluded). */
  requests: number;
  err5xx: number;
  errPct: number;
  s499: number;
  /** Kudu/SCM requests inside the window: counted here, excluded from rates and latency (trap 13). */
  scmRequests: number;
  /** Rows outside the window (not in the series). */
  outsideWindow: number;
}
