// Platform metrics where the failures are: per failing bin, the metric on each instance that failed in
// it. Shared by C1 (CPU saturation), H1 (CPU moderate while requests queue) and M1 (memory before kills).
import { BinnedMetric, PlanMetricName } from '../model/metrics';
import { AssessContext } from './context';
import { met, noData, notMet, RuleFinding } from './rule';
import { binRange, binsPointer, formatPercent, formatTime } from './signal-math';

/** CPU at or above 85% for at least half a bin (its median): the instance had no headroom left for the burst. */
export const CPU_HIGH_PERCENT = 85;
/** CPU below 60% for at least half a bin: plenty of CPU left, so something else made requests wait. */
export const CPU_MODERATE_PERCENT = 60;
/** 60% of the failed requests in such (instance, bin) cells: sustained over the failures, not one hot minute. */
export const SUSTAINED_SHARE = 0.6;

/** One instance in one failing bin, with the metric there and the failures it must explain. */
export interface MetricCell {
  instance: string;
  bin: number;
  /** The level held for half the bin (the bin's median; its mean when the series has no median). */
  value: number;
  mean: number;
  max: number | null;
  /** 5xx + 499 of this instance in this bin (of the whole bin for the plan or unmatched instances). */
  failures: number;
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

/** Instances with 5xx or 499 in a bin, by the HTTP rows' per-instance split, with their failures there. */
function failingInstancesAt(context: AssessContext, bin: number): Array<{ instance: string; failures: number }> {
  return context.byInstance
    .map((keyed) => ({ instance: keyed.key, failures: keyed.series.err5xx[bin] + keyed.series.s499[bin] }))
    .filter((entry) => entry.failures > 0);
}

/** The metric on the instances that failed, in every failing bin of the window. */
export function failingCells(context: AssessContext, name: PlanMetricName): FailingCells {
  const all = metricSeries(context, name);
  const perInstance = all.filter((series) => series.instance !== '');
  const binFailures = (bin: number) => context.series.err5xx[bin] + context.series.s499[bin];
  const cell = (series: BinnedMetric, bin: number, failures: number): MetricCell[] => {
    const mean = series.values[bin];
    return mean === null ? [] : [{ instance: series.instance, bin, value: series.median?.[bin] ?? mean, mean, max: series.max[bin], failures }];
  };
  if (perInstance.length === 0) {
    const plan = all.find((series) => series.instance === '');
    return { cells: plan ? context.failingBins.flatMap((bin) => cell(plan, bin, binFailures(bin))) : [], matched: 'plan' };
  }
  const byName = new Map(perInstance.map((series) => [series.instance, series]));
  const named = context.failingBins.flatMap((bin) =>
    failingInstancesAt(context, bin).flatMap(({ instance, failures }) => {
      const series = byName.get(instance);
      return series ? cell(series, bin, failures) : [];
    })
  );
  if (named.length > 0) {
    return { cells: named, matched: 'instances' };
  }
  return { cells: context.failingBins.flatMap((bin) => perInstance.flatMap((series) => cell(series, bin, binFailures(bin)))), matched: 'all-instances' };
}

/** Share of the failures (not of the cells) in cells passing `test`: a minute with 26 failures weighs more than one with 2. */
export function failureShare(cells: MetricCell[], test: (cell: MetricCell) => boolean): number {
  const total = cells.reduce((sum, item) => sum + item.failures, 0);
  return total === 0 ? 0 : cells.filter(test).reduce((sum, item) => sum + item.failures, 0) / total;
}

function percentRange(values: number[]): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return formatPercent(low) === formatPercent(high) ? formatPercent(low) : `${formatPercent(low)}–${formatPercent(high)}`;
}

/** `lw0 2026-11-21T11:07:00Z – 11:08:00Z (1 bin): median 98% (mean 75%, peak 106%), 26 failure(s)`, one part per instance. */
export function describeCells(context: AssessContext, cells: MetricCell[], limit = 3): string {
  const instances = [...new Set(cells.map((item) => item.instance))];
  const parts = instances.slice(0, limit).map((instance) => {
    const mine = cells.filter((item) => item.instance === instance);
    const from = binRange(context, Math.min(...mine.map((item) => item.bin))).from;
    const to = binRange(context, Math.max(...mine.map((item) => item.bin))).to;
    const peak = Math.max(...mine.map((item) => item.max ?? item.value));
    const failures = mine.reduce((total, item) => total + item.failures, 0);
    const medians = mine.some((item) => item.value !== item.mean);
    const level = medians
      ? `median ${percentRange(mine.map((item) => item.value))} (mean ${percentRange(mine.map((item) => item.mean))}, peak ${formatPercent(peak)})`
      : `mean ${percentRange(mine.map((item) => item.mean))} (peak ${formatPercent(peak)})`;
    return `${instance || 'the plan'} ${formatTime(from)} – ${formatTime(to)} (${mine.length} bin(s)): ${level}, ${failures} failure(s)`;
  });
  return parts.join('; ') + (instances.length > limit ? `; and ${instances.length - limit} more instance(s)` : '');
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
  const fraction = failureShare(cells, isHit);
  const failures = cells.reduce((total, cell) => total + cell.failures, 0);
  const label = test === 'high' ? `≥ ${CPU_HIGH_PERCENT}%` : `< ${CPU_MODERATE_PERCENT}%`;
  const observed =
    `${formatPercent(100 * fraction)} of ${failures} failures in bins where the failing instance held CpuPercentage ${label} (${hits.length} of ${cells.length} instance-bin(s))${describeMatch(matched)}: ` +
    describeCells(context, hits.length > 0 ? hits : cells);
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
