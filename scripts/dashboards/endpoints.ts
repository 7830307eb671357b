// Endpoints: per-path latency and failures, and the playbook's same-second divergence (a fast path
// answering in ms while a slow one is stuck in the same second on the same instance).
import { dashboard, VIEW_TAG } from './dashboard';
import { colorOverride, unitOverride, UNIT } from './field-config';
import type { Dashboard, FieldOverride } from './grafana-json';
import { layout } from './layout';
import { table, timeSeries } from './panels';
import { endpoints, ENDPOINTS_FRAME_INDEX, series } from './queries';
import type { SeriesField } from '../../src/shared/frame-contract';

const BY_PATH = '${__field.labels.path}';

function perPath(metric: SeriesField, title: string, description: string, unit: string) {
  return timeSeries({ title, description, targets: [series([metric], { splitBy: 'path' })], unit, displayName: BY_PATH });
}

const hiddenFromChart = (field: string): FieldOverride => ({
  matcher: { id: 'byName', options: field },
  properties: [{ id: 'custom.hideFrom', value: { viz: true, legend: true, tooltip: false } }],
});

export function endpointsDashboard(): Dashboard {
  const latencyUnits = ['p50', 'p95', 'p99', 'max'].map((field) => unitOverride(field, UNIT.latency));
  const panels = layout([
    [
      perPath('p95', 'p95 by path', '95th percentile of TimeTaken per bin and path: which paths queue?', UNIT.latency),
      perPath('errPct', 'errPct by path', 'Share of 5xx per bin and path: concentrated on slow or dependency-heavy paths, or uniform?', UNIT.percent),
    ],
    [
      perPath('requests', 'Requests by path', 'Load per path: a burst on one slow path can occupy every sync worker.', UNIT.count),
      perPath('s499', '499 by path', 'Client aborts per bin and path.', UNIT.count),
    ],
    [
      timeSeries({
        title: 'Fast vs slow in the same second',
        description: 'Each point is one second on one instance where a fast path answered (green) while a slow path took far longer (red): endpoint-specific blocking and worker occupancy, not a platform outage.',
        targets: [endpoints()],
        unit: UNIT.latency,
        style: 'points',
        overrides: [colorOverride('fastMs', 'green'), colorOverride('slowMs', 'red'), hiddenFromChart('ratio')],
      }),
      table({
          title: 'Same-second divergences',
          description: 'Pairs of requests that ended in the same second on the same instance, the slow one first (playbook: /diag/env 7 ms vs /diag/stats 21735 ms).',
          targets: [endpoints()],
          overrides: [unitOverride('fastMs', UNIT.latency), unitOverride('slowMs', UNIT.latency), unitOverride('ratio', 'none')],
          sortBy: { field: 'ratio', desc: true },
          frameIndex: ENDPOINTS_FRAME_INDEX.divergences,
        }),
    ],
    [
      table({
        title: 'Endpoints',
        description: 'Per path over the range: requests, 5xx, 499, share of failures and the latency percentiles.',
        targets: [endpoints()],
        overrides: [...latencyUnits, unitOverride('errPct', UNIT.percent), unitOverride('failPct', UNIT.percent)],
        sortBy: { field: 'p95', desc: true },
        frameIndex: ENDPOINTS_FRAME_INDEX.endpoints,
        w: 24,
        h: 10,
      }),
    ],
  ]);
  return dashboard({
    uid: 'appsvc-endpoints',
    title: 'App Service 5xx Triage: Endpoints',
    description: 'Per-path p95 and error rate, and same-second fast vs slow divergences on one instance.',
    tags: [VIEW_TAG, 'endpoints'],
    panels,
  });
}
