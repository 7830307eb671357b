// The timeline: series panes with windows, clusters and markers over them, a UTC time axis,
// a legend, and one tooltip shared by every mark (hover or keyboard focus).
import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { selectors } from '../../../datasource/selectors';
import type { TimelineModel, TimelineSeries, TimelineSeriesName } from '../data/timeline.types';
import { timelineLayout } from '../draw/layout';
import { platformMetricColor, seriesColor } from '../draw/palette';
import { binAt, linearScale, timeTicks } from '../draw/scales';
import { formatClock, formatCount, formatMs, formatPercent } from '../draw/format';
import { platformReadout } from '../data/platform-metrics';
import { PlatformPane } from './PlatformPane';
import { SeriesPane } from './SeriesPane';
import { TimelineLayers, windowLanes, type TooltipContent } from './TimelineLayers';

interface Props {
  model: TimelineModel;
  width: number;
  height: number;
  visibleSeries: readonly TimelineSeriesName[];
  /** Draw the CPU / memory lane when the model has platform metrics. */
  showPlatform?: boolean;
  selected?: string;
  highlighted: { clusters: ReadonlySet<number>; markers: ReadonlySet<number> };
}

const SERIES_LABELS: Record<TimelineSeriesName, string> = { requests: 'requests', errPct: '5xx %', p95: 'p95', p99: 'p99' };

/** The values of one bin, for the legend row while the pointer is over the plot. */
export function binReadout(series: TimelineSeries, bin: number): string {
  const value = (name: TimelineSeriesName, format: (v: number) => string) => {
    const v = series.values[name][bin];
    return v === null || v === undefined ? '—' : format(v);
  };
  return `${formatClock(series.time[bin], true)} · ${value('requests', formatCount)} req · 5xx ${value('errPct', formatPercent)} · p95 ${value('p95', formatMs)} · p99 ${value('p99', formatMs)}`;
}

