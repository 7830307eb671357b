// Fast and slow paths, judged by how fast each answers in its best bin (its unobstructed speed).
import { AssessContext, PathFigures } from './context';
import { LATENCY_RISE_FACTOR } from './load-profile';

/** A path whose best-bin median is under a second answers fast when nothing is in its way. */
export const FAST_PATH_MS = 1000;

export function isFastPath(figures: PathFigures): boolean {
  return figures.bestBinP50 !== null && figures.bestBinP50 < FAST_PATH_MS;
}

export function fastPaths(context: AssessContext): PathFigures[] {
  return context.paths.filter(isFastPath);
}

export function slowPaths(context: AssessContext): PathFigures[] {
  return context.paths.filter((figures) => figures.bestBinP50 !== null && !isFastPath(figures));
}

export function failingPaths(context: AssessContext): PathFigures[] {
  return context.paths.filter((figures) => figures.failures > 0).sort((a, b) => b.failures - a.failures);
}

export function sumFailures(paths: PathFigures[]): number {
  return paths.reduce((total, figures) => total + figures.failures, 0);
}

export function sumRequests(paths: PathFigures[]): number {
  return paths.reduce((total, figures) => total + figures.requests, 0);
}

/** A slowdown must also add 100 ms: 2 ms to 9 ms is scheduler noise, 5 ms to 245 ms (a CPU-throttled fast path) is a wait a caller feels. */
export const MIN_SLOWDOWN_MS = 100;
/** A path whose requests mostly failed has no usual speed to compare with: its medians are where the failures were cut. */
export const MOSTLY_FAILING_SHARE = 0.5;

/**
 * Paths with traffic in failing bins whose p95 there rose ≥ LATENCY_RISE_FACTOR× (and ≥ MIN_SLOWDOWN_MS)
 * over their best-bin median. `seen` leaves out paths whose requests mostly failed.
 */
export interface PathSlowdown {
  path: string;
  /** Best-bin median: the path's unobstructed speed. */
  usualMs: number;
  /** Highest p95 in a failing bin. */
  worstP95Ms: number;
}

export function pathsSlowingInFailures(context: AssessContext): { slowed: PathSlowdown[]; seen: number; mostlyFailing: string[] } {
  const failing = new Set(context.failingBins);
  const slowed: PathSlowdown[] = [];
  const mostlyFailing: string[] = [];
  let seen = 0;
  for (const keyed of context.pathSeries) {
    const figures = context.paths.find((entry) => entry.path === keyed.key);
    if (!figures || figures.bestBinP50 === null) {
      continue;
    }
    if (figures.failures >= MOSTLY_FAILING_SHARE * figures.requests) {
      mostlyFailing.push(figures.path);
      continue;
    }
    const p95s = [...failing].map((index) => keyed.series.p95[index]).filter((value): value is number => value !== null);
    if (p95s.length === 0) {
      continue;
    }
    seen++;
    const worst = Math.max(...p95s);
    if (worst >= LATENCY_RISE_FACTOR * Math.max(figures.bestBinP50, 1) && worst - figures.bestBinP50 >= MIN_SLOWDOWN_MS) {
      slowed.push({ path: keyed.key, usualMs: figures.bestBinP50, worstP95Ms: worst });
    }
  }
  return { slowed, seen, mostlyFailing };
}
