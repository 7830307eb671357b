// The timeline the panel and the Investigate page draw: plain data, built from frames or a report.
import type { Verdict } from '../../../shared/frame-contract';

export type TimelineSeriesName = 'requests' | 'errPct' | 'p95' | 'p99';
export const TIMELINE_SERIES: readonly TimelineSeriesName[] = ['requests', 'errPct', 'p95', 'p99'];

export interface TimelineSeries {
  /** Bin starts, epoch ms, ascending. */
  time: number[];
  values: Record<TimelineSeriesName, Array<number | null>>;
  /** Bin width in ms (the step between bins; 0 when there is a single bin). */
  binMs: number;
}

export interface TimelineMarker {
  /** Index in the backend's markers frame / the report's `markers` (evidence pointers use it). */
  index: number;
  time: number;
  kind: string;
  title: string;
  /** The console or platform line the marker comes from. */
  sourceLine: string;
  instance: string;
}

export interface TimelineCluster {
  index: number;
  from: number;
  to: number;
  title: string;
  count: number;
  boundaryMs: number;
  status: number;
  kind: string;
}

export interface TimelineWindow {
  hypothesis: string;
  verdict: Verdict;
  from: number;
  to: number;
  title: string;
}

/** Plan metrics drawn in the platform lane: percentages per instance. */
export type PlatformMetricName = 'CpuPercentage' | 'MemoryPercentage';
export const PLATFORM_LANE_METRICS: readonly PlatformMetricName[] = ['CpuPercentage', 'MemoryPercentage'];

export interface TimelineMetricLine {
  metric: PlatformMetricName;
  /** `''` for the whole plan. */
  instance: string;
  /** Bin starts, epoch ms, ascending. */
  time: number[];
  /** Per-bin means, percent. */
  values: Array<number | null>;
}

export interface TimelinePlatformMetrics {
  lines: TimelineMetricLine[];
  /** The instance the failures concentrate on, drawn strong; undefined when none stands out. */
  failingInstance?: string;
}

export interface TimelineModel {
  range: { from: number; to: number };
  series?: TimelineSeries;
  /** CPU / memory per instance; absent when no `metrics` frame carried them. */
  platform?: TimelinePlatformMetrics;
  markers: TimelineMarker[];
  clusters: TimelineCluster[];
  windows: TimelineWindow[];
  /** What was expected and missing or unreadable, for the partial state. */
  problems: string[];
}
