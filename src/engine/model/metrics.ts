// Platform metrics (Azure Monitor): what the engine accepts and what derive makes of them.
import { EpochMs, TimeRange } from './input';

/** Site metrics (Microsoft.Web/sites), split by the `Instance` dimension when the source can. */
export type SiteMetricName = 'Requests' | 'Http5xx' | 'HttpResponseTime';
/** App Service plan metrics (Microsoft.Web/serverfarms), per instance. */
export type PlanMetricName = 'CpuPercentage' | 'MemoryPercentage';
export type MetricName = SiteMetricName | PlanMetricName;

export const SITE_METRICS: readonly SiteMetricName[] = ['Requests', 'Http5xx', 'HttpResponseTime'];
export const PLAN_METRICS: readonly PlanMetricName[] = ['CpuPercentage', 'MemoryPercentage'];
export const METRIC_NAMES: readonly MetricName[] = [...SITE_METRICS, ...PLAN_METRICS];

/** Which aggregation a series carries; Azure Monitor returns one value per aggregation per point. */
export type MetricAggregation = 'average' | 'maximum' | 'minimum' | 'total' | 'count';

/** One point of a metric time series; `null` where Azure returned the time stamp without a value. */
export interface MetricPoint {
  time: EpochMs;
  average?: number | null;
  maximum?: number | null;
  minimum?: number | null;
  total?: number | null;
  count?: number | null;
}

/**
 * One time series of one metric, as a source hands it to the engine (already parsed from
 * `az monitor metrics list` JSON, a `metrics:getBatch` reply or a lab recording).
 */
export interface MetricSeriesInput {
  name: MetricName;
  /** `Percent`, `Count`, `Seconds`, `MilliSeconds`, … as Azure names it. */
  unit: string;
  /** The `Instance` dimension value; absent for a series over the whole site or plan. */
  instance?: string;
  /** Time grain in ms (PT1M → 60 000; the lab records PT1S). */
  grainMs: number;
  /** In time order. */
  points: MetricPoint[];
  /** Where it came from (file path, `metrics:getBatch`, lab recording), for evidence lines. */
  origin: string;
}

/** A metric series or file that could not be used, named with where it was. */
export interface MetricIssue {
  where: string;
  message: string;
}

export interface MetricsInput {
  series: MetricSeriesInput[];
  issues: MetricIssue[];
}

/** A metric series on the signals' bin grid. */
export interface BinnedMetric {
  name: MetricName;
  unit: string;
  /** Instance name, or `''` for the whole site / plan. */
  instance: string;
  /** Per bin: mean of the points' averages (totals summed for Requests / Http5xx); null where no point fell. */
  values: Array<number | null>;
  /** Per bin: highest point maximum (or average when the source gave no maximum). */
  max: Array<number | null>;
  /**
   * Per bin: median of the points' averages — the level held for at least half the bin, which idle
   * seconds at the edge of a burst do not drag down as they do the mean. Equal to `values` with one
   * point per bin (PT1M on 1-min bins). Absent for Requests and Http5xx (counts, summed).
   */
  median?: Array<number | null>;
}

/** Instance count changed between two consecutive metric points: a scale-out or scale-in. */
export interface ScaleEvent {
  time: EpochMs;
  from: number;
  to: number;
  /** Instances that appeared or stopped reporting. */
  added: string[];
  removed: string[];
}

/** What derive makes of platform metrics. Absent from Signals when the source had none. */
export interface MetricSignals {
  series: BinnedMetric[];
  /** Per bin: instances reporting CpuPercentage (or any plan metric); null where none reported. */
  instanceCount: Array<number | null>;
  scaleEvents: ScaleEvent[];
  /** First to last metric point. */
  span?: TimeRange;
  /** Distinct origins, e.g. `lab:c1-cpu-saturation PlatformMetrics.json`. */
  origins: string[];
  issues: MetricIssue[];
}
