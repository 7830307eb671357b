// Scale-out and scale-in, read from which instances report plan metrics (CpuPercentage, else
// MemoryPercentage): an instance that starts reporting after the data begins was added, one that
// stops before the data ends was removed.
//
// Rule (Azure Monitor drops a point now and then, an instance can report once while it is being torn
// down, and a restarting instance can stop reporting for a while):
// - an instance is present from one point to the next when they are at most two grains or
//   SAME_INSTANCE_RETURN_MS apart, whichever is longer: a single missing point, or an instance that
//   comes back under its own name within 5 min, is a gap or a restart, not a scale-in and a scale-out;
// - a run of presence with a single point is a flap and is ignored;
// - an instance missing only the first (or last) point of the data was there all along;
// - a plan always has an instance: a change to or from 0 reporting instances is missing data (the
//   lab's per-process metrics stop while Gunicorn restarts), not a scale event;
// - changes at the same time are one event per direction, removals before additions.
import { Marker } from '../model/findings';
import { MetricSeriesInput, PLAN_METRICS, ScaleEvent } from '../model/metrics';

/** Half a grain of tolerance on time stamps that do not sit exactly on the grain. */
const GRAIN_SLACK = 0.5;
/** An instance back under its own name within this long was restarting or not reporting; scaling takes minutes and brings new instances. */
export const SAME_INSTANCE_RETURN_MS = 5 * 60_000;

interface PointRef {
  time: number;
  series: number;
  point: number;
}

interface Run {
  instance: string;
  first: PointRef;
  last: PointRef;
}

/** One instance added or removed, with the point that shows it (for the marker's source). */
interface Change {
  time: number;
  instance: string;
  added: boolean;
  ref: PointRef;
}

export interface ScaleFinding {
  event: ScaleEvent;
  /** Where in the metrics input the change shows. */
  series: number;
  point: number;
  line: string;
}

function hasValue(point: MetricSeriesInput['points'][number]): boolean {
  return [point.average, point.maximum, point.minimum, point.total].some((value) => typeof value === 'number' && Number.isFinite(value));
}

/** Per instance, the time-ordered points with a value of the chosen plan metric (several series of one instance merged). */
function presence(series: MetricSeriesInput[]): { byInstance: Map<string, PointRef[]>; grainMs: number } | undefined {
  for (const name of PLAN_METRICS) {
    const byInstance = new Map<string, PointRef[]>();
    let grainMs = Infinity;
    series.forEach((item, seriesIndex) => {
      if (item.name !== name || item.instance === undefined || !(item.grainMs > 0)) {
        return;
      }
      const refs = byInstance.get(item.instance) ?? [];
      item.points.forEach((point, pointIndex) => {
        if (hasValue(point)) {
          refs.push({ time: point.time, series: seriesIndex, point: pointIndex });
        }
      });
      if (refs.length > 0) {
        byInstance.set(item.instance, refs);
        grainMs = Math.min(grainMs, item.grainMs);
      }
    });
    if (byInstance.size > 0) {
      for (const refs of byInstance.values()) {
        refs.sort((a, b) => a.time - b.time);
      }
      return { byInstance, grainMs };
    }
  }
  return undefined;
}

function runsOf(instance: string, refs: PointRef[], grainMs: number): Run[] {
  const runs: Run[] = [];
  for (const ref of refs) {
    const last = runs[runs.length - 1];
    if (last && ref.time - last.last.time <= Math.max((2 + GRAIN_SLACK) * grainMs, SAME_INSTANCE_RETURN_MS)) {
      last.last = ref;
    } else {
      runs.push({ instance, first: ref, last: ref });
    }
  }
  return runs.filter((run) => run.last.time > run.first.time);
}

function describe(series: MetricSeriesInput[], change: Change): string {
  const item = series[change.ref.series];
  const verb = change.added ? 'first reports' : 'last reports';
  return `${item.origin}: ${item.name} Instance=${change.instance} ${verb} at ${new Date(change.ref.time).toISOString()}`;
}

/** Scale events in time order, each with the metric point that shows it. */
export function findScaleEvents(series: MetricSeriesInput[]): ScaleFinding[] {
  const found = presence(series);
  if (!found) {
    return [];
  }
  const { byInstance, grainMs } = found;
  const all = [...byInstance.values()].flat();
  const dataFrom = Math.min(...all.map((ref) => ref.time));
  const dataTo = Math.max(...all.map((ref) => ref.time));
  const changes: Change[] = [];
  let present = 0;
  for (const [instance, refs] of byInstance) {
    for (const run of runsOf(instance, refs, grainMs)) {
      if (run.first.time - dataFrom > (1 + GRAIN_SLACK) * grainMs) {
        changes.push({ time: run.first.time, instance, added: true, ref: run.first });
      } else {
        present++;
      }
      if (dataTo - run.last.time > (1 + GRAIN_SLACK) * grainMs) {
        changes.push({ time: run.last.time + grainMs, instance, added: false, ref: run.last });
      }
    }
  }
  changes.sort((a, b) => a.time - b.time || Number(a.added) - Number(b.added) || a.instance.localeCompare(b.instance));
  const findings: ScaleFinding[] = [];
  for (let start = 0; start < changes.length; ) {
    let end = start;
    while (end < changes.length && changes[end].time === changes[start].time && changes[end].added === changes[start].added) {
      end++;
    }
    const group = changes.slice(start, end);
    const instances = group.map((change) => change.instance);
    const from = present;
    present += group[0].added ? group.length : -group.length;
    start = end;
    if (from === 0 || present === 0) {
      continue;
    }
    findings.push({
      event: { time: group[0].time, from, to: present, added: group[0].added ? instances : [], removed: group[0].added ? [] : instances },
      series: group[0].ref.series,
      point: group[0].ref.point,
      line: group.map((change) => describe(series, change)).join('; '),
    });
  }
  return findings;
}

/** One `scale-out` / `scale-in` marker per event; instance `''` when several instances changed at once. */
export function scaleMarkers(findings: ScaleFinding[]): Marker[] {
  return findings.map(({ event, point, line }) => {
    const changed = event.to > event.from ? event.added : event.removed;
    const sign = event.to > event.from ? '+' : '−';
    return {
      time: event.time,
      kind: event.to > event.from ? ('scale-out' as const) : ('scale-in' as const),
      instance: changed.length === 1 ? changed[0] : '',
      generation: 0,
      title: `${event.to > event.from ? 'scale-out' : 'scale-in'} ${event.from} → ${event.to} instance(s) (${changed.map((name) => sign + name).join(', ')})`,
      source: { table: 'metrics' as const, row: point, line },
    };
  });
}
