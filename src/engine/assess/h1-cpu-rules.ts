// H1's rules on platform CPU: requests queueing while the failing instance still has CPU to spare
// point at too few request slots (H1); the same queue on a CPU-saturated instance is CPU starvation
// (C1), where more workers would not help — that counts against H1.
import { CPU_HIGH_PERCENT, CPU_MODERATE_PERCENT, cpuOnFailingInstances, SUSTAINED_SHARE } from './metric-profile';
import { pathsSlowingInFailures } from './path-profile';
import { LATENCY_RISE_FACTOR } from './load-profile';
import { notMet, SignalRule } from './rule';
import { formatDuration } from './signal-math';

export const cpuModerateWhileLatencyClimbs: SignalRule = {
  signal: 'cpu-moderate-while-latency-climbs',
  role: 'supporting',
  weight: 1,
  expectation: `CpuPercentage mean < ${CPU_MODERATE_PERCENT}% on the failing instances in ≥ ${SUSTAINED_SHARE * 100}% of the failing bins while p95 rises and 499s appear: requests wait for a worker, not for CPU`,
  check(context) {
    const cpu = cpuOnFailingInstances(context, 'moderate');
    if (cpu.status !== 'met') {
      return cpu;
    }
    const { slowed } = pathsSlowingInFailures(context);
    const shown = slowed.slice(0, 4).map((item) => `${item.path} ${formatDuration(item.usualMs)} → p95 ${formatDuration(item.worstP95Ms)}`);
    const latency =
      slowed.length > 0
        ? `p95 rose ≥ ${LATENCY_RISE_FACTOR}× the usual median on ${shown.join(', ')}${slowed.length > 4 ? ` and ${slowed.length - 4} more path(s)` : ''}`
        : `no path's p95 rose ≥ ${LATENCY_RISE_FACTOR}× its usual median`;
    const observed = `${cpu.observed}; ${latency}; ${context.s499} client abort(s) (499)`;
    return slowed.length > 0 && context.s499 > 0 ? { ...cpu, observed } : notMet(observed);
  },
};

export const cpuSaturatedOnFailingInstance: SignalRule = {
  signal: 'cpu-saturated-on-failing-instance',
  role: 'weakening',
  // Weight 2: on a saturated instance H1's queueing signals (aborts at one boundary, failures on slow paths,
  // few workers) are all still there — the CPU made the queue — so this must outweigh two of them.
  weight: 2,
  expectation: `CpuPercentage mean ≥ ${CPU_HIGH_PERCENT}% on the failing instances in ≥ ${SUSTAINED_SHARE * 100}% of the failing bins (C1 explains the queue better)`,
  check: (context) => cpuOnFailingInstances(context, 'high'),
};
