// Where each part of the timeline goes: the window lanes strip, the traffic pane
// (requests + errPct) and the latency pane (p95 + p99), stacked, sharing one time axis.
import type { TimelineSeriesName } from '../data/timeline.types';

export const MARGIN = { left: 52, right: 52, bottom: 22 };
export const LANE_HEIGHT = 12;
export const LANE_GAP = 2;
const PANE_GAP = 14;
const GLYPH_ROW = 18;

export interface Pane {
  kind: 'traffic' | 'latency';
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

export function timelineLayout(width: number, height: number, laneCount: number, visible: readonly TimelineSeriesName[]): TimelineLayout {
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
  const available = plotBottom - plotTop - PANE_GAP * Math.max(0, kinds.length - 1);
  // The traffic pane gets a little more room: it carries two series and the bars.
  const shares = kinds.length === 2 ? [0.55, 0.45] : [1];
  let top = plotTop;
  const panes = kinds.map((kind, i) => {
    const pane = { kind, top, height: Math.max(10, available * shares[i]) };
    top += pane.height + PANE_GAP;
    return pane;
  });
  return { plotLeft: MARGIN.left, plotRight: Math.max(MARGIN.left + 10, width - MARGIN.right), lanesTop, glyphY, panes, plotTop, plotBottom };
}
