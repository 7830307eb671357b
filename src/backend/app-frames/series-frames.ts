// Signals' per-bin series → `series` frames: one wide frame for the unsplit series, or one per path
// or instance with labels, so Grafana alerting and expressions can use them as they are.
import type { KeyedSeries, Series, Signals } from '../../engine';
import { FRAME, SERIES_FIELDS, type SeriesField } from '../../shared/frame-contract';
import type { Field, FieldConfig, Frame, Notice } from '../frames/frame';

const FIELD_CONFIG: Record<SeriesField, FieldConfig> = {
  requests: { unit: 'short', displayNameFromDS: 'requests' },
  err5xx: { unit: 'short', displayNameFromDS: '5xx' },
  errPct: { unit: 'percent', displayNameFromDS: '5xx %', decimals: 1 },
  s499: { unit: 'short', displayNameFromDS: '499' },
  s500: { unit: 'short', displayNameFromDS: '500' },
  s502: { unit: 'short', displayNameFromDS: '502' },
  s503: { unit: 'short', displayNameFromDS: '503' },
  s504: { unit: 'short', displayNameFromDS: '504' },
  p50: { unit: 'ms', displayNameFromDS: 'p50' },
  p95: { unit: 'ms', displayNameFromDS: 'p95' },
  p99: { unit: 'ms', displayNameFromDS: 'p99' },
  max: { unit: 'ms', displayNameFromDS: 'max' },
};

const LATENCY: ReadonlySet<SeriesField> = new Set(['p50', 'p95', 'p99', 'max']);

export function percentileNotice(signals: Signals): Notice[] {
  return signals.percentiles === 'estimated'
    ? [{ severity: 'info', text: 'Percentiles come from Log Analytics percentiles(), which are estimates, not exact nearest-rank values.' }]
    : [];
}

function seriesFrame(series: Series, metrics: readonly SeriesField[], labels: Record<string, string> | undefined, refId: string, notices: Notice[]): Frame {
  const label = (config: FieldConfig) =>
    labels ? { ...config, displayNameFromDS: `${config.displayNameFromDS} ${Object.values(labels).join(' ')}` } : config;
  const fields: Field[] = [
    { name: 'time', type: 'time', values: series.time, nullable: false },
    ...metrics.map<Field>((metric) => ({
      name: metric,
      type: 'float64',
      values: series[metric],
      labels,
      config: label(FIELD_CONFIG[metric]),
      nullable: LATENCY.has(metric),
    })),
  ];
  return { name: FRAME.series, refId, fields, meta: { type: 'timeseries-wide', typeVersion: [0, 1], notices: notices.length ? notices : undefined } };
}

export function buildSeriesFrames(
  signals: Signals,
  options: { refId: string; splitBy: 'none' | 'path' | 'instance'; metrics: readonly SeriesField[] }
): Frame[] {
  const metrics = options.metrics.length ? options.metrics : SERIES_FIELDS;
  const notices = percentileNotice(signals);
  if (options.splitBy === 'none') {
    return [seriesFrame(signals.series, metrics, undefined, options.refId, notices)];
  }
  const keyed: KeyedSeries[] = options.splitBy === 'path' ? signals.byPath : signals.byInstance;
  return keyed.map((entry) => seriesFrame(entry.series, metrics, { [options.splitBy]: entry.key }, options.refId, notices));
}

/** A numeric count per bin, for alert rules on event-like data (clusters, markers). */
export function countPerBinFrame(signals: Signals, name: string, field: string, times: readonly number[], refId: string): Frame {
  const bins = signals.series.time;
  const counts = new Array<number>(bins.length).fill(0);
  for (const time of times) {
    const index = Math.floor((time - signals.window.from) / signals.binMs);
    if (index >= 0 && index < counts.length) {
      counts[index]++;
    }
  }
  return {
    name,
    refId,
    meta: { type: 'timeseries-wide', typeVersion: [0, 1] },
    fields: [
      { name: 'time', type: 'time', values: bins, nullable: false },
      { name: field, type: 'float64', values: counts, nullable: false, config: { unit: 'short' } },
    ],
  };
}
