// The platform lane: CPU (solid) and memory (dashed) per instance on a 0–100 % axis. The instance
// the failures concentrate on is drawn strong and named at the right edge; the others stay faint.
import React from 'react';
import { useTheme2 } from '@grafana/ui';
import { selectors } from '../../../datasource/selectors';
import type { TimelinePlatformMetrics } from '../data/timeline.types';
import { formatPercent } from '../draw/format';
import type { Pane } from '../draw/layout';
import { platformMetricColor } from '../draw/palette';
import { linearScale, linePath, type LinearScale } from '../draw/scales';

interface Props {
  pane: Pane;
  platform: TimelinePlatformMetrics;
  x: LinearScale;
}

const TICKS = [0, 50, 100];

export function PlatformPane({ pane, platform, x }: Props) {
  const theme = useTheme2();
  const bottom = pane.top + pane.height;
  const y = linearScale([0, 100], [bottom, pane.top]);
  const [left, right] = x.range;
  const { failingInstance } = platform;
  // Faint lines first so the failing instance's lines are drawn on top.
  const lines = [...platform.lines].sort((a, b) => Number(a.instance === failingInstance) - Number(b.instance === failingInstance));
  const label = failingInstance && platform.lines.find((line) => line.instance === failingInstance && line.metric === 'CpuPercentage');
  const lastValue = label ? [...label.values].reverse().find((value) => value !== null) : undefined;
  return (
    <g data-testid={selectors.panel.metricLane} data-failing-instance={failingInstance}>
      <g aria-hidden="true" fontSize={10} fill={theme.colors.text.secondary}>
        {TICKS.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} stroke={theme.colors.border.weak} />
            {/* The 100 % label sits under its line, clear of the pane above's lowest label. */}
            <text x={left - 6} y={y(tick) + (tick === 100 ? 9 : 3)} textAnchor="end">
              {formatPercent(tick)}
            </text>
          </g>
        ))}
      </g>
      {lines.map((line) => {
        const strong = failingInstance === undefined || line.instance === failingInstance;
        return (
          <path
            key={`${line.metric}|${line.instance}`}
            data-testid={selectors.panel.metricLine}
            data-metric={line.metric}
            data-instance={line.instance}
            data-failing={line.instance === failingInstance || undefined}
            d={linePath(line.time, line.values, x, y)}
            fill="none"
            stroke={platformMetricColor(theme, line.metric)}
            strokeOpacity={strong ? 1 : 0.35}
            strokeWidth={line.instance === failingInstance ? 2.2 : 1.2}
            strokeDasharray={line.metric === 'MemoryPercentage' ? '4 3' : undefined}
            strokeLinejoin="round"
          />
        );
      })}
      {label && lastValue !== undefined && (
        <text x={right + 4} y={y(lastValue) + 3} fontSize={9} fill={platformMetricColor(theme, 'CpuPercentage')} aria-hidden="true">
          {failingInstance!.slice(-4)}
        </text>
      )}
    </g>
  );
}
