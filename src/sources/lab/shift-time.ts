// "Replay as of now": moves recorded timestamps forward by whole minutes, keeping every fractional
// digit (recordings carry 7), so bins and sub-millisecond ordering are exactly as recorded.
import type { LogTable, MetricsInput } from '../../engine';

const ISO = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:?\d\d)?$/;

export function shiftIso(value: string, shiftMs: number): string {
  const match = ISO.exec(value);
  if (!match) {
    return value;
  }
  const [, whole, fraction = '', zone = 'Z'] = match;
  const base = Date.parse(`${whole}${zone === 'Z' ? 'Z' : zone}`);
  if (Number.isNaN(base)) {
    return value;
  }
  return `${new Date(base + shiftMs).toISOString().slice(0, 19)}${fraction}Z`;
}

const TIME_COLUMNS = new Set(['TimeGenerated', 'bin']);

export function shiftTable(table: LogTable, shiftMs: number): LogTable {
  const indexes = table.columns.flatMap((c, i) => (TIME_COLUMNS.has(c.name) ? [i] : []));
  if (shiftMs === 0 || indexes.length === 0) {
    return table;
  }
  return {
    ...table,
    rows: table.rows.map((row) => {
      const copy = row.slice();
      for (const i of indexes) {
        if (typeof copy[i] === 'string') {
          copy[i] = shiftIso(copy[i] as string, shiftMs);
        }
      }
      return copy;
    }),
  };
}

/** Whole minutes that bring `recordedEnd` to at most `now` (never into the future). */
export function replayShiftMs(recordedEnd: number, now: number): number {
  return Math.max(0, Math.floor((now - recordedEnd) / 60_000) * 60_000);
}

/** The same replay shift for metric series: every point moves by `shiftMs`. */
export function shiftMetrics(metrics: MetricsInput, shiftMs: number): MetricsInput {
  if (shiftMs === 0) {
    return metrics;
  }
  return {
    ...metrics,
    series: metrics.series.map((s) => ({ ...s, points: s.points.map((p) => ({ ...p, time: p.time + shiftMs })) })),
  };
}
