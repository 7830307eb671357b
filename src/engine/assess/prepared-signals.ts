// Signals sorted once by time with their original indices, so each (sliding) window is a pair of
// binary searches instead of a scan, and evidence can point back at `signals.clusters[i]` etc.
import { DeclaredWorkerModel } from '../config/declared-worker-model';
import { lowerBound } from '../derive/window';
import { EngineEvent } from '../model/events';
import { Cluster, DivergencePair, Marker, WorkerModelSegment } from '../model/findings';
import { EpochMs, TimeRange } from '../model/input';
import { Signals } from '../model/signals';
import type { DataCoverage } from './context';

export interface Indexed<T> {
  /** Position in the matching `Signals` array. */
  index: number;
  item: T;
}

interface TimeSorted<T> {
  times: EpochMs[];
  items: T[];
}

function sortByTime<T>(items: T[], timeOf: (item: T) => EpochMs): TimeSorted<T> {
  const order = items.map((item, index) => ({ item, index, time: timeOf(item) }));
  order.sort((a, b) => a.time - b.time || a.index - b.index);
  return { times: order.map((entry) => entry.time), items: order.map((entry) => entry.item) };
}

function slice<T>(sorted: TimeSorted<T>, window: TimeRange): T[] {
  return sorted.items.slice(lowerBound(sorted.times, window.from), lowerBound(sorted.times, window.to));
}

function indexed<T>(items: T[]): Array<Indexed<T>> {
  return items.map((item, index) => ({ index, item }));
}

export class PreparedSignals {
  private readonly events: TimeSorted<EngineEvent>;
  private readonly clusters: TimeSorted<Indexed<Cluster>>;
  private readonly markers: TimeSorted<Indexed<Marker>>;
  private readonly divergences: TimeSorted<Indexed<DivergencePair>>;

  constructor(
    readonly signals: Signals,
    private readonly coverage: DataCoverage | undefined,
    /** The worker model the site's configuration declares, when a source could read it. */
    readonly declared?: DeclaredWorkerModel
  ) {
    this.events = sortByTime(signals.events, (event) => event.time);
    // A cluster belongs where its requests ended (TimeGenerated), like the bins it is counted in.
    this.clusters = sortByTime(indexed(signals.clusters), (entry) => entry.item.end);
    this.markers = sortByTime(indexed(signals.markers), (entry) => entry.item.time);
    this.divergences = sortByTime(indexed(signals.divergences), (entry) => entry.item.second);
  }

  eventsIn(window: TimeRange): EngineEvent[] {
    return slice(this.events, window);
  }

  clustersIn(window: TimeRange): Array<Indexed<Cluster>> {
    return slice(this.clusters, window);
  }

  markersIn(window: TimeRange): Array<Indexed<Marker>> {
    return slice(this.markers, window);
  }

  divergencesIn(window: TimeRange): Array<Indexed<DivergencePair>> {
    return slice(this.divergences, window);
  }

  workerModelIn(window: TimeRange): Array<Indexed<WorkerModelSegment>> {
    return indexed(this.signals.workerModel).filter(
      (entry) => entry.item.from < window.to && entry.item.to > window.from
    );
  }

  /**
   * Did rows of this table exist in the window? With a coverage span from the source, overlap decides;
   * without one, only an event of that table in the window proves rows were there.
   */
  covers(table: 'console' | 'platform', window: TimeRange): boolean {
    if (this.coverage) {
      const span = this.coverage[table];
      return span !== undefined && span.from < window.to && span.to >= window.from;
    }
    const events = this.eventsIn(window);
    return events.some((event) => event.source.table === table);
  }
}
