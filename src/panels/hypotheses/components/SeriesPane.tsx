// One pane of the timeline: traffic (request bars, errPct line on the right axis) or latency
// (p95 and p99 lines), with its gridlines and axis labels.
import React from 'react';
import { useTheme2 } from '@grafana/ui';
import { selectors } from '../../../datasource/selectors';
import type { TimelineSeries, TimelineSeriesName } from '../data/timeline.types';
import { formatCount, formatMs, formatPercent } from '../draw/format';
import type { Pane } from '../draw/layout';
import { seriesColor } from '../draw/palette';
import { linearScale, linePath, niceTicks, type LinearScale } from '../draw/scales';

interface Props {
  pane: Pane;
  series: TimelineSeries;
  visible: readonly TimelineSeriesName[];
  x: LinearScale;
}

const maxOf = (values: Array<number | null>) => values.reduce<number>((max, value) => (value !== null && value > max ? value : max), 0);

function Axis({ ticks, y, x, side, format }: { ticks: number[]; y: LinearScale; x: LinearScale; side: 'left' | 'right'; format: (v: number) => string }) {
  const theme = useTheme2();
  const [left, right] = x.range;
  return (
    <g aria-hidden="true" fontSize={10} fill={theme.colors.text.secondary}>
      {ticks.map((tick) => (
        <g key={tick}>
          {side === 'left' && <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} stroke={theme.colors.border.weak} />}
          <text x={side === 'left' ? left - 6 : right + 6} y={y(tick) + 3} textAnchor={side === 'left' ? 'end' : 'start'}>
            {format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

export function SeriesPane({ pane, series, visible, x }: Props) {
  const theme = useTheme2();
  const bottom = pane.top + pane.height;
  const yRange: [number, number] = [bottom, pane.top];
  const line = (name: TimelineSeriesName, y: LinearScale, dashed = false) =>
    visible.includes(name) && (
      <path
        key={name}
        data-testid={selectors.panel.seriesLine}
        data-series={name}
        d={linePath(series.time, series.values[name], x, y)}
        fill="none"
        stroke={seriesColor(theme, name)}
        strokeWidth={1.8}
        strokeDasharray={dashed ? '4 3' : undefined}
        strokeLinejoin="round"
      />
    );

  if (pane.kind === 'latency') {
    const ticks = niceTicks(Math.max(maxOf(series.values.p95), maxOf(series.values.p99)), 3);
    const y = linearScale([0, ticks[ticks.length - 1]], yRange);
    return (
      <g>
        <Axis ticks={ticks} y={y} x={x} side="left" format={formatMs} />
        {line('p95', y)}
        {line('p99', y, true)}
      </g>
    );
  }
  const countTicks = niceTicks(maxOf(series.values.requests), 3);
  const yCount = linearScale([0, countTicks[countTicks.length - 1]], yRange);
  const percentTicks = niceTicks(Math.max(1, maxOf(series.values.errPct)), 3);
  const yPercent = linearScale([0, percentTicks[percentTicks.length - 1]], yRange);
  const barWidth = Math.max(1, (series.binMs ? x(x.domain[0] + series.binMs) - x.range[0] : 4) - 1);
  return (
    <g>
      <Axis ticks={countTicks} y={yCount} x={x} side="left" format={formatCount} />
      {visible.includes('errPct') && <Axis ticks={percentTicks} y={yPercent} x={x} side="right" format={formatPercent} />}
      {visible.includes('requests') && (
        <g data-testid={selectors.panel.seriesLine} data-series="requests" fill={seriesColor(theme, 'requests')} fillOpacity={0.35}>
          {series.time.map((time, i) => {
            const value = series.values.requests[i];
            const left = x(time);
            return value === null || left < x.range[0] || left > x.range[1] ? null : (
              <rect key={time} x={left} width={Math.min(barWidth, x.range[1] - left)} y={yCount(value)} height={bottom - yCount(value)} />
            );
          })}
        </g>
      )}
      {line('errPct', yPercent)}
    </g>
  );
}
