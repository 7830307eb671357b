// C1 — CPU saturation: needs platform CPU metrics, which App Service logs do not carry. Its CPU
// signals report "no data" and the verdict stays inconclusive; the HTTP-side signal is shown for context.
import { AssessContext } from './context';
import { LATENCY_RISE_FACTOR } from './h1-worker-exhaustion';
import * as checks from './next-checks/playbook-queries';
import { HypothesisDefinition, met, noData, notMet, SignalRule } from './rule';
import { formatPercent } from './signal-math';

/** 80% of the paths slowing together: a starved CPU slows everything, not one endpoint. */
export const EVERY_PATH_SHARE = 0.8;
/** A slowdown must also add a second: going from 2 ms to 9 ms is noise, not starvation. */
export const MIN_SLOWDOWN_MS = 1000;

/** Paths with traffic in failing bins whose p95 there rose ≥ LATENCY_RISE_FACTOR× their best-bin median. */
function pathsSlowingInFailures(context: AssessContext): { slowed: string[]; seen: number } {
  const failing = new Set(context.failingBins);
  const slowed: string[] = [];
  let seen = 0;
  for (const keyed of context.pathSeries) {
    const figures = context.paths.find((entry) => entry.path === keyed.key);
    if (!figures || figures.bestBinP50 === null) {
      continue;
    }
    const p95s = [...failing].map((index) => keyed.series.p95[index]).filter((value): value is number => value !== null);
    if (p95s.length === 0) {
      continue;
    }
    seen++;
    const worst = Math.max(...p95s);
    if (worst >= LATENCY_RISE_FACTOR * Math.max(figures.bestBinP50, 1) && worst - figures.bestBinP50 >= MIN_SLOWDOWN_MS) {
      slowed.push(keyed.key);
    }
  }
  return { slowed, seen };
}

const cpuHigh: SignalRule = {
  signal: 'cpu-sustained-high',
  role: 'supporting',
  weight: 1.5,
  expectation: 'CpuPercentage sustained high on the failing instances',
  check: () => noData('CPU is not in App Service logs; it needs platform metrics (CpuPercentage)'),
};

const latencyEverywhere: SignalRule = {
  signal: 'latency-rises-on-every-path',
  role: 'supporting',
  weight: 1,
  expectation: `≥ ${EVERY_PATH_SHARE * 100}% of the paths (at least 2) slow down together during failures`,
  check(context) {
    const { slowed, seen } = pathsSlowingInFailures(context);
    if (seen < 2) {
      return notMet(`${seen} path(s) with traffic during failures: too few to compare`);
    }
    const observed = `${slowed.length} of ${seen} paths slowed during failures (${formatPercent((100 * slowed.length) / seen)})`;
    return slowed.length / seen >= EVERY_PATH_SHARE ? met(observed) : notMet(observed);
  },
};

const cpuModerate: SignalRule = {
  signal: 'cpu-moderate-while-slow-paths-queue',
  role: 'weakening',
  weight: 1,
  expectation: 'CPU moderate while only the slow paths queue',
  check: () => noData('CPU is not in App Service logs; it needs platform metrics (CpuPercentage)'),
};

export const c1CpuSaturation: HypothesisDefinition = {
  id: 'C1',
  title: 'CPU saturation',
  rules: [cpuHigh, latencyEverywhere, cpuModerate],
  decisiveSignals: ['cpu-sustained-high'],
  undecidedBecause: 'CPU cannot be judged from App Service logs: platform metrics (CpuPercentage) are needed.',
  explainsHttpFailures: true,
  nextChecks(context, app) {
    const scope = { window: context.window, binMs: context.binMs, app };
    return [
      checks.azPlanMetrics(app, scope, ['CpuPercentage', 'MemoryPercentage']),
      { kind: 'config', title: 'If CPU is the limit', text: 'Profile the hot path (cProfile / py-spy), then scale up the plan or out to more instances; more workers do not help a saturated CPU.' },
    ];
  },
};
