// derive: HTTP table + parsed logs → Signals (series, splits, clusters, markers, worker model, …).
import { DeploymentHistory } from '../model/deployments';
import { HttpTable } from '../model/http-table';
import { TimeRange } from '../model/input';
import { MetricsInput } from '../model/metrics';
import { KeyedSeries, Totals } from '../model/series';
import { DeriveOptions, Signals } from '../model/signals';
import { ParsedLogs } from '../parse/parse-logs';
import { emptyRowIssues, mergeRowIssues } from '../table/row-issues';
import { findClientAbortClusters } from './clusters';
import { DIVERGENCE_SLOW_MS, findDivergences } from './divergence';
import { endpointStats } from './endpoints';
import { computeHttpSeries } from './http-series';
import { deploymentHistoryMarkers } from './deployment-history-markers';
import { deploymentVersionMarkers } from './deployment-version-markers';
import { buildMarkers } from './markers';
import { binMetrics, metricsSpan } from './metric-bins';
import { findActivityRuns } from './runs';
import { scmDeploymentMarkers } from './scm-deploys';
import { errorPercent, SeriesGrid } from './series-grid';
import { SplitKeys } from './split-keys';
import { binWindow, BinnedWindow, DEFAULT_BIN_MS } from './window';
import { buildWorkerModel, timeoutLookup } from './worker-model';

export const DEFAULT_MAX_SPLIT_KEYS = 50;

export interface DeriveInput {
  http?: HttpTable;
  logs?: ParsedLogs;
  /** The site's deployment history, when a source could read it. */
  deploymentHistory?: DeploymentHistory;
  /** Platform metrics (Azure Monitor, `az monitor metrics list` files, lab recordings). */
  metrics?: MetricsInput;
}

/** The span of all rows and events, for when the caller gives no window. */
export function dataSpan(http: HttpTable | undefined, events: Array<{ time: number }>): TimeRange | undefined {
  let from = Infinity;
  let to = -Infinity;
  if (http && http.length > 0) {
    from = http.time[0];
    to = http.time[http.length - 1];
  }
  for (const event of events) {
    from = Math.min(from, event.time);
    to = Math.max(to, event.time);
  }
  return Number.isFinite(from) ? { from, to } : undefined;
}

export function resolveWindow(span: TimeRange | undefined, options: DeriveOptions): BinnedWindow {
  const binMs = options.binMs ?? DEFAULT_BIN_MS;
  return options.window ? binWindow(options.window, binMs, false) : binWindow(span, binMs, true);
}

/** Keyed series for every split slot that saw requests, most requested first. */
export function keyedSeries(grid: SeriesGrid, keys: SplitKeys, window: BinnedWindow): Array<{ slot: number; keyed: KeyedSeries }> {
  return keys.names
    .map((key, slot) => ({ slot, keyed: { key, requests: grid.totalRequests(slot), series: grid.toSeries(slot, window.from, window.binMs) } }))
    .filter(({ keyed }) => keyed.requests > 0)
    .sort((a, b) => b.keyed.requests - a.keyed.requests || a.keyed.key.localeCompare(b.keyed.key));
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function derive(input: DeriveInput, options: DeriveOptions = {}): Signals {
  const events = input.logs?.events ?? [];
  const deploymentIds = input.logs?.deployments ?? [];
  // A deploy marker sits at its upload's START, which can precede every row's TimeGenerated.
  const deployments = [
    ...(input.http ? scmDeploymentMarkers(input.http) : []),
    ...deploymentVersionMarkers(deploymentIds),
    ...(input.deploymentHistory ? deploymentHistoryMarkers(input.deploymentHistory) : []),
  ];
  // Metrics define the window only when there is nothing else: they usually cover more than the incident.
  const window = resolveWindow(dataSpan(input.http, [...events, ...deployments]) ?? metricsSpan(input.metrics), options);
  const http = computeHttpSeries(input.http ?? EMPTY_TABLE, window, options.maxSplitKeys ?? DEFAULT_MAX_SPLIT_KEYS, DIVERGENCE_SLOW_MS);
  const series = http.total.toSeries(0, window.from, window.binMs);
  const byPath = keyedSeries(http.byPath, http.paths, window);
  const firstRowAt = Object.fromEntries(Object.entries(input.logs?.consoleSpan ?? {}).map(([instance, span]) => [instance, span.from]));
  const workerModel = buildWorkerModel(events, input.http, window.to);
  const inWindow = (time: number) => time >= window.from && time < window.to;
  const metrics = input.metrics ? binMetrics(input.metrics, window) : undefined;
  const markers = [...buildMarkers(events, { firstRowAt }), ...deployments, ...(metrics?.markers ?? [])].sort((a, b) => a.time - b.time);
  const requests = sum(series.requests);
  const err5xx = sum(series.err5xx);
  const totals: Totals = {
    rows: input.http?.length ?? 0,
    requests,
    err5xx,
    errPct: errorPercent(err5xx, requests),
    s499: sum(series.s499),
    scmRequests: http.scmRequests,
    outsideWindow: http.outsideWindow,
  };
  return {
    window: { from: window.from, to: window.to },
    binMs: window.binMs,
    percentiles: 'exact',
    totals,
    series,
    byPath: byPath.map(({ keyed }) => keyed),
    byInstance: keyedSeries(http.byInstance, http.instances, window).map(({ keyed }) => keyed),
    clusters: input.http ? findClientAbortClusters(input.http, http.abortRows, timeoutLookup(workerModel)) : [],
    markers: markers.filter((marker) => inWindow(marker.time)),
    workerModel: workerModel.filter((segment) => segment.from < window.to && segment.to > window.from),
    endpoints: endpointStats(byPath, http.endpoints),
    divergences: input.http ? findDivergences(input.http, http.slowRows) : [],
    runs: findActivityRuns(http.binFirst, http.binLast, series.requests),
    events: events.filter((event) => inWindow(event.time)),
    issues: mergeRowIssues([input.http?.issues ?? emptyRowIssues(), input.logs?.issues ?? emptyRowIssues()]),
    coverage: {
      rows: { http: input.http?.length ?? 0, console: input.logs?.rowCounts.console ?? 0, platform: input.logs?.rowCounts.platform ?? 0 },
      http: input.http && input.http.length > 0 ? { from: input.http.time[0], to: input.http.time[input.http.length - 1] } : undefined,
      console: input.logs?.spans.console,
      platform: input.logs?.spans.platform,
    },
    deploymentWitnesses: {
      scmRequests: http.scmRequests,
      deploymentIds: deploymentIds.length,
      ...(input.deploymentHistory ? { historyRecords: input.deploymentHistory.records.length } : {}),
    },
    ...(metrics ? { metrics: metrics.metrics } : {}),
  };
}

const EMPTY_TABLE: HttpTable = {
  length: 0,
  time: new Float64Array(0),
  status: new Uint16Array(0),
  timeTaken: new Uint32Array(0),
  pathId: new Uint32Array(0),
  instanceId: new Uint16Array(0),
  hostId: new Uint16Array(0),
  sourceRow: new Uint32Array(0),
  paths: [],
  instances: [],
  hosts: [],
  hostIsScm: [],
  issues: emptyRowIssues(),
};
