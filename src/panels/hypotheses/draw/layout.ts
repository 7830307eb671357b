// Where each part of the timeline goes: the window lanes strip, the traffic pane
// (requests + errPct), the latency pane (p95 + p99) and the platform pane (CPU / memory per
// instance, when metrics are there), stacked, sharing one time axis.
import type { TimelineSeriesName } from '../data/timeline.types';

export const MARGIN = { left: 52, right: 52, bottom: 22 };
export const LANE_HEIGHT = 12;
export const LANE_GAP = 2;
const PANE_GAP = 14;
const GLYPH_ROW = 18;

export interface Pane {
  kind: 'traffic' | 'latency' | 'platform';
  top: number;
  height: number;
}

export interface TimelineLayout {
  plotLeft: number;
  plotRight: number;
  lanesTop: number;
  glyphY: number;
  panes: Pane[];
  plotTop: number;
  plotBottom: number;
}

/** Relative heights: the traffic pane carries two series and the bars, the platform pane only percentages. */
const PANE_WEIGHT: Record<Pane['kind'], number> = { traffic: 0.55, latency: 0.45, platform: 0.4 };

export function timelineLayout(width: number, height: number, laneCount: number, visible: readonly TimelineSeriesName[], withPlatform = false): TimelineLayout {
  const lanesTop = 4;
  const glyphY = lanesTop + laneCount * (LANE_HEIGHT + LANE_GAP) + GLYPH_ROW / 2 + 2;
  const plotTop = glyphY + GLYPH_ROW / 2 + 2;
  const plotBottom = Math.max(plotTop + 20, height - MARGIN.bottom);
  const kinds: Array<Pane['kind']> = [];
  if (visible.includes('requests') || visible.includes('errPct')) {
    kinds.push('traffic');
  }
  if (visible.includes('p95') || visible.includes('p99')) {
    kinds.push('latency');
  }
  if (withPlatform) {
    kinds.push('platform');
  }
  const available = plotBottom - plotTop - PANE_GAP * Math.max(0, kinds.length - 1);
  const totalWeight = kinds.reduce((sum, kind) => sum + PANE_WEIGHT[kind], 0);
  let top = plotTop;
  const panes = kinds.map((kind) => {
    const pane = { kind, top, height: Math.max(10, (available * PANE_WEIGHT[kind]) / totalWeight) };
    top += pane.height + PANE_GAP;
    return pane;
  });
  return { plotLeft: MARGIN.left, plotRight: Math.max(MARGIN.left + 10, width - MARGIN.right), lanesTop, glyphY, panes, plotTop, plotBottom };
}
