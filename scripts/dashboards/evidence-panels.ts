// Evidence panels the hypothesis drill-downs combine: each shows one signal a hypothesis is
// judged on, named and described in the playbook's terms.
import { colorOverride, percentOnRightAxis, unitOverride, UNIT, wrapText } from './field-config';
import { logs, table, timeSeries, type PanelSpec } from './panels';
import { clusters, endpoints, ENDPOINTS_FRAME_INDEX, logs as logLines, markers, series, workerModel } from './queries';
import type { MarkerKind } from '../../src/engine/model/findings';
import type { SeriesField } from '../../src/shared/frame-contract';

export function loadVsFailures(description: string): PanelSpec {
  return timeSeries({
    title: 'Requests vs 5xx vs errPct',
    description,
    targets: [series(['requests', 'err5xx', 'errPct'])],
    unit: UNIT.count,
    overrides: [percentOnRightAxis('errPct'), colorOverride('err5xx', 'red'), colorOverride('requests', 'blue')],
  });
}

export function latencyTail(description: string): PanelSpec {
  return timeSeries({
    title: 'Latency p95 / p99 / max',
    description,
    targets: [series(['p95', 'p99', 'max'])],
    unit: UNIT.latency,
    overrides: [colorOverride('p99', 'red'), colorOverride('p95', 'orange')],
  });
}

export function statusBars(metrics: SeriesField[], title: string, description: string): PanelSpec {
  return timeSeries({ title, description, targets: [series(metrics)], unit: UNIT.count, style: 'bars', stacked: true });
}

export function splitSeries(metric: SeriesField, by: 'instance' | 'path', title: string, description: string, unit: string): PanelSpec {
  return timeSeries({ title, description, targets: [series([metric], { splitBy: by })], unit, displayName: `\${__field.labels.${by}}` });
}

export function clustersTable(description: string): PanelSpec {
  return table({
    title: '499 clusters',
    description,
    targets: [clusters()],
    transformations: [{ id: 'organize', options: { excludeByName: { timeEnd: true, title: true, tags: true }, indexByName: { time: 0, count: 1, boundaryMs: 2, spreadMs: 3, kind: 4 }, renameByName: {} } }],
    overrides: [unitOverride('boundaryMs', UNIT.latency), unitOverride('spreadMs', UNIT.latency), wrapText('text', 320)],
    sortBy: { field: 'count', desc: true },
  });
}

export function divergencesTable(): PanelSpec {
  return table({
    title: 'Fast vs slow in the same second',
    description: 'A fast path answering while a slow one is stuck on the same instance in the same second: worker occupancy, not an outage.',
    targets: [endpoints()],
    overrides: [unitOverride('fastMs', UNIT.latency), unitOverride('slowMs', UNIT.latency)],
    sortBy: { field: 'ratio', desc: true },
    frameIndex: ENDPOINTS_FRAME_INDEX.divergences,
  });
}

export function endpointsTable(title: string, description: string, sortField: 'p95' | 'errPct' | 'failPct'): PanelSpec {
  return table({
    title,
    description,
    targets: [endpoints()],
    transformations: [{ id: 'organize', options: { excludeByName: { p50: true }, indexByName: { path: 0, requests: 1, err5xx: 2, errPct: 3, s499: 4, failPct: 5, p95: 6, p99: 7, max: 8 }, renameByName: {} } }],
    overrides: [...['p95', 'p99', 'max'].map((f) => unitOverride(f, UNIT.latency)), unitOverride('errPct', UNIT.percent), unitOverride('failPct', UNIT.percent)],
    sortBy: { field: sortField, desc: true },
    frameIndex: ENDPOINTS_FRAME_INDEX.endpoints,
  });
}

export function workerModelTable(description: string): PanelSpec {
  return table({
    title: 'Worker model',
    description,
    targets: [workerModel()],
    overrides: [unitOverride('timeoutSec', UNIT.seconds), wrapText('evidence', 360)],
    sortBy: { field: 'time', desc: true },
  });
}

export function markersTable(kinds: MarkerKind[], title: string, description: string): PanelSpec {
  return table({
    title,
    description,
    targets: [markers(kinds)],
    transformations: [{ id: 'organize', options: { excludeByName: { timeEnd: true, tags: true }, indexByName: { time: 0, instance: 1, kind: 2, pid: 3, cause: 4, title: 5, text: 6 }, renameByName: {} } }],
    overrides: [wrapText('text', 360)],
    sortBy: { field: 'time', desc: true },
  });
}

export function logLinesPanel(tableName: 'console' | 'platform', search: string, title: string, description: string): PanelSpec {
  return logs({ title, description, targets: [logLines(tableName, search)] });
}
