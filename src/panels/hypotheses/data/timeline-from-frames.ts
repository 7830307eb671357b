// Backend frames → the timeline model: the unsplit series frame, markers, 499 clusters and
// hypothesis windows. Missing frames leave their layer empty and are named in `problems`.
import type { DataFrame } from '@grafana/data';
import { FRAME, type Verdict } from '../../../shared/frame-contract';
import { column, framesNamed, isUnsplit, numberAt, stringAt } from './frames';
import { platformFromFrames } from './platform-metrics';
import { TIMELINE_SERIES, type TimelineCluster, type TimelineMarker, type TimelineModel, type TimelineSeries, type TimelineWindow } from './timeline.types';

const VERDICTS: readonly string[] = ['supported', 'weakened', 'inconclusive'];

export function seriesFromFrame(frame: DataFrame): TimelineSeries | undefined {
  const time = column(frame, 'time');
  if (!time) {
    return undefined;
  }
  const order = time.map((_, row) => row).sort((a, b) => Number(time[a]) - Number(time[b]));
  const times = order.map((row) => Number(time[row]));
  const values = Object.fromEntries(
    TIMELINE_SERIES.map((name) => {
      const field = column(frame, name);
      return [name, order.map((row) => numberAt(field, row))];
    })
  ) as TimelineSeries['values'];
  return { time: times, values, binMs: times.length > 1 ? times[1] - times[0] : 0 };
}

function markersFrom(frame: DataFrame): TimelineMarker[] {
  const [time, kind, title, text, instance] = ['time', 'kind', 'title', 'text', 'instance'].map((name) => column(frame, name));
  return (time ?? []).map((value, row) => ({
    index: row,
    time: Number(value),
    kind: stringAt(kind, row, 'marker'),
    title: stringAt(title, row),
    sourceLine: stringAt(text, row),
    instance: stringAt(instance, row),
  }));
}

function clustersFrom(frame: DataFrame): TimelineCluster[] {
  const [time, timeEnd, title, count, boundaryMs, status, kind] = ['time', 'timeEnd', 'title', 'count', 'boundaryMs', 'status', 'kind'].map((name) => column(frame, name));
  return (time ?? []).map((value, row) => ({
    index: row,
    from: Number(value),
    to: numberAt(timeEnd, row) ?? Number(value),
    title: stringAt(title, row),
    count: numberAt(count, row) ?? 0,
    boundaryMs: numberAt(boundaryMs, row) ?? 0,
    status: numberAt(status, row) ?? 499,
    kind: stringAt(kind, row),
  }));
}

function windowsFrom(frame: DataFrame): TimelineWindow[] {
  const [time, timeEnd, title, hypothesis, verdict] = ['time', 'timeEnd', 'title', 'hypothesis', 'verdict'].map((name) => column(frame, name));
  return (time ?? []).map((value, row) => {
    const stated = stringAt(verdict, row, 'inconclusive');
    return {
      hypothesis: stringAt(hypothesis, row),
      verdict: (VERDICTS.includes(stated) ? stated : 'inconclusive') as Verdict,
      from: Number(value),
      to: numberAt(timeEnd, row) ?? Number(value),
      title: stringAt(title, row),
    };
  });
}

export function timelineFromFrames(frames: DataFrame[], range: { from: number; to: number }): TimelineModel {
  const problems: string[] = [];
  const seriesFrames = framesNamed(frames, FRAME.series);
  const totals = seriesFrames.find(isUnsplit) ?? seriesFrames[0];
  const series = totals ? seriesFromFrame(totals) : undefined;
  if (!series) {
    problems.push(`no "${FRAME.series}" frame: add a query of type Series to draw requests, errPct and latency`);
  }
  const layer = <T>(name: typeof FRAME.markers | typeof FRAME.clusters | typeof FRAME.hypothesisWindows, read: (frame: DataFrame) => T[]) =>
    framesNamed(frames, name).flatMap(read);
  const platform = platformFromFrames(frames);
  return {
    range,
    series,
    ...(platform ? { platform } : {}),
    markers: layer(FRAME.markers, markersFrom),
    clusters: layer(FRAME.clusters, clustersFrom),
    windows: layer(FRAME.hypothesisWindows, windowsFrom),
    problems,
  };
}
