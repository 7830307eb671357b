// What is drawn over the series: hypothesis windows (lanes + tint), 499 clusters (hatched
// bands) and markers (vertical lines with an icon). Each is focusable and shows its tooltip.
import React from 'react';
import { useTheme2 } from '@grafana/ui';
import { selectors } from '../../../datasource/selectors';
import type { TimelineCluster, TimelineMarker, TimelineWindow } from '../data/timeline.types';
import { formatClock, formatMs } from '../draw/format';
import { LANE_GAP, LANE_HEIGHT, type TimelineLayout } from '../draw/layout';
import { groupMarkers } from '../draw/marker-groups';
import { hypothesisColor, markerColor } from '../draw/palette';
import { assignLanes, placeBand, type LinearScale } from '../draw/scales';
import { MarkerGlyph } from './MarkerGlyph';

export interface TooltipContent {
  x: number;
  y: number;
  title: string;
  lines: string[];
}

interface Props {
  layout: TimelineLayout;
  x: LinearScale;
  windows: TimelineWindow[];
  clusters: TimelineCluster[];
  markers: TimelineMarker[];
  selected?: string;
  highlighted: { clusters: ReadonlySet<number>; markers: ReadonlySet<number> };
  onTooltip: (content: TooltipContent | undefined) => void;
}

/** Narrower lane bars stay unlabelled: the colour and the tooltip still name the hypothesis. */
const LANE_LABEL_MIN_WIDTH = 22;

export function windowLanes(windows: TimelineWindow[]) {
  return assignLanes(windows);
}

export function clusterText(cluster: TimelineCluster): string[] {
  return [
    `${cluster.count} × ${cluster.status} between ${formatClock(cluster.from, true)} and ${formatClock(cluster.to, true)} UTC`,
    `TimeTaken boundary ≈ ${formatMs(cluster.boundaryMs)}${cluster.kind ? ` (${cluster.kind})` : ''}`,
  ];
}

function markerLines(marker: TimelineMarker): string[] {
  return [`${marker.kind}${marker.instance ? ` on ${marker.instance}` : ''} at ${formatClock(marker.time, true)} UTC`, marker.sourceLine].filter(Boolean);
}

const GROUP_LINES = 6;

/** One line per event (its source line when there is one), capped so the tooltip stays readable. */
function groupLines(markers: TimelineMarker[]): string[] {
  const lines = markers.slice(0, GROUP_LINES).map((marker) => `${marker.kind}${marker.instance ? ` (${marker.instance})` : ''}: ${marker.sourceLine || marker.title}`);
  return markers.length > GROUP_LINES ? [...lines, `…and ${markers.length - GROUP_LINES} more`] : lines;
}

