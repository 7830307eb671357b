// Small shared measurements the rules are written in: bins, failure episodes, alignment, formatting.
import { EngineEvent } from '../model/events';
import { Marker } from '../model/findings';
import { EpochMs, TimeRange } from '../model/input';
import { AssessContext, PathFigures } from './context';
import { Indexed } from './prepared-signals';
import { EvidencePointer } from './types';

export function binRange(context: AssessContext, index: number): TimeRange {
  const from = context.series.time[index];
  return { from, to: from + context.binMs };
}

/** Failed requests (5xx + 499) in one bin. */
export function binFailures(context: AssessContext, index: number): number {
  return context.series.err5xx[index] + context.series.s499[index];
}

export interface Episode extends TimeRange {
  firstBin: number;
  lastBin: number;
  failures: number;
}

/** Runs of failing bins, joined across single quiet bins (a burst that straddles a bin edge is one episode). */
export function failureEpisodes(context: AssessContext): Episode[] {
  const episodes: Episode[] = [];
  for (const index of context.failingBins) {
    const last = episodes[episodes.length - 1];
    if (last && index - last.lastBin <= 2) {
      last.lastBin = index;
      last.to = binRange(context, index).to;
      last.failures += binFailures(context, index);
    } else {
      const range = binRange(context, index);
      episodes.push({ ...range, firstBin: index, lastBin: index, failures: binFailures(context, index) });
    }
  }
  return episodes;
}

/** A failure episode with the markers that may have set it off, oldest first. */
export interface TriggeredEpisode {
  episode: Episode;
  /** When the episode began: its first failing bin less the longest request that ended there. */
  began: EpochMs;
  triggers: Array<Indexed<Marker>>;
}

/**
 * The episodes with a marker from `leadMs` before they began up to the end of their first bin (a marker
 * exactly at that end counts only when `upToBinEnd` is `inclusive`). Markers later in an episode are left
 * out: a change that follows the failures answers them rather than causes them.
 */
export function episodesAfterMarkers(
  context: AssessContext,
  episodes: Episode[],
  markers: Array<Indexed<Marker>>,
  leadMs: number,
  upToBinEnd: 'inclusive' | 'exclusive'
): TriggeredEpisode[] {
  return episodes.flatMap((episode) => {
    // TimeGenerated is when a request ENDED: the episode began up to its longest request earlier (trap 3).
    const began = episode.from - (context.series.max[episode.firstBin] ?? 0);
    const firstBinEnd = binRange(context, episode.firstBin).to;
    const triggers = markers.filter(({ item }) => item.time >= began - leadMs && (upToBinEnd === 'inclusive' ? item.time <= firstBinEnd : item.time < firstBinEnd));
    return triggers.length > 0 ? [{ episode, began, triggers }] : [];
  });
}

export function spanOf(ranges: TimeRange[]): TimeRange | undefined {
  if (ranges.length === 0) {
    return undefined;
  }
  return { from: Math.min(...ranges.map((range) => range.from)), to: Math.max(...ranges.map((range) => range.to)) };
}

export function binsPointer(context: AssessContext, indices: number[]): EvidencePointer[] {
  if (indices.length === 0) {
    return [];
  }
  const from = context.series.time[indices[0]];
  const to = context.series.time[indices[indices.length - 1]] + context.binMs;
  return [{ kind: 'bins', from, to, count: indices.length }];
}

/** Is `time` within `toleranceMs` of any of the ranges? */
export function isNear(time: EpochMs, ranges: TimeRange[], toleranceMs: number): boolean {
  return ranges.some((range) => time >= range.from - toleranceMs && time < range.to + toleranceMs);
}

export function eventsOfKind<K extends EngineEvent['kind']>(
  events: EngineEvent[],
  ...kinds: K[]
): Array<Extract<EngineEvent, { kind: K }>> {
  return events.filter((event): event is Extract<EngineEvent, { kind: K }> => (kinds as string[]).includes(event.kind));
}

export function eventPointers(events: EngineEvent[], limit = 20): EvidencePointer[] {
  return events.slice(0, limit).map((event) => ({ kind: 'event', table: event.source.table, row: event.source.row }));
}

export function pathPointers(paths: PathFigures[]): EvidencePointer[] {
  return paths.map((figures) => ({ kind: 'path', path: figures.path }));
}

export function formatDuration(milliseconds: number): string {
  if (milliseconds >= 10_000) {
    return `${(milliseconds / 1000).toFixed(1)} s`;
  }
  if (milliseconds >= 1000) {
    return `${(milliseconds / 1000).toFixed(2)} s`;
  }
  return `${Math.round(milliseconds)} ms`;
}

export function formatPercent(value: number): string {
  return `${value.toFixed(value < 10 ? 1 : 0)}%`;
}

export function formatTime(time: EpochMs): string {
  return new Date(Math.floor(time)).toISOString().replace('.000Z', 'Z');
}

/** 0..1 strength that grows from 0 at `threshold` to 1 at `full`. */
export function rampStrength(value: number, threshold: number, full: number): number {
  if (full <= threshold) {
    return value >= threshold ? 1 : 0;
  }
  return Math.max(0, Math.min(1, 0.5 + (0.5 * (value - threshold)) / (full - threshold)));
}
