// Platform metrics as both human formats print them: one line per metric and instance (mean and
// highest value in Azure's unit), the instance count's range, scale events and unreadable series.
import type { DiagnosisReport, ReportMetricSeries } from '../engine/report';
import { clock } from './report-view';

export interface MetricsView {
  /** Where the metrics came from and how many instances reported. */
  summary: string;
  rows: Array<{ metric: string; instance: string; mean: string; max: string; total?: string; series: ReportMetricSeries }>;
  scaleEvents: string[];
  issues: string[];
}

/** Plan metrics drawn as sparklines beside the request series: what saturation looks like. */
export const SPARKLINE_METRICS: ReadonlySet<string> = new Set(['CpuPercentage', 'MemoryPercentage']);
/** Plan metrics first: CPU and memory are what this section is read for. */
const ORDER = ['CpuPercentage', 'MemoryPercentage', 'HttpResponseTime', 'Requests', 'Http5xx'];
/** Issues listed before the rest is left to --format json. */
const MAX_ISSUES = 5;

export function metricValue(value: number | null, unit: string): string {
  if (value === null) {
    return '–';
  }
  switch (unit) {
    case 'Percent':
      return `${value.toFixed(1)}%`;
    case 'Seconds':
      return value >= 10 ? `${value.toFixed(1)} s` : `${value.toFixed(2)} s`;
    case 'MilliSeconds':
      return `${Math.round(value)} ms`;
    default:
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
}

/** `CPU lw0sdlwk000001`: short enough to sit beside the request sparklines. */
export function sparklineLabel(series: ReportMetricSeries): string {
  const what = series.name === 'CpuPercentage' ? 'cpu' : series.name === 'MemoryPercentage' ? 'mem' : series.name;
  return series.instance ? `${what} ${series.instance}` : what;
}

function scaleLine(event: NonNullable<DiagnosisReport['metrics']>['scaleEvents'][number]): string {
  const kind = event.to > event.from ? 'scale-out' : 'scale-in';
  const who = [...event.added.map((name) => `+${name}`), ...event.removed.map((name) => `−${name}`)].join(' ');
  return `${clock(event.time)}  ${kind} ${event.from} → ${event.to} instance(s)${who ? ` (${who})` : ''}`;
}

const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);

export function metricsView(report: DiagnosisReport): MetricsView | undefined {
  const metrics = report.metrics;
  if (!metrics) {
    return undefined;
  }
  const { min, max } = metrics.instanceCount;
  const count = min === null || max === null ? 'instance count unknown' : min === max ? `${max} instance(s) throughout` : `${min}–${max} instances`;
  const issues = metrics.issues.slice(0, MAX_ISSUES).map((issue) => `${issue.where}: ${issue.message}`);
  if (metrics.issues.length > MAX_ISSUES) {
    issues.push(`… ${metrics.issues.length - MAX_ISSUES} more in --format json`);
  }
  return {
    summary: `${count}; from ${metrics.origins.join(', ') || 'an unnamed source'}`,
    rows: [...metrics.perMetric].sort((a, b) => rank(a.name) - rank(b.name)).map((series) => ({
      metric: series.name,
      instance: series.instance || '(whole site/plan)',
      mean: metricValue(series.mean, series.unit),
      max: metricValue(series.max, series.unit),
      ...(series.total !== undefined ? { total: metricValue(series.total, series.unit) } : {}),
      series,
    })),
    scaleEvents: metrics.scaleEvents.map(scaleLine),
    issues,
  };
}