export function TimelineLayers({ layout, x, windows, clusters, markers, selected, highlighted, onTooltip }: Props) {
  const theme = useTheme2();
  const height = layout.plotBottom - layout.plotTop;
  const hide = () => onTooltip(undefined);
  const focusable = (title: string, lines: string[], anchorX: number, anchorY: number) => ({
    tabIndex: 0,
    role: 'img',
    'aria-label': [title, ...lines].join('. '),
    onMouseEnter: () => onTooltip({ x: anchorX, y: anchorY, title, lines }),
    onFocus: () => onTooltip({ x: anchorX, y: anchorY, title, lines }),
    onMouseLeave: hide,
    onBlur: hide,
  });

  return (
    <g>
      <defs>
        <pattern id="appsvc-cluster-hatch" width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1={0} y1={0} x2={0} y2={6} stroke={theme.colors.text.secondary} strokeWidth={1.5} strokeOpacity={0.45} />
        </pattern>
      </defs>
      {windowLanes(windows).map((window, i) => {
        const band = placeBand(window.from, window.to, x);
        if (!band) {
          return null;
        }
        const color = hypothesisColor(theme, window.hypothesis);
        const isSelected = selected === window.hypothesis;
        const tint = selected ? (isSelected ? 0.16 : 0.03) : 0.07;
        const laneY = layout.lanesTop + window.lane * (LANE_HEIGHT + LANE_GAP);
        const lines = [`${window.verdict}, ${formatClock(window.from, true)}–${formatClock(window.to, true)} UTC`];
        return (
          <g key={`w${i}`} data-testid={selectors.panel.window} data-hypothesis={window.hypothesis} data-selected={isSelected || undefined} {...focusable(window.title || window.hypothesis, lines, band.x + band.width / 2, laneY)}>
            <rect x={band.x} y={layout.plotTop} width={band.width} height={height} fill={color} fillOpacity={tint} />
            <rect x={band.x} y={laneY} width={band.width} height={LANE_HEIGHT} rx={2} fill={color} fillOpacity={selected && !isSelected ? 0.35 : 0.9} />
            {band.width >= LANE_LABEL_MIN_WIDTH && (
              <text x={band.x + 4} y={laneY + LANE_HEIGHT - 3} fontSize={9} fontWeight={600} fill={theme.colors.getContrastText(color)} aria-hidden="true" pointerEvents="none">
                {window.hypothesis}
              </text>
            )}
            {isSelected && <rect x={band.x} y={layout.plotTop} width={band.width} height={height} fill="none" stroke={color} strokeWidth={1.5} />}
          </g>
        );
      })}
      {clusters.map((cluster) => {
        const band = placeBand(cluster.from, cluster.to, x, 4);
        if (!band) {
          return null;
        }
        const isHighlighted = highlighted.clusters.has(cluster.index);
        return (
          <g key={`c${cluster.index}`} data-testid={selectors.panel.cluster} data-highlighted={isHighlighted || undefined} {...focusable(cluster.title || `499 cluster`, clusterText(cluster), band.x + band.width / 2, layout.plotTop)}>
            <rect x={band.x} y={layout.plotTop} width={band.width} height={height} fill="url(#appsvc-cluster-hatch)" />
            <rect x={band.x} y={layout.plotTop} width={band.width} height={height} fill={theme.colors.text.secondary} fillOpacity={0.08} stroke={isHighlighted ? theme.colors.text.primary : 'none'} strokeWidth={1.5} strokeDasharray="3 2" />
          </g>
        );
      })}
      {groupMarkers(markers, x).map((group) => {
        const color = markerColor(theme, group.kind);
        const isHighlighted = group.markers.some((marker) => highlighted.markers.has(marker.index));
        const [first] = group.markers;
        const single = group.markers.length === 1;
        const title = single ? first.title || first.kind : `${group.markers.length} events at ${formatClock(first.time, true)} UTC`;
        const lines = single ? markerLines(first) : groupLines(group.markers);
        return (
          <g key={`m${first.index}`} data-testid={selectors.panel.marker} data-kind={group.kind} data-count={group.markers.length} data-highlighted={isHighlighted || undefined} {...focusable(title, lines, group.x, layout.glyphY)}>
            {/* A wide transparent twin of the line: a 1 px line is too thin to hover. */}
            <line x1={group.x} x2={group.x} y1={layout.glyphY} y2={layout.plotBottom} stroke="transparent" strokeWidth={9} />
            <line x1={group.x} x2={group.x} y1={layout.glyphY} y2={layout.plotBottom} stroke={color} strokeWidth={isHighlighted ? 2.5 : 1.2} strokeDasharray={isHighlighted ? undefined : '3 2'} />
            <g transform={`translate(${group.x},${layout.glyphY})`}>
              <MarkerGlyph family={group.family} color={color} background={theme.colors.background.primary} />
              {!single && (
                <text x={9} y={-3} fontSize={9} fill={theme.colors.text.secondary}>
                  {group.markers.length}
                </text>
              )}
            </g>
          </g>
        );
      })}
    </g>
  );
}
