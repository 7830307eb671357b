// The result of derive: everything the hypotheses, the CLI and the backend frames read.
import { EngineEvent } from './events';
import { ActivityRun, Cluster, DivergencePair, EndpointStats, Marker, WorkerModelSegment } from './findings';
import { TimeRange } from './input';
import { RowIssues } from './issues';
import { MetricSignals } from './metrics';
import { KeyedSeries, Series, Totals } from './series';

export interface Signals {
  /** The analysed window `[from, to)`, aligned to whole bins (UTC). */
  window: TimeRange;
  binMs: number;
  /** `exact` from raw rows (nearest-rank); `estimated` when the series came from `HttpBins`. */
  percentiles: 'exact' | 'estimated';
  totals: Totals;
  series: Series;
  /** Most requested paths first; paths beyond `maxSplitKeys` are merged into the key `(other)`. */
  byPath: KeyedSeries[];
  byInstance: KeyedSeries[];
  clusters: Cluster[];
  markers: Marker[];
  workerModel: WorkerModelSegment[];
  endpoints: EndpointStats[];
  divergences: DivergencePair[];
  /** Separate stretches of traffic (an export can hold two runs hours apart). */
  runs: ActivityRun[];
  /** Console and platform events inside the window, in time order. */
  events: EngineEvent[];
  /** Every row skipped anywhere (HTTP, console, platform, bins), by reason with examples. */
  issues: RowIssues;
  /**
   * What the input covered. Outside a table's span the absence of a line proves nothing (empty
   * exports and row caps, traps 1 and 9); a table with 0 rows has no span at all.
   */
  coverage?: InputCoverage;
  /**
   * Could deployments be seen at all? Kudu/SCM rows in the HTTP input and readable deployment ids in the
   * platform rows are the only witnesses; with neither, the absence of deployment markers proves nothing.
   */
  deploymentWitnesses?: DeploymentWitnesses;
  /** Platform metrics on the same bins (CPU, memory, instance count, …); absent when the source had none. */
  metrics?: MetricSignals;
}

export interface DeploymentWitnesses {
  /** Kudu/SCM HTTP rows (any path). */
  scmRequests: number;
  /** Platform rows naming a readable deployment id. */
  deploymentIds: number;
  /** Records of the site's deployment history; absent when the history was not read. */
  historyRecords?: number;
}

export interface InputCoverage {
  rows: { http: number; console: number; platform: number };
  http?: TimeRange;
  console?: TimeRange;
  platform?: TimeRange;
}

export interface DeriveOptions {
  /** Window to analyse; default: the span of the data. Widened to whole bins. */
  window?: TimeRange;
  /** Bin width in ms: a positive multiple of 1000. Default 60 000. */
  binMs?: number;
  /** How many paths / instances get their own series; the rest merge into `(other)`. Default 50. */
  maxSplitKeys?: number;
}

/** Key used for the merged remainder of paths or instances beyond `maxSplitKeys`. */
export const OTHER_KEY = '(other)';
