// The metric time grain for a request: Azure Monitor only serves a fixed set of grains, PT1M the
// finest. The grain is the largest one not longer than the caller's bin (so every bin gets at least
// one point), coarsened when the window would need more points per series than is useful.
import type { TimeRange } from '../../../engine';

export interface MetricsGrain {
  /** ISO 8601 duration as the service wants it, e.g. `PT5M`. */
  iso: string;
  ms: number;
}

/** The grains App Service metrics support (Microsoft.Web/sites and serverfarms metric definitions). */
export const METRIC_GRAINS: readonly MetricsGrain[] = [
  { iso: 'PT1M', ms: 60_000 },
  { iso: 'PT5M', ms: 300_000 },
  { iso: 'PT15M', ms: 900_000 },
  { iso: 'PT30M', ms: 1_800_000 },
  { iso: 'PT1H', ms: 3_600_000 },
  { iso: 'PT6H', ms: 21_600_000 },
  { iso: 'PT12H', ms: 43_200_000 },
  { iso: 'P1D', ms: 86_400_000 },
];

/** A day at one minute: beyond this many points per series, a coarser grain answers the same question. */
export const MAX_POINTS_PER_SERIES = 1440;

export function metricsGrain(binMs: number, window: TimeRange): MetricsGrain {
  const span = Math.max(0, window.to - window.from);
  let index = Math.max(0, METRIC_GRAINS.filter((grain) => grain.ms <= binMs).length - 1);
  while (index < METRIC_GRAINS.length - 1 && span / METRIC_GRAINS[index].ms > MAX_POINTS_PER_SERIES) {
    index++;
  }
  return METRIC_GRAINS[index];
}
