// Theme-aware colours: one stable colour per hypothesis and per series, verdict colours,
// and the marker families. Names are Grafana's named colours so dark and light both work.
import type { GrafanaTheme2 } from '@grafana/data';
import type { Verdict } from '../../../shared/frame-contract';
import type { PlatformMetricName, TimelineSeriesName } from '../data/timeline.types';

const HYPOTHESIS_COLORS: Record<string, string> = { H1: 'purple', H2: 'blue', H3: 'orange', H4: 'yellow', T1: 'red', M1: 'green', C1: 'super-light-blue' };
const SERIES_COLORS: Record<TimelineSeriesName, string> = { requests: 'blue', errPct: 'red', p95: 'orange', p99: 'yellow' };

export type MarkerFamily = 'restart' | 'kill' | 'timeout' | 'scale-out' | 'scale-in' | 'boot' | 'other';

/** Container lifecycle vs worker deaths vs timeouts vs boots: what an on-call reader tells apart first. */
export function markerFamily(kind: string): MarkerFamily {
  if (kind === 'restart' || kind === 'deployment' || kind.startsWith('container-') || kind === 'boot-failure' || kind === 'graceful-shutdown') {
    return 'restart';
  }
  if (kind === 'worker-kill' || kind === 'worker-exit') {
    return 'kill';
  }
  if (kind === 'worker-timeout' || kind === 'probe-failure') {
    return 'timeout';
  }
  if (kind === 'scale-out' || kind === 'scale-in') {
    return kind;
  }
  return kind === 'worker-boot' ? 'boot' : 'other';
}

const MARKER_COLORS: Record<MarkerFamily, string> = { restart: 'orange', kill: 'red', timeout: 'yellow', 'scale-out': 'blue', 'scale-in': 'blue', boot: 'green', other: 'text' };
const PLATFORM_COLORS: Record<PlatformMetricName, string> = { CpuPercentage: 'purple', MemoryPercentage: 'green' };

export function platformMetricColor(theme: GrafanaTheme2, metric: PlatformMetricName): string {
  return theme.visualization.getColorByName(PLATFORM_COLORS[metric]);
}

export function hypothesisColor(theme: GrafanaTheme2, id: string): string {
  return theme.visualization.getColorByName(HYPOTHESIS_COLORS[id] ?? 'text');
}

export function seriesColor(theme: GrafanaTheme2, name: TimelineSeriesName): string {
  return theme.visualization.getColorByName(SERIES_COLORS[name]);
}

export function markerColor(theme: GrafanaTheme2, kind: string): string {
  const family = MARKER_COLORS[markerFamily(kind)];
  return family === 'text' ? theme.colors.text.secondary : theme.visualization.getColorByName(family);
}

export function verdictColor(theme: GrafanaTheme2, verdict: Verdict): string {
  return { supported: theme.colors.error.text, inconclusive: theme.colors.warning.text, weakened: theme.colors.success.text }[verdict];
}
