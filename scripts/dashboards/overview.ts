// Incident overview: the first screen of an incident. Load vs failures per bin, the latency tail,
// 499 clusters, the hypotheses panel and the endpoints that stand out.
import { TIMELINE_SERIES } from '../../src/panels/hypotheses/data/timeline.types';
import { dashboard, VIEW_TAG } from './dashboard';
import { colorOverride, percentOnRightAxis, trafficLight, unitOverride, UNIT, wrapText } from './field-config';
import type { Dashboard } from './grafana-json';
import { layout } from './layout';
import { barGauge, hypothesesPanel, stat, table, timeSeries } from './panels';
import { instanceCount, metricPerInstance } from './metrics-panels';
import { clusters, endpoints, ENDPOINTS_FRAME_INDEX, hypotheses, markers, platformMetrics, series, workerModel } from './queries';

export const OVERVIEW_UID = 'appsvc-overview';

const ENDPOINT_COLUMNS = {
  excludeByName: {},
  indexByName: { path: 0, requests: 1, err5xx: 2, errPct: 3, s499: 4, failPct: 5, p50: 6, p95: 7, p99: 8, max: 9 },
  renameByName: {},
};

function topEndpoints(title: string, field: 'p95' | 'errPct', description: string) {
  return table({
    title,
    description,
    targets: [endpoints()],
    transformations: [
      { id: 'sortBy', options: { fields: {}, sort: [{ field, desc: true }] } },
      { id: 'limit', options: { limitField: 10 } },
      { id: 'organize', options: ENDPOINT_COLUMNS },
    ],
    overrides: [
      unitOverride('p50', UNIT.latency),
      unitOverride('p95', UNIT.latency),
      unitOverride('p99', UNIT.latency),
      unitOverride('max', UNIT.latency),
      unitOverride('errPct', UNIT.percent),
      unitOverride('failPct', UNIT.percent),
    ],
    sortBy: { field, desc: true },
    frameIndex: ENDPOINTS_FRAME_INDEX.endpoints,
  });
}

