// What the Azure source hands over is what the engine consumes: HttpBins → deriveFromBins, the
// raw 499 rows → clusters, Kudu/SCM deploy rows → deployment markers, console/platform lines →
// parsed events (all through the HTTPS fake).
import { deriveFromBins } from '../../engine/derive/from-bins';
import { scmDeploymentMarkers } from '../../engine/derive/scm-deploys';
import { parseLogs } from '../../engine/parse/parse-logs';
import { buildHttpTable } from '../../engine/table/http-table-builder';
import { AzureSource } from './azure-source';
import { SAMPLE_HTTP_BINS, dashboardHandler } from './testing/corpus-replies';
import { TEST_AUTH, TEST_WORKSPACE_ID, fakeCloudSettings, siteSourceFor, startFakeAzure } from './testing/fake-azure';
import { FakeLogAnalyticsServer, errorReply } from './testing/fake-log-analytics-server';
import { siteRecord, syntheticMetricsReply } from './testing/metrics-batch-route';
import { runDiagnosis } from '../../diagnosis/run-diagnosis';

let server: FakeLogAnalyticsServer;
beforeEach(async () => {
  server = await startFakeAzure();
  server.handler = dashboardHandler();
});
afterEach(async () => {
  await server.close();
});

it('the engine derives estimated-percentile signals, 499 clusters and events from one Azure load', async () => {
  const { cloud, transport } = fakeCloudSettings(server);
  const source = new AzureSource({
    target: { kind: 'workspace', workspaceId: TEST_WORKSPACE_ID },
    auth: TEST_AUTH,
    cloud: { logsEndpoint: cloud.logsEndpoint, authorityHost: cloud.authorityHost },
    transport,
  });
  const window = { from: Date.UTC(2026, 3, 4, 5, 30), to: Date.UTC(2026, 3, 4, 6, 0) };
  const data = await source.load({ window, binMs: 60_000 });
  const byKind = (kind: string) => data.tables.filter((t) => t.kind === kind).map((t) => t.table);

  const logs = parseLogs({ console: byKind('console'), platform: byKind('platform') });
  const signals = deriveFromBins({ bins: byKind('bins'), aborts: buildHttpTable(byKind('http')), logs }, { window, binMs: 60_000 });

  expect(signals.percentiles).toBe('estimated');
  // No HttpBins or 499 row was rejected by the engine's readers.
  expect(signals.issues.byTable.bins ?? 0).toBe(0);
  expect(signals.issues.byTable.http ?? 0).toBe(0);
  const unsplitRequests = SAMPLE_HTTP_BINS.rows.filter((row) => row[1] === '' && row[2] === '').reduce((sum, row) => sum + Number(row[3]), 0);
  expect(signals.totals.requests).toBe(unsplitRequests);
  expect(signals.byPath.map((s) => s.key)).toEqual(['/outbound']);
  expect(signals.clusters.length).toBeGreaterThan(0);
  expect(signals.events.some((e) => e.kind === 'worker-timeout')).toBe(true);
  // The deployment witness: the corpus' two Kudu publishes and one zipdeploy, each with its status polls.
  const deploys = scmDeploymentMarkers(buildHttpTable(byKind('http')));
  expect(deploys.map((m) => m.title.split(';')[0])).toEqual(['deployment via /api/publish → 200', 'deployment via /api/publish → 200', 'deployment via /api/zipdeploy → 202']);
});

describe('through runDiagnosis (the CLI and backend pipeline)', () => {
  const SITE = '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.Web/sites/app-labsnat';
  const PLAN = '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.Web/serverfarms/plan';

  function resourceSource(): AzureSource {
    server.armHandler = (request) => (request.path === SITE ? { status: 200, body: siteRecord(SITE, PLAN) } : errorReply(404, 'ResourceNotFound', 'no'));
    server.metricsHandler = (recorded) => syntheticMetricsReply(recorded, { instances: ['lw1sdlwk0001', 'lw1sdlwk0002'] });
    return siteSourceFor(server, SITE);
  }

  it('platform metrics from metrics:getBatch become binned metric signals with an instance count', async () => {
    const window = { from: Date.UTC(2026, 3, 4, 5, 30), to: Date.UTC(2026, 3, 4, 6, 0) };
    const { signals } = await runDiagnosis(resourceSource(), { window, binMs: 60_000 });
    expect(signals.metrics?.origins.sort()).toEqual(['azure plan metrics serverfarms/plan', 'azure site metrics sites/app-labsnat']);
    // One 30-bin series per metric and instance, on the signals' own bins.
    expect(signals.metrics?.series.map((s) => `${s.name} ${s.instance} ${s.values.length}`)).toEqual(
      ['Requests', 'Http5xx', 'HttpResponseTime', 'CpuPercentage', 'MemoryPercentage'].flatMap((name) => [`${name} lw1sdlwk0001 30`, `${name} lw1sdlwk0002 30`])
    );
    expect(new Set(signals.metrics?.instanceCount.filter((n) => n !== null))).toEqual(new Set([2]));
  });

  it("the Kudu/SCM rows give deployment markers in a window around the corpus' deploys", async () => {
    const window = { from: Date.UTC(2026, 3, 3, 15, 10), to: Date.UTC(2026, 3, 3, 15, 40) };
    const { signals } = await runDiagnosis(resourceSource(), { window, binMs: 60_000 });
    expect(signals.markers.filter((m) => m.kind === 'deployment' && m.source.table === 'http').map((m) => m.title.split(';')[0])).toEqual([
      'deployment via /api/publish → 200',
      'deployment via /api/publish → 200',
      'deployment via /api/zipdeploy → 202',
    ]);
  });
});