export function Timeline({ model, width, height, visibleSeries, showPlatform = true, selected, highlighted }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const [tooltip, setTooltip] = useState<TooltipContent>();
  const [hoverBin, setHoverBin] = useState<number>();
  const laneCount = useMemo(() => windowLanes(model.windows).reduce((count, window) => Math.max(count, window.lane + 1), 0), [model.windows]);
  const platform = showPlatform ? model.platform : undefined;
  const layout = timelineLayout(width, height - 20, laneCount, model.series ? visibleSeries : [], platform !== undefined);
  const x = linearScale([model.range.from, model.range.to], [layout.plotLeft, layout.plotRight]);
  const ticks = timeTicks(model.range.from, model.range.to, Math.max(2, Math.floor(width / 110)));
  const withSeconds = ticks.length > 1 && ticks[1] - ticks[0] < 60_000;
  const summary = `Timeline ${formatClock(model.range.from)}–${formatClock(model.range.to)} UTC: ${model.markers.length} markers, ${model.clusters.length} 499 clusters, ${model.windows.length} hypothesis windows`;

  return (
    <div className={styles.wrapper} style={{ width, height }} data-testid={selectors.panel.timeline}>
      <svg
        width={width}
        height={height - 20}
        role="group"
        aria-label={summary}
        onMouseMove={(event) => {
          const left = event.clientX - event.currentTarget.getBoundingClientRect().left;
          const inside = model.series && left >= layout.plotLeft && left <= layout.plotRight;
          const bin = inside ? binAt(model.series!.time, model.range.from + ((left - layout.plotLeft) / (layout.plotRight - layout.plotLeft)) * (model.range.to - model.range.from)) : -1;
          setHoverBin(bin >= 0 ? bin : undefined);
        }}
        onMouseLeave={() => setHoverBin(undefined)}
      >
        {layout.panes.map((pane) =>
          pane.kind === 'platform' ? (
            <PlatformPane key={pane.kind} pane={pane} platform={platform!} x={x} />
          ) : (
            model.series && <SeriesPane key={pane.kind} pane={pane} series={model.series} visible={visibleSeries} x={x} />
          )
        )}
        <TimelineLayers
          layout={layout}
          x={x}
          windows={model.windows}
          clusters={model.clusters}
          markers={model.markers}
          selected={selected}
          highlighted={highlighted}
          onTooltip={setTooltip}
        />
        {model.series && hoverBin !== undefined && (
          <line
            aria-hidden="true"
            pointerEvents="none"
            x1={x(model.series.time[hoverBin] + model.series.binMs / 2)}
            x2={x(model.series.time[hoverBin] + model.series.binMs / 2)}
            y1={layout.plotTop}
            y2={layout.plotBottom}
            stroke={theme.colors.text.secondary}
            strokeOpacity={0.6}
          />
        )}
        <g aria-hidden="true" fontSize={10} fill={theme.colors.text.secondary}>
          <line x1={layout.plotLeft} x2={layout.plotRight} y1={layout.plotBottom} y2={layout.plotBottom} stroke={theme.colors.border.medium} />
          {ticks.map((tick) => (
            <text key={tick} x={x(tick)} y={layout.plotBottom + 14} textAnchor="middle">
              {formatClock(tick, withSeconds)}
            </text>
          ))}
        </g>
      </svg>
      <div className={styles.legend} aria-hidden="true">
        {model.series &&
          visibleSeries.map((name) => (
            <span key={name} className={styles.legendItem}>
              <span className={styles.swatch} style={{ background: seriesColor(theme, name) }} />
              {SERIES_LABELS[name]}
            </span>
          ))}
        {platform && (
          <>
            <span className={styles.legendItem}>
              <span className={styles.swatch} style={{ background: platformMetricColor(theme, 'CpuPercentage') }} />
              CPU
            </span>
            <span className={styles.legendItem}>
              <span className={styles.dashed} style={{ borderColor: platformMetricColor(theme, 'MemoryPercentage') }} />
              memory
            </span>
            {platform.failingInstance && new Set(platform.lines.map((line) => line.instance)).size > 1 && <span className={styles.legendItem}>bold: {platform.failingInstance}</span>}
          </>
        )}
        <span className={styles.legendItem}>
          <span className={styles.hatch} />
          499 cluster
        </span>
        <span className={styles.legendItem}>UTC</span>
        {model.series && hoverBin !== undefined && (
          <span className={styles.readout}>
            {[binReadout(model.series, hoverBin), platform ? platformReadout(platform, model.series.time[hoverBin]) : ''].filter(Boolean).join(' · ')}
          </span>
        )}
      </div>
      {tooltip && (
        <div role="tooltip" className={styles.tooltip} style={{ left: Math.min(Math.max(8, tooltip.x - 160), width - 328), top: tooltip.y + 14 }}>
          <strong>{tooltip.title}</strong>
          {tooltip.lines.map((line, i) => (
            <div key={i} className={i === tooltip.lines.length - 1 && line.startsWith('[') ? styles.sourceLine : undefined}>
              {line}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ position: 'relative', 'g[tabindex]:focus': { outline: 'none' }, 'g[tabindex]:focus-visible > *:first-child': { stroke: theme.colors.primary.border, strokeWidth: 2 } }),
  legend: css({ display: 'flex', gap: theme.spacing(2), paddingLeft: 52, fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary, height: 20, alignItems: 'center' }),
  legendItem: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(0.5) }),
  swatch: css({ width: 12, height: 3, borderRadius: 1, display: 'inline-block' }),
  dashed: css({ width: 12, height: 0, borderTop: '2px dashed', display: 'inline-block' }),
  hatch: css({ width: 12, height: 10, display: 'inline-block', background: `repeating-linear-gradient(45deg, ${theme.colors.text.secondary} 0 1px, transparent 1px 4px)`, opacity: 0.7 }),
  tooltip: css({
    position: 'absolute',
    zIndex: theme.zIndex.tooltip,
    width: 320,
    padding: theme.spacing(1),
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    boxShadow: theme.shadows.z3,
    fontSize: theme.typography.bodySmall.fontSize,
    pointerEvents: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  }),
  readout: css({ marginLeft: 'auto', fontVariantNumeric: 'tabular-nums', color: theme.colors.text.primary }),
  sourceLine: css({ fontFamily: theme.typography.fontFamilyMonospace, wordBreak: 'break-all', color: theme.colors.text.secondary }),
});