export function overviewDashboard(): Dashboard {
  const panels = layout([
    [
      stat({ title: 'Requests', description: 'Requests in the range (AppServiceHTTPLogs rows).', targets: [series(['requests'])], field: 'requests', calc: 'sum', unit: UNIT.count }),
      stat({ title: '5xx', description: 'Responses with status 500–599 in the range.', targets: [series(['err5xx'])], field: 'err5xx', calc: 'sum', unit: UNIT.count, steps: trafficLight(1, 10) }),
      stat({ title: 'Peak errPct', description: 'Highest share of 5xx in one bin (the alert fires above 5 % for 5 min).', targets: [series(['errPct'])], field: 'errPct', calc: 'max', unit: UNIT.percent, steps: trafficLight(1, 5) }),
      stat({ title: 'Peak p99', description: 'Highest 99th percentile of TimeTaken in one bin.', targets: [series(['p99'])], field: 'p99', calc: 'max', unit: UNIT.latency, steps: trafficLight(1000, 5000) }),
    ],
    [
      hypothesesPanel({
        title: 'Hypotheses',
        description:
          'Requests, errPct and the latency tail with restart/worker/scale markers, 499 clusters and hypothesis windows; CPU and memory per instance (the failing one drawn strong) when the source has platform metrics; the declared Gunicorn configuration against the logs; one verdict card per hypothesis, most likely first.',
        targets: [
          series([...TIMELINE_SERIES], { refId: 'series' }),
          markers([], { refId: 'markers' }),
          clusters({ refId: 'clusters' }),
          hypotheses('verdicts', [], { refId: 'verdicts' }),
          hypotheses('windows', [], { refId: 'windows' }),
          platformMetrics(['CpuPercentage', 'MemoryPercentage'], { refId: 'metrics' }),
          workerModel({ refId: 'declared' }),
        ],
      }),
    ],
    [
      timeSeries({
        title: 'Requests vs 5xx vs errPct',
        description: 'The playbook\'s first check: does 5xx rise with load? Counts per bin (1 min over longer ranges), errPct on the right axis.',
        targets: [series(['requests', 'err5xx', 'errPct'])],
        unit: UNIT.count,
        overrides: [percentOnRightAxis('errPct'), colorOverride('err5xx', 'red'), colorOverride('requests', 'blue')],
      }),
      timeSeries({
        title: 'Latency p50 / p95 / p99',
        description: 'TimeTaken percentiles per bin (exact on raw rows, estimated when pushed down to Log Analytics). A rising tail before 5xx points at queueing.',
        targets: [series(['p50', 'p95', 'p99', 'max'])],
        unit: UNIT.latency,
        overrides: [colorOverride('p99', 'red'), colorOverride('p95', 'orange'), colorOverride('p50', 'green')],
      }),
    ],
    [
      timeSeries({
        title: 'Status mix: 499, 500, 502, 503, 504',
        description: '499 = the client gave up waiting; 502/504 = the front end gave up on the worker; 503 = no healthy worker/instance.',
        targets: [series(['s499', 's500', 's502', 's503', 's504'])],
        unit: UNIT.count,
        style: 'bars',
        stacked: true,
      }),
      table({
        title: '499 clusters',
        description: 'Client aborts bunched at one TimeTaken boundary: the boundary says who timed out (the caller, Gunicorn --timeout, or the platform\'s 230 s).',
        targets: [clusters()],
        transformations: [{ id: 'organize', options: { excludeByName: { timeEnd: true, title: true, tags: true }, indexByName: { time: 0, count: 1, boundaryMs: 2, spreadMs: 3, kind: 4, status: 5, paths: 6, instances: 7, text: 8 }, renameByName: { boundaryMs: 'boundary', spreadMs: 'spread' } } }],
        overrides: [unitOverride('boundaryMs', UNIT.latency), unitOverride('spreadMs', UNIT.latency), wrapText('text', 360)],
        sortBy: { field: 'count', desc: true },
      }),
    ],
    [
      metricPerInstance('CpuPercentage', 'CPU by instance', 'Azure Monitor CpuPercentage per instance (mean per bin). Sustained near 100 % on the failing instance points at C1; moderate while only slow paths queue points at H1.', { w: 9, h: 8 }),
      metricPerInstance('MemoryPercentage', 'Memory by instance', 'Azure Monitor MemoryPercentage per instance (mean per bin): climbing before worker kills points at M1.', { w: 9, h: 8 }),
      instanceCount('Instances reporting plan metrics per bin; steps are scale-out and scale-in (also annotated).', { w: 6, h: 8 }),
    ],
    [
      topEndpoints('Top endpoints by p95', 'p95', 'The slowest paths: H1 queues show up here first (fast paths stay fast while slow ones pile up).'),
      topEndpoints('Top endpoints by error rate', 'errPct', 'Paths with the highest share of 5xx: concentrated on dependency-heavy paths (H2/H4) or uniform (H3)?'),
    ],
    [
      barGauge({
        title: '5xx by instance',
        description: 'The playbook\'s pivot: one saturated instance (H1) or every instance alike (H3/H4)? See the Instances dashboard.',
        targets: [series(['err5xx'], { splitBy: 'instance' })],
        calc: 'sum',
        unit: UNIT.count,
        displayName: '${__field.labels.instance}',
        w: 12,
      }),
      barGauge({
        title: '499 by instance',
        description: 'Client aborts per instance.',
        targets: [series(['s499'], { splitBy: 'instance' })],
        calc: 'sum',
        unit: UNIT.count,
        displayName: '${__field.labels.instance}',
        w: 12,
      }),
    ],
  ]);
  return dashboard({
    uid: OVERVIEW_UID,
    title: 'App Service 5xx Triage: Incident overview',
    description: 'Intermittent 5xx/499 under load on App Service Linux (Gunicorn): load vs failures, latency tail, 499 clusters, restarts and the ranked hypotheses.',
    tags: [VIEW_TAG, 'overview'],
    panels,
  });
}
