// Panel builders: each returns a panel spec (size, no position yet); `layout.ts` places them.
import { defaultOptions, type HypothesesOptions } from '../../src/panels/hypotheses/options';
import { thresholds, UNIT, VERDICT_MAPPINGS } from './field-config';
import type { FieldOverride, Panel, Target, Transformation } from './grafana-json';
import { DATASOURCE } from './queries';

export type PanelSpec = Omit<Panel, 'id' | 'gridPos'> & { w: number; h: number };

/** Bins follow the panel interval (`bin: auto`) but never go below this. */
export const MIN_INTERVAL = '10s';

interface Common {
  title: string;
  description: string;
  targets: Target[];
  w?: number;
  h?: number;
  overrides?: FieldOverride[];
  transformations?: Transformation[];
}

function panel(type: string, common: Common, defaults: Record<string, unknown>, options: Record<string, unknown>, size: { w: number; h: number }): PanelSpec {
  return {
    type,
    title: common.title,
    description: common.description,
    datasource: DATASOURCE,
    targets: common.targets,
    fieldConfig: { defaults, overrides: common.overrides ?? [] },
    options,
    transformations: common.transformations ?? [],
    w: common.w ?? size.w,
    h: common.h ?? size.h,
  };
}

export interface TimeSeriesOptions extends Common {
  unit: string;
  /** `${__field.labels.instance}` etc. for split series. */
  displayName?: string;
  style?: 'lines' | 'bars' | 'points' | 'steps';
  stacked?: boolean;
  thresholdLine?: number;
  min?: number;
  max?: number;
}

const DRAW: Record<NonNullable<TimeSeriesOptions['style']>, Record<string, unknown>> = {
  lines: { drawStyle: 'line', lineInterpolation: 'linear', fillOpacity: 10, showPoints: 'auto', pointSize: 4 },
  bars: { drawStyle: 'bars', fillOpacity: 60, showPoints: 'never', pointSize: 4 },
  points: { drawStyle: 'points', fillOpacity: 0, showPoints: 'always', pointSize: 6 },
  steps: { drawStyle: 'line', lineInterpolation: 'stepAfter', fillOpacity: 0, showPoints: 'always', pointSize: 5 },
};

export function timeSeries(o: TimeSeriesOptions): PanelSpec {
  const custom = {
    ...DRAW[o.style ?? 'lines'],
    lineWidth: 1,
    spanNulls: false,
    axisPlacement: 'auto',
    stacking: { mode: o.stacked ? 'normal' : 'none', group: 'A' },
    thresholdsStyle: { mode: o.thresholdLine === undefined ? 'off' : 'dashed' },
  };
  const defaults: Record<string, unknown> = {
    unit: o.unit,
    color: { mode: 'palette-classic' },
    custom,
    thresholds: o.thresholdLine === undefined ? thresholds(['green', null]) : thresholds(['green', null], ['red', o.thresholdLine]),
    ...(o.displayName ? { displayName: o.displayName } : {}),
    ...(o.min === undefined ? {} : { min: o.min }),
    ...(o.max === undefined ? {} : { max: o.max }),
  };
  const options = {
    legend: { displayMode: 'table', placement: 'bottom', showLegend: true, calcs: ['max', 'mean'] },
    tooltip: { mode: 'multi', sort: 'desc' },
  };
  return { ...panel('timeseries', o, defaults, options, { w: 12, h: 9 }), interval: MIN_INTERVAL };
}

export interface TableOptions extends Common {
  unit?: string;
  sortBy?: { field: string; desc: boolean };
  /** Which frame to show when the query answers several (the endpoints query does). */
  frameIndex?: number;
}

export function table(o: TableOptions): PanelSpec {
  const defaults = { unit: o.unit ?? UNIT.count, custom: { align: 'auto', filterable: true, cellOptions: { type: 'auto' } } };
  const options = {
    showHeader: true,
    cellHeight: 'sm',
    footer: { show: false, reducer: ['sum'], countRows: false, fields: '' },
    sortBy: o.sortBy ? [{ displayName: o.sortBy.field, desc: o.sortBy.desc }] : [],
    ...(o.frameIndex === undefined ? {} : { frameIndex: o.frameIndex }),
  };
  return panel('table', o, defaults, options, { w: 12, h: 9 });
}

export interface StatOptions extends Common {
  /** The one field the stat reduces (a frame-contract name). */
  field: string;
  calc: 'sum' | 'max' | 'lastNotNull' | 'count';
  unit: string;
  steps?: ReturnType<typeof thresholds>;
  verdict?: boolean;
}

export function stat(o: StatOptions): PanelSpec {
  const defaults = {
    unit: o.unit,
    // A verdict is text: its colour comes from the value mapping, not from thresholds.
    color: o.verdict ? { mode: 'fixed', fixedColor: 'text' } : { mode: 'thresholds' },
    thresholds: o.steps ?? thresholds(['text', null]),
    mappings: o.verdict ? VERDICT_MAPPINGS : [],
  };
  const options = {
    reduceOptions: { values: false, calcs: [o.calc], fields: `/^${o.field}$/` },
    orientation: 'auto',
    textMode: 'value',
    colorMode: o.verdict ? 'value' : 'background',
    graphMode: 'none',
    justifyMode: 'center',
    wideLayout: true,
    showPercentChange: false,
  };
  return { ...panel('stat', o, defaults, options, { w: 6, h: 4 }), interval: MIN_INTERVAL };
}

export interface BarGaugeOptions extends Common {
  calc: 'sum' | 'max';
  unit: string;
  displayName?: string;
}

/** One bar per series (e.g. per instance): where the failures concentrate. */
export function barGauge(o: BarGaugeOptions): PanelSpec {
  const defaults = {
    unit: o.unit,
    color: { mode: 'continuous-GrYlRd' },
    thresholds: thresholds(['green', null]),
    min: 0,
    ...(o.displayName ? { displayName: o.displayName } : {}),
  };
  const options = {
    reduceOptions: { values: false, calcs: [o.calc], fields: '' },
    orientation: 'horizontal',
    displayMode: 'gradient',
    valueMode: 'color',
    showUnfilled: true,
    namePlacement: 'auto',
    sizing: 'auto',
    minVizHeight: 16,
    minVizWidth: 8,
    maxVizHeight: 300,
  };
  return { ...panel('bargauge', o, defaults, options, { w: 8, h: 9 }), interval: MIN_INTERVAL };
}

/** Console or platform lines in Grafana's logs visualisation. */
export function logs(o: Common): PanelSpec {
  const options = {
    showTime: true,
    showLabels: false,
    showCommonLabels: false,
    wrapLogMessage: true,
    prettifyLogMessage: false,
    enableLogDetails: true,
    enableInfiniteScrolling: false,
    dedupStrategy: 'none',
    sortOrder: 'Descending',
  };
  return panel('logs', o, {}, options, { w: 12, h: 10 });
}

/** The project's own panel: timeline with markers, 499 bands and windows, plus verdict cards. */
export function hypothesesPanel(o: Common & { options?: Partial<HypothesesOptions> }): PanelSpec {
  const options: HypothesesOptions = { ...defaultOptions, ...o.options };
  return { ...panel('appsvc-hypotheses-panel', o, {}, { ...options }, { w: 24, h: 16 }), interval: MIN_INTERVAL };
}
