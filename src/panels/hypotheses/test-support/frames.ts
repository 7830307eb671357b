// Frames in the backend's contract shape (src/shared/frame-contract.ts) for the panel's unit tests.
import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
import { FRAME } from '../../../shared/frame-contract';

export const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);
const MINUTE = 60_000;

function frame(name: string, fields: Record<string, unknown[]>): DataFrame {
  return createDataFrame({
    name,
    fields: Object.entries(fields).map(([fieldName, values]) => ({
      name: fieldName,
      type: fieldName === 'time' || fieldName === 'timeEnd' ? FieldType.time : typeof values[0] === 'number' ? FieldType.number : FieldType.string,
      values,
    })),
  });
}

export const seriesFrame = () =>
  frame(FRAME.series, {
    time: [T0, T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE],
    requests: [120, 480, 510, 130],
    errPct: [0, 12.5, null, 0.8],
    p95: [80, 29000, 30010, 95],
    p99: [120, 30000, 30050, 140],
  });

export const markersFrame = () =>
  frame(FRAME.markers, {
    time: [T0 + 90_000, T0 + 150_000],
    timeEnd: [T0 + 90_000, T0 + 150_000],
    title: ['WORKER TIMEOUT (pid:1908)', 'worker 2011 booted'],
    text: ['[2026-11-21 09:01:30 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:1908)', '[2026-11-21 09:02:30 +0000] [2011] [INFO] Booting worker with pid: 2011'],
    tags: ['worker-timeout', 'worker-boot'],
    kind: ['worker-timeout', 'worker-boot'],
    instance: ['lw0sdlwk000001', 'lw0sdlwk000001'],
  });

export const clustersFrame = () =>
  frame(FRAME.clusters, {
    time: [T0 + 60_000],
    timeEnd: [T0 + 100_000],
    title: ['37 × 499 at ≈30.0 s'],
    text: ['37 client aborts, TimeTaken 29.9–30.1 s'],
    tags: ['499'],
    count: [37],
    boundaryMs: [30000],
    spreadMs: [180],
    kind: ['gunicorn-timeout'],
    status: [499],
    paths: ['/api/slow'],
    instances: ['lw0sdlwk000001'],
  });

export const windowsFrame = () =>
  frame(FRAME.hypothesisWindows, {
    time: [T0 + 60_000, T0 + 80_000],
    timeEnd: [T0 + 180_000, T0 + 120_000],
    title: ['H1 worker concurrency exhaustion', 'T1 gunicorn timeout too short'],
    text: ['', ''],
    tags: ['H1', 'T1'],
    hypothesis: ['H1', 'T1'],
    verdict: ['supported', 'supported'],
  });

const evidence = (signal: string, effect: string, strength: number, observed: string) => ({
  signal,
  role: effect === 'weakens' ? 'weakening' : 'supporting',
  effect,
  observed,
  expectation: '',
  strength,
  weight: 1,
  pointers: signal === 'client-abort-clusters' ? [{ kind: 'cluster', index: 0 }] : [],
});

export const hypothesesFrame = () =>
  frame(FRAME.hypotheses, {
    id: ['H2', 'H1', 'T1'],
    title: ['dependency latency cascade', 'worker concurrency exhaustion', 'gunicorn timeout too short'],
    verdict: ['weakened', 'supported', 'supported'],
    score: [0.1, 0.82, 0.64],
    summary: ['no dependency signatures', '499s bunch at 30 s with 2 sync workers', 'WORKER TIMEOUT then kill'],
    evidence: [
      JSON.stringify([evidence('dependency-signatures', 'weakens', 0.9, 'no timeout/refused lines')]),
      JSON.stringify([evidence('few-sync-workers', 'supports', 0.6, '2 sync workers'), evidence('client-abort-clusters', 'supports', 0.9, '37 aborts at 30.0 s'), evidence('low-volume', 'not-seen', 0, '')]),
      'not json',
    ],
    windows: [JSON.stringify([]), JSON.stringify([{ from: T0 + 60_000, to: T0 + 180_000, signals: ['client-abort-clusters'] }]), JSON.stringify([])],
    nextChecks: [
      JSON.stringify([]),
      JSON.stringify([{ kind: 'kql', title: '499s by TimeTaken', text: 'AppServiceHTTPLogs | where ScStatus == 499 | summarize count() by bin(TimeTaken, 1000)' }]),
      JSON.stringify([{ kind: 'config', title: 'Raise the timeout', text: 'gunicorn --timeout 120' }]),
    ],
  });

export const RANGE = { from: T0, to: T0 + 4 * MINUTE };

/** A `metrics` frame as the backend labels it: one metric on one instance. */
export const metricFrame = (metric: string, instance: string, values: Array<number | null>) =>
  createDataFrame({
    name: FRAME.metrics,
    fields: [
      { name: 'time', type: FieldType.time, values: values.map((_, i) => T0 + i * MINUTE) },
      { name: 'value', type: FieldType.number, values, labels: { metric, instance } },
      { name: 'max', type: FieldType.number, values: values.map((value) => (value === null ? null : value + 3)), labels: { metric, instance } },
    ],
  });

export const platformFrames = () => [
  metricFrame('CpuPercentage', 'lw0sdlwk000001', [35, 88, 97, 40]),
  metricFrame('CpuPercentage', 'lw0sdlwk000002', [20, 22, null, 18]),
  metricFrame('MemoryPercentage', 'lw0sdlwk000001', [50, 52, 55, 51]),
  metricFrame('HttpResponseTime', '', [0.2, 9.5, 12, 0.3]),
  frame(FRAME.instanceCount, { time: [T0, T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE], instances: [2, 2, 1, 2] }),
];

/** Series split by instance (labels instance=…), as a `splitBy: instance` query returns them. */
export const instanceSeriesFrame = (instance: string, err5xx: number[], s499: number[]) =>
  createDataFrame({
    name: FRAME.series,
    fields: [
      { name: 'time', type: FieldType.time, values: err5xx.map((_, i) => T0 + i * MINUTE) },
      { name: 'err5xx', type: FieldType.number, values: err5xx, labels: { instance } },
      { name: 's499', type: FieldType.number, values: s499, labels: { instance } },
    ],
  });

export const scaleMarkersFrame = () =>
  frame(FRAME.markers, {
    time: [T0 + 30_000, T0 + 200_000],
    timeEnd: [T0 + 30_000, T0 + 200_000],
    title: ['scale-out 1 → 2 instances (+lw0sdlwk000002)', 'scale-in 2 → 1 instances (−lw0sdlwk000002)'],
    text: ['CpuPercentage reported by 2 instances from 09:00:30', 'CpuPercentage reported by 1 instance from 09:03:20'],
    tags: ['scale-out', 'scale-in'],
    kind: ['scale-out', 'scale-in'],
    instance: ['lw0sdlwk000002', 'lw0sdlwk000002'],
  });

export const declaredConfigFrame = () =>
  frame(FRAME.declaredConfig, {
    setting: ['workerClass', 'workers', 'threads', 'timeoutSec', 'healthCheckPath'],
    declared: ['sync', '2', '1', '30', '/health'],
    from: ['Gunicorn default', 'appCommandLine', 'Gunicorn default', 'appCommandLine', 'site.json'],
    observed: ['sync (lw0sdlwk000001 generation 1, boot-lines)', '4 (lw0sdlwk000001 generation 1, boot-lines)', '', '', '120 request(s) to /health, 0 5xx'],
    status: ['agrees', 'disagrees', 'not-in-logs', 'not-in-logs', 'agrees'],
  });
