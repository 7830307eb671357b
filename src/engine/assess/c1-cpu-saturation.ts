// C1 — CPU saturation: the instances that fail have no CPU left, so every request on them runs slower
// and the queue grows on every path. Needs platform metrics (CpuPercentage per instance): App Service
// logs do not carry CPU. Without them the CPU signals say "no data" and the verdict stays inconclusive.
//
// Evidence: CPU sustained high on the failing instances during the failing bins (decisive), latency
// rising on every path (a starved CPU slows everything, not one endpoint); against it, CPU moderate on
// the failing instances while requests fail (the queue is not made of CPU work).
import { CPU_HIGH_PERCENT, CPU_MODERATE_PERCENT, cpuOnFailingInstances, failingCells, missingMetric, SUSTAINED_SHARE } from './metric-profile';
import * as checks from './next-checks/playbook-queries';
import { pathsSlowingInFailures } from './path-profile';
import { HypothesisDefinition, met, notMet, SignalRule } from './rule';
import { formatDuration, formatPercent } from './signal-math';

/** 80% of the paths slowing together: a starved CPU slows everything, not one endpoint. */
export const EVERY_PATH_SHARE = 0.8;

export const CPU_SUSTAINED_HIGH_SIGNAL = 'cpu-sustained-high';

const cpuHigh: SignalRule = {
  signal: CPU_SUSTAINED_HIGH_SIGNAL,
  role: 'supporting',
  weight: 1.5,
  expectation: `CpuPercentage mean ≥ ${CPU_HIGH_PERCENT}% on the failing instances in ≥ ${SUSTAINED_SHARE * 100}% of the failing bins`,
  check: (context) => cpuOnFailingInstances(context, 'high'),
};

const latencyEverywhere: SignalRule = {
  signal: 'latency-rises-on-every-path',
  role: 'supporting',
  weight: 1,
  expectation: `≥ ${EVERY_PATH_SHARE * 100}% of the paths (at least 2) slow down together during failures`,
  check(context) {
    const { slowed, seen, mostlyFailing } = pathsSlowingInFailures(context);
    const leftOut = mostlyFailing.length > 0 ? ` (left out, most of their requests failed: ${mostlyFailing.slice(0, 4).join(', ')})` : '';
    if (seen < 2) {
      return notMet(`${seen} path(s) with traffic during failures: too few to compare${leftOut}`);
    }
    const shown = slowed.slice(0, 4).map((item) => `${item.path} ${formatDuration(item.usualMs)} → p95 ${formatDuration(item.worstP95Ms)}`);
    const observed =
      `${slowed.length} of ${seen} paths slowed during failures (${formatPercent((100 * slowed.length) / seen)})` +
      (shown.length > 0 ? `: ${shown.join(', ')}${slowed.length > 4 ? ` and ${slowed.length - 4} more` : ''}` : '') +
      leftOut;
    return slowed.length / seen >= EVERY_PATH_SHARE ? met(observed) : notMet(observed);
  },
};

const cpuModerate: SignalRule = {
  signal: 'cpu-moderate-while-slow-paths-queue',
  role: 'weakening',
  weight: 1,
  expectation: `CpuPercentage mean < ${CPU_MODERATE_PERCENT}% on the failing instances in ≥ ${SUSTAINED_SHARE * 100}% of the failing bins: requests wait for something other than CPU`,
  check: (context) => cpuOnFailingInstances(context, 'moderate'),
};

export const c1CpuSaturation: HypothesisDefinition = {
  id: 'C1',
  title: 'CPU saturation',
  rules: [cpuHigh, latencyEverywhere, cpuModerate],
  decisiveSignals: [CPU_SUSTAINED_HIGH_SIGNAL],
  undecidedBecause: (context) =>
    missingMetric(context, 'CpuPercentage') === undefined
      ? `CPU was not sustained at ≥ ${CPU_HIGH_PERCENT}% on the failing instances while requests failed.`
      : 'CPU cannot be judged from App Service logs: platform metrics (CpuPercentage) are needed.',
  explainsHttpFailures: true,
  nextChecks(context, app) {
    const scope = { window: context.window, binMs: context.binMs, app };
    const hot = [...new Set(failingCells(context, 'CpuPercentage').cells.filter((cell) => cell.value >= CPU_HIGH_PERCENT).map((cell) => cell.instance))];
    const list = missingMetric(context, 'CpuPercentage') === undefined ? [] : [checks.azPlanMetrics(app, scope, ['CpuPercentage', 'MemoryPercentage'])];
    list.push({
      kind: 'config',
      title: 'If CPU is the limit',
      text:
        (hot.length > 0 ? `CPU saturated on ${hot.slice(0, 5).join(', ')}. ` : '') +
        'Profile the hot path (cProfile / py-spy), then scale up the plan or out to more instances; more workers do not help a saturated CPU.',
    });
    return list;
  },
};
