// Instances: every signal split by instance — the playbook's "split Http5xx by Instance" pivot.
// One instance saturated while the others are fine points at H1; all alike at H3/H4.
import { dashboard, VIEW_TAG } from './dashboard';
import { unitOverride, UNIT } from './field-config';
import type { Dashboard } from './grafana-json';
import { layout } from './layout';
import { barGauge, table, timeSeries } from './panels';
import { instanceCount, metricPerInstance, peakMetricByInstance } from './metrics-panels';
import { markers, series, workerModel } from './queries';
import type { SeriesField } from '../../src/shared/frame-contract';

const BY_INSTANCE = '${__field.labels.instance}';

function perInstance(metric: SeriesField, title: string, description: string, unit: string, style: 'lines' | 'bars' = 'lines') {
  return timeSeries({ title, description, targets: [series([metric], { splitBy: 'instance' })], unit, displayName: BY_INSTANCE, style, w: 8, h: 8 });
}

export function instancesDashboard(): Dashboard {
  const panels = layout([
    [
      barGauge({ title: 'Requests by instance', description: 'Is the load balanced? A skew alone can saturate one instance.', targets: [series(['requests'], { splitBy: 'instance' })], calc: 'sum', unit: UNIT.count, displayName: BY_INSTANCE, w: 6 }),
      barGauge({ title: '5xx by instance', description: 'Http5xx split by instance: concentrated (H1) or uniform (H3/H4)?', targets: [series(['err5xx'], { splitBy: 'instance' })], calc: 'sum', unit: UNIT.count, displayName: BY_INSTANCE, w: 6 }),
      peakMetricByInstance('CpuPercentage', 'Peak CPU by instance', 'The highest CpuPercentage point each instance reached (Azure Monitor).', 6),
      barGauge({ title: 'Peak p99 by instance', description: 'The worst latency tail each instance reached.', targets: [series(['p99'], { splitBy: 'instance' })], calc: 'max', unit: UNIT.latency, displayName: BY_INSTANCE, w: 6 }),
    ],
    [
      perInstance('requests', 'Requests per instance', 'Requests per bin on each instance.', UNIT.count),
      perInstance('err5xx', '5xx per instance', '5xx per bin on each instance.', UNIT.count, 'bars'),
      perInstance('errPct', 'errPct per instance', 'Share of 5xx per bin on each instance.', UNIT.percent),
    ],
    [
      metricPerInstance('CpuPercentage', 'CPU per instance', 'Azure Monitor CpuPercentage per bin on each instance: one instance pinned while the others idle points at a hot instance (C1/H1).', { w: 8, h: 8 }),
      metricPerInstance('MemoryPercentage', 'Memory per instance', 'Azure Monitor MemoryPercentage per bin on each instance (M1).', { w: 8, h: 8 }),
      instanceCount('Instances reporting plan metrics per bin: scale-out and scale-in.', { w: 8, h: 8 }),
    ],
    [
      perInstance('s499', '499 per instance', 'Client aborts per bin on each instance.', UNIT.count, 'bars'),
      perInstance('p95', 'p95 per instance', '95th percentile of TimeTaken per bin on each instance.', UNIT.latency),
      perInstance('p99', 'p99 per instance', '99th percentile of TimeTaken per bin on each instance.', UNIT.latency),
    ],
    [
      perInstance('s502', '502 per instance', 'Bad gateway per bin on each instance.', UNIT.count, 'bars'),
      perInstance('s503', '503 per instance', 'Service unavailable per bin on each instance: restarts and warm-up (H3).', UNIT.count, 'bars'),
      perInstance('s504', '504 per instance', 'Gateway timeouts per bin on each instance.', UNIT.count, 'bars'),
    ],
    [
      table({
        title: 'Worker model per instance',
        description: 'Gunicorn workers, threads and --timeout inferred per instance and master generation: few sync workers saturate first.',
        targets: [workerModel()],
        transformations: [{ id: 'organize', options: { excludeByName: { evidence: true }, indexByName: { instance: 0, time: 1, timeEnd: 2, generation: 3, version: 4, workerClass: 5, workers: 6, threads: 7, timeoutSec: 8 }, renameByName: {} } }],
        overrides: [unitOverride('timeoutSec', UNIT.seconds)],
        sortBy: { field: 'instance', desc: false },
      }),
      table({
        title: 'Restarts and kills per instance',
        description: 'Restarts, container transitions, worker timeouts and kills with the instance they hit; scale-out and scale-in with the instance added or removed.',
        targets: [markers(['restart', 'container-start', 'container-stop', 'worker-timeout', 'worker-kill', 'probe-failure', 'scale-out', 'scale-in'])],
        transformations: [{ id: 'organize', options: { excludeByName: { timeEnd: true, tags: true, text: true }, indexByName: { time: 0, instance: 1, kind: 2, pid: 3, cause: 4, title: 5 }, renameByName: {} } }],
        sortBy: { field: 'time', desc: true },
      }),
    ],
  ]);
  return dashboard({
    uid: 'appsvc-instances',
    title: 'App Service 5xx Triage: Instances',
    description: 'Every signal split by instance: one saturated instance (H1) versus failures spread across all instances (H3 platform, H4 outbound).',
    tags: [VIEW_TAG, 'instances'],
    panels,
  });
}
