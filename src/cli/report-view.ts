// What both human formats show, derived from the report: timelines per run, one time-ordered list of
// clusters and markers, and the next checks of the hypotheses worth acting on.
import type { DiagnosisReport, ReportHypothesis } from '../engine/report';

export interface TimelineSlice {
  from: string;
  to: string;
  requests: number;
  /** Bin indices in report.series. */
  bins: number[];
}

/** One slice per run of traffic (two runs 14 h apart would otherwise be 840 empty bins). */
export function timelineSlices(report: DiagnosisReport): TimelineSlice[] {
  const times = report.series.time.map((time) => Date.parse(time));
  const binMs = report.window.binMs;
  const runs = report.window.runs.length > 0 ? report.window.runs : [{ from: report.window.from, to: report.window.to, requests: report.totals.requests }];
  return runs.map((run) => {
    const from = Math.floor(Date.parse(run.from) / binMs) * binMs;
    const to = Date.parse(run.to);
    const bins = times.map((time, index) => ({ time, index })).filter((entry) => entry.time >= from && entry.time <= to).map((entry) => entry.index);
    return { from: run.from, to: run.to, requests: run.requests, bins };
  });
}

export interface TimelineEntry {
  time: string;
  what: string;
  text: string;
}

/** Worker boots are routine and numerous; they are counted, not listed. */
const QUIET_MARKERS = new Set(['worker-boot']);

export function timelineEntries(report: DiagnosisReport): { entries: TimelineEntry[]; hiddenBoots: number } {
  const entries: TimelineEntry[] = [];
  let hiddenBoots = 0;
  for (const cluster of report.clusters) {
    entries.push({
      time: cluster.start,
      what: `${cluster.status} cluster`,
      text: `${cluster.count}× ${cluster.status} at ${seconds(cluster.boundaryMs)} (±${seconds(cluster.spreadMs / 2)}) on ${cluster.paths.join(', ')}, started ${clock(cluster.requestStartFrom)}–${clock(cluster.requestStartTo)}; ${cluster.kind}: ${cluster.reason}`,
    });
  }
  for (const marker of report.markers) {
    if (QUIET_MARKERS.has(marker.kind)) {
      hiddenBoots++;
      continue;
    }
    entries.push({ time: marker.time, what: marker.kind + (marker.cause ? ` (${marker.cause})` : ''), text: marker.title });
  }
  entries.sort((a, b) => a.time.localeCompare(b.time));
  return { entries, hiddenBoots };
}

/** Hypotheses whose next checks are worth printing: the supported ones, else the two most likely. */
export function actionable(report: DiagnosisReport): ReportHypothesis[] {
  const ranked = report.ranking.map((id) => report.hypotheses.find((item) => item.id === id)).filter((item): item is ReportHypothesis => item !== undefined);
  const supported = ranked.filter((item) => item.verdict === 'supported');
  return supported.length > 0 ? supported : ranked.filter((item) => item.score > 0).slice(0, 2);
}

export function seconds(milliseconds: number | null): string {
  if (milliseconds === null) {
    return '–';
  }
  return milliseconds >= 1000 ? `${(milliseconds / 1000).toFixed(milliseconds >= 10_000 ? 1 : 2)} s` : `${Math.round(milliseconds)} ms`;
}

/** `2026-04-04 05:35:37` from an ISO time (UTC). */
export function clock(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, '').replace(/Z$/, '');
}

/** `1m`, `30s`, `1h`: the bin width as the --bin option spells it. */
export function binLabel(milliseconds: number): string {
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (milliseconds % size === 0) {
      return `${milliseconds / size}${unit}`;
    }
  }
  return `${milliseconds}ms`;
}

export function percent(value: number): string {
  return `${value.toFixed(1)}%`;
}

export const VERDICT_MARK: Record<string, string> = { supported: '●', inconclusive: '○', weakened: '✕' };
export const EFFECT_MARK: Record<string, string> = { supports: '+', weakens: '−', 'not-seen': '·', 'no-data': '?' };
