// The slice of Signals one assessment looks at: a time window, with precomputed per-path
// figures and failure bins so each rule stays a few lines. Built once per (sliding) window.
import { EngineEvent } from '../model/events';
import { Cluster, DivergencePair, Marker, WorkerModelSegment } from '../model/findings';
import { TimeRange } from '../model/input';
import { MetricSignals } from '../model/metrics';
import { KeyedSeries, Series } from '../model/series';
import { Signals } from '../model/signals';
import { PreparedSignals, Indexed } from './prepared-signals';
import { DeclaredWorkerModel } from '../config/declared-worker-model';
import { lowerBound } from '../derive/window';

export interface PathFigures {
  path: string;
  requests: number;
  err5xx: number;
  s499: number;
  failures: number;
  /** 100 · failures / requests. */
  failPct: number;
  /** Lowest per-bin median: how fast the path answers when nothing is in its way. */
  bestBinP50: number | null;
  /** Highest per-bin max TimeTaken. */
  worstMax: number | null;
}

/**
 * The time spans the console and platform rows cover (first to last row); absent when a table had no
 * rows. Outside these spans the absence of a line proves nothing (empty exports, row caps: traps 1 and 9).
 */
export interface DataCoverage {
  console?: TimeRange;
  platform?: TimeRange;
}

export interface AssessContext {
  window: TimeRange;
  binMs: number;
  series: Series;
  /** Bin index range `[firstBin, endBin)` of this window in `series`. */
  firstBin: number;
  endBin: number;
  requests: number;
  err5xx: number;
  s499: number;
  /** 5xx plus 499: failures as callers saw them (499 is a client abort, not a 5xx). */
  failures: number;
  failingBins: number[];
  paths: PathFigures[];
  /** Per-path series over the whole analysis (index with firstBin..endBin). */
  pathSeries: KeyedSeries[];
  /** Per-instance series over the whole analysis: which instance failed in which bin. */
  byInstance: KeyedSeries[];
  /** Platform metrics on the same bins as `series`; absent when the source had none. */
  metrics?: MetricSignals;
  /** Every scale-out / scale-in marker of the analysis: one just before the window can explain it. */
  scaleMarkers: Array<Indexed<Marker>>;
  clusters: Array<Indexed<Cluster>>;
  markers: Array<Indexed<Marker>>;
  events: EngineEvent[];
  divergences: Array<Indexed<DivergencePair>>;
  workerModel: Array<Indexed<WorkerModelSegment>>;
  /** Declared by the site's configuration (startup command, GUNICORN_CMD_ARGS), when known. */
  declared?: DeclaredWorkerModel;
  hasConsole: boolean;
  hasPlatform: boolean;
  /** Every deployment marker of the analysis, not only this window's: a deploy just before it can explain it. */
  deployments: Array<Indexed<Marker>>;
  /** False when the input held no Kudu/SCM rows, no readable deployment id and no deployment history: deployments were invisible. */
  deploymentsVisible: boolean;
}

function sumRange(values: number[], from: number, to: number): number {
  let total = 0;
  for (let index = from; index < to; index++) {
    total += values[index];
  }
  return total;
}

function pathFigures(key: string, series: Series, from: number, to: number): PathFigures {
  const requests = sumRange(series.requests, from, to);
  const err5xx = sumRange(series.err5xx, from, to);
  const s499 = sumRange(series.s499, from, to);
  let bestBinP50: number | null = null;
  let worstMax: number | null = null;
  for (let index = from; index < to; index++) {
    const p50 = series.p50[index];
    const max = series.max[index];
    if (p50 !== null && (bestBinP50 === null || p50 < bestBinP50)) {
      bestBinP50 = p50;
    }
    if (max !== null && (worstMax === null || max > worstMax)) {
      worstMax = max;
    }
  }
  const failures = err5xx + s499;
  return {
    path: key,
    requests,
    err5xx,
    s499,
    failures,
    failPct: requests > 0 ? (100 * failures) / requests : 0,
    bestBinP50,
    worstMax,
  };
}

/** Kudu rows, readable deployment ids or a read deployment history: without one of them deployments are invisible. */
function deploymentsVisible(signals: Signals): boolean {
  const witnesses = signals.deploymentWitnesses;
  return witnesses !== undefined && (witnesses.scmRequests > 0 || witnesses.deploymentIds > 0 || witnesses.historyRecords !== undefined);
}

export function buildContext(prepared: PreparedSignals, window: TimeRange): AssessContext {
  const signals: Signals = prepared.signals;
  const series = signals.series;
  const firstBin = lowerBound(series.time, window.from);
  const endBin = lowerBound(series.time, window.to);
  const failingBins: number[] = [];
  for (let index = firstBin; index < endBin; index++) {
    if (series.err5xx[index] + series.s499[index] > 0) {
      failingBins.push(index);
    }
  }
  const err5xx = sumRange(series.err5xx, firstBin, endBin);
  const s499 = sumRange(series.s499, firstBin, endBin);
  const events = prepared.eventsIn(window);
  return {
    window,
    binMs: signals.binMs,
    series,
    firstBin,
    endBin,
    requests: sumRange(series.requests, firstBin, endBin),
    err5xx,
    s499,
    failures: err5xx + s499,
    failingBins,
    paths: signals.byPath
      .map((keyed) => pathFigures(keyed.key, keyed.series, firstBin, endBin))
      .filter((figures) => figures.requests > 0),
    pathSeries: signals.byPath,
    byInstance: signals.byInstance,
    ...(signals.metrics ? { metrics: signals.metrics } : {}),
    scaleMarkers: signals.markers.flatMap((item, index) => (item.kind === 'scale-out' || item.kind === 'scale-in' ? [{ index, item }] : [])),
    clusters: prepared.clustersIn(window),
    markers: prepared.markersIn(window),
    events,
    divergences: prepared.divergencesIn(window),
    workerModel: prepared.workerModelIn(window),
    declared: prepared.declared,
    hasConsole: prepared.covers('console', window),
    hasPlatform: prepared.covers('platform', window),
    deployments: signals.markers.flatMap((item, index) => (item.kind === 'deployment' ? [{ index, item }] : [])),
    deploymentsVisible: deploymentsVisible(signals),
  };
}
