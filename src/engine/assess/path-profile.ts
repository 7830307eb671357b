// Fast and slow paths, judged by how fast each answers in its best bin (its unobstructed speed).
import { AssessContext, PathFigures } from './context';

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
