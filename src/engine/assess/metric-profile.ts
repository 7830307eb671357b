// Platform metrics where the failures are: per failing bin, the metric on each instance that failed in
// it. Shared by C1 (CPU saturation), H1 (CPU moderate while requests queue) and M1 (memory before kills).
import { BinnedMetric, PlanMetricName } from '../model/metrics';
import { AssessContext } from './context';
import { met, noData, notMet, RuleFinding } from './rule';
import { binRange, binsPointer, formatPercent, formatTime } from './signal-math';

/** Mean CPU at or above 85% over a bin: the instance had no headroom left for the burst. */
export const CPU_HIGH_PERCENT = 85;
/** Mean CPU below 60% over a bin: plenty of CPU left, so something else made requests wait. */
export const CPU_MODERATE_PERCENT = 60;
/** 60% of the failing (instance, bin) cells: sustained over the failures, not one hot minute. */
export const SUSTAINED_SHARE = 0.6;

/** One instance in one failing bin, with the metric's bin mean and peak there. */
export interface MetricCell {
  instance: string;
  bin: number;
  value: number;
  max: number | null;
}

export interface FailingCells {
  cells: MetricCell[];
  /**
   * How cells were matched to failures: `instances` — the HTTP rows name the failing instances and the
   * metrics carry them; `all-instances` — they do not match, so every reporting instance counts;
   * `plan` — only an unsplit plan series exists.
   */
  matched: 'instances' | 'all-instances' | 'plan';
}

/** Why a metric rule cannot judge: no metrics at all, or none of this metric. */
export function missingMetric(context: AssessContext, name: PlanMetricName): string | undefined {
  if (!context.metrics) {
    return `${name} is not in App Service logs; it needs platform metrics (az monitor metrics list, or the azure source)`;
  }
  if (!context.metrics.series.some((series) => series.name === name)) {
    return `the platform metrics hold no ${name} series`;
  }
  return undefined;
}

export function metricSeries(context: AssessContext, name: PlanMetricName): BinnedMetric[] {
  return context.metrics?.series.filter((series) => series.name === name) ?? [];
}

/** Instances with 5xx or 499 in a bin, by the HTTP rows' per-instance split. */
function failingInstancesAt(context: AssessContext, bin: number): string[] {
  return context.byInstance.filter((keyed) => keyed.series.err5xx[bin] + keyed.series.s499[bin] > 0).map((keyed) => keyed.key);
}

/** The metric on the instances that failed, in every failing bin of the window. */
export function failingCells(context: AssessContext, name: PlanMetricName): FailingCells {
  const all = metricSeries(context, name);
  const perInstance = all.filter((series) => series.instance !== '');
  const cell = (series: BinnedMetric, bin: number): MetricCell[] => {
    const value = series.values[bin];
    return value === null ? [] : [{ instance: series.instance, bin, value, max: series.max[bin] }];
  };
  if (perInstance.length === 0) {
    const plan = all.find((series) => series.instance === '');
    return { cells: plan ? context.failingBins.flatMap((bin) => cell(plan, bin)) : [], matched: 'plan' };
  }
  const byName = new Map(perInstance.map((series) => [series.instance, series]));
  const named = context.failingBins.flatMap((bin) =>
    failingInstancesAt(context, bin).flatMap((instance) => {
      const series = byName.get(instance);
      return series ? cell(series, bin) : [];
    })
  );
  if (named.length > 0) {
    return { cells: named, matched: 'instances' };
  }
  return { cells: context.failingBins.flatMap((bin) => perInstance.flatMap((series) => cell(series, bin))), matched: 'all-instances' };
}

export function share(cells: MetricCell[], test: (cell: MetricCell) => boolean): number {
  return cells.length === 0 ? 0 : cells.filter(test).length / cells.length;
}

/** `lw0sdlwk000142 mean 93% (peak 100%) in 3 failing bin(s) 10:01:00Z – 10:04:00Z`, one part per instance. */
export function describeCells(context: AssessContext, cells: MetricCell[], limit = 3): string {
  const instances = [...new Set(cells.map((item) => item.instance))];
  const parts = instances.slice(0, limit).map((instance) => {
    const mine = cells.filter((item) => item.instance === instance);
    const mean = mine.reduce((total, item) => total + item.value, 0) / mine.length;
    const peaks = mine.map((item) => item.max ?? item.value);
    const from = binRange(context, Math.min(...mine.map((item) => item.bin))).from;
    const to = binRange(context, Math.max(...mine.map((item) => item.bin))).to;
    return `${instance || 'the plan'} mean ${formatPercent(mean)} (peak ${formatPercent(Math.max(...peaks))}) in ${mine.length} failing bin(s) ${formatTime(from)} – ${formatTime(to)}`;
  });
  return parts.join('; ') + (instances.length > limit ? ` and ${instances.length - limit} more instance(s)` : '');
}

export function describeMatch(matched: FailingCells['matched']): string {
  if (matched === 'all-instances') {
    return ' (the HTTP rows do not name these instances: every reporting instance counted)';
  }
  return matched === 'plan' ? ' (plan-wide series: no per-instance split)' : '';
}

/** CPU on the failing instances in the failing bins, judged against `test`; C1 and H1 read it in opposite directions. */
export function cpuOnFailingInstances(context: AssessContext, test: 'high' | 'moderate'): RuleFinding {
  const missing = missingMetric(context, 'CpuPercentage');
  if (missing) {
    return noData(missing);
  }
  if (context.failingBins.length === 0) {
    return notMet('no failing bins');
  }
  const { cells, matched } = failingCells(context, 'CpuPercentage');
  if (cells.length === 0) {
    return noData(`no CpuPercentage point in the ${context.failingBins.length} failing bin(s)`);
  }
  const isHit = test === 'high' ? (cell: { value: number }) => cell.value >= CPU_HIGH_PERCENT : (cell: { value: number }) => cell.value < CPU_MODERATE_PERCENT;
  const hits = cells.filter(isHit);
  const fraction = share(cells, isHit);
  const label = test === 'high' ? `≥ ${CPU_HIGH_PERCENT}%` : `< ${CPU_MODERATE_PERCENT}%`;
  const observed = `CpuPercentage ${label} in ${hits.length} of ${cells.length} failing (instance, bin) cell(s)${describeMatch(matched)}: ${describeCells(context, hits.length > 0 ? hits : cells)}`;
  if (fraction < SUSTAINED_SHARE) {
    return notMet(observed);
  }
  const bins = [...new Set(hits.map((cell) => cell.bin))].sort((a, b) => a - b);
  return met(observed, {
    strength: fraction,
    pieces: bins.map((bin) => binRange(context, bin)),
    pointers: binsPointer(context, bins),
  });
}
