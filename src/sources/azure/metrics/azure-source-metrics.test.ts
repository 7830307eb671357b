// Platform metrics inside an Azure load, end to end: real @azure/arm-appservice (the site's region
// and plan), real MetricsClient and ClientSecretCredential against the HTTPS fake. Every failure
// costs only the metrics, with a warning naming the problem; the logs part still loads.
import { AzureSource } from '../azure-source';
import type { AzureSourceSettings } from '../azure-settings';
import { dashboardHandler, queryKind } from '../testing/corpus-replies';
import { TEST_AUTH, TEST_SECRET, TEST_WORKSPACE_ID, fakeCloudSettings, siteSourceFor, startFakeAzure } from '../testing/fake-azure';
import { ArmRequest, FakeLogAnalyticsServer, FakeReply, errorReply } from '../testing/fake-log-analytics-server';
import { siteRecord, syntheticMetricsReply } from '../testing/metrics-batch-route';
import { METRICS_WHERE } from './platform-metrics-reader';

const SUB = '00000000-1111-2222-3333-444444444444';
const SITE = `/subscriptions/${SUB}/resourceGroups/rg-lab-5xx/providers/Microsoft.Web/sites/app-lab5xx`;
const PLAN = `/subscriptions/${SUB}/resourceGroups/rg-lab-5xx/providers/Microsoft.Web/serverfarms/plan-lab5xx`;
const INSTANCES = ['lw1sdlwk0001', 'lw1sdlwk0002'];
const window = { from: Date.UTC(2026, 3, 4, 5, 30), to: Date.UTC(2026, 3, 4, 6, 0) };
const request = { window, binMs: 60_000 };

let server: FakeLogAnalyticsServer;
beforeEach(async () => {
  server = await startFakeAzure();
  server.handler = dashboardHandler();
  server.armHandler = armSite();
  server.metricsHandler = (recorded) => syntheticMetricsReply(recorded, { instances: INSTANCES });
});
afterEach(async () => {
  await server.close();
});

function armSite(site: FakeReply = { status: 200, body: siteRecord(SITE, PLAN) }) {
  return (armRequest: ArmRequest): FakeReply =>
    armRequest.method === 'GET' && armRequest.path === SITE ? site : errorReply(404, 'ResourceNotFound', `no ${armRequest.path}`);
}

function sourceFor(overrides: Partial<AzureSourceSettings> = {}): AzureSource {
  return siteSourceFor(server, SITE, { retry: { baseDelayMs: 10, maxDelayMs: 20 }, ...overrides });
}

const metricWarnings = (warnings: Array<{ where: string; message: string }>) => warnings.filter((w) => w.where === METRICS_WHERE).map((w) => w.message);
const siteReads = () => server.armRequests.filter((r) => r.path === SITE);

describe('what a load returns', () => {
  it('site metrics and plan metrics per instance, next to the five log tables', async () => {
    const data = await sourceFor().load(request);
    expect(data.tables).toHaveLength(5);
    expect(metricWarnings(data.warnings)).toEqual([]);
    expect(data.metrics?.issues).toEqual([]);
    expect(data.metrics?.series.map((s) => `${s.name} ${s.instance} ${s.unit} ${s.grainMs} ${s.points.length}`)).toEqual([
      'Requests lw1sdlwk0001 Count 60000 30',
      'Requests lw1sdlwk0002 Count 60000 30',
      'Http5xx lw1sdlwk0001 Count 60000 30',
      'Http5xx lw1sdlwk0002 Count 60000 30',
      'HttpResponseTime lw1sdlwk0001 Seconds 60000 30',
      'HttpResponseTime lw1sdlwk0002 Seconds 60000 30',
      'CpuPercentage lw1sdlwk0001 Percent 60000 30',
      'CpuPercentage lw1sdlwk0002 Percent 60000 30',
      'MemoryPercentage lw1sdlwk0001 Percent 60000 30',
      'MemoryPercentage lw1sdlwk0002 Percent 60000 30',
    ]);
    const cpu = data.metrics!.series.find((s) => s.name === 'CpuPercentage')!;
    expect(Object.keys(cpu.points[0]).sort()).toEqual(['average', 'maximum', 'time']);
    expect(cpu.origin).toBe('azure plan metrics serverfarms/plan-lab5xx');
    expect(server.metricsRequests.map((r) => [r.namespace, r.resourceIds, r.metricNames.join(','), r.aggregation, r.filter, r.interval])).toEqual([
      ['Microsoft.Web/sites', [SITE], 'Requests,Http5xx,HttpResponseTime', 'total,average', "Instance eq '*'", 'PT1M'],
      ['Microsoft.Web/serverFarms', [PLAN], 'CpuPercentage,MemoryPercentage', 'average,maximum', "Instance eq '*'", 'PT1M'],
    ]);
    expect(data.metricsCalls).toBe(2);
    expect(JSON.stringify(data)).not.toContain(TEST_SECRET);
  });

  it('the request instance filter reaches both calls as escaped OData literals', async () => {
    const hostile = "lw1' or Instance eq '*";
    const data = await sourceFor().load({ ...request, instances: [hostile] });
    expect(server.metricsRequests.map((r) => r.filter)).toEqual([`Instance eq 'lw1'' or Instance eq ''*'`, `Instance eq 'lw1'' or Instance eq ''*'`]);
    expect([...new Set(data.metrics!.series.map((s) => s.instance))]).toEqual([hostile]);
  });

  it('a coarse bin asks for a coarse grain; a sub-minute bin gets PT1M and says so', async () => {
    await sourceFor().load({ window, binMs: 300_000 });
    expect(server.metricsRequests.map((r) => r.interval)).toEqual(['PT5M', 'PT5M']);
    const fine = await sourceFor().load({ window, binMs: 10_000 });
    expect(metricWarnings(fine.warnings)).toEqual(["metrics at PT1M (coarser than the 10 s bins: Azure Monitor's finest grain is PT1M, and long windows are coarsened)"]);
  });

  it('a slot is read through getSlot and the sites/slots namespace', async () => {
    const slot = `${SITE}/slots/staging`;
    server.armHandler = (armRequest) => (armRequest.path === slot ? { status: 200, body: siteRecord(slot, PLAN) } : errorReply(404, 'ResourceNotFound', 'no'));
    const data = await sourceFor({ target: { kind: 'resource', resourceId: slot } }).load(request);
    expect(server.metricsRequests.map((r) => [r.namespace, r.resourceIds])).toEqual([
      ['Microsoft.Web/sites/slots', [slot]],
      ['Microsoft.Web/serverFarms', [PLAN]],
    ]);
    expect(data.metrics?.series).toHaveLength(10);
  });
});

describe('economy', () => {
  it('7 panels refreshing at once: 5 log queries, 1 site read, 2 metrics calls; a refresh within the TTL costs nothing more', async () => {
    const source = sourceFor();
    const results = await Promise.all(Array.from({ length: 7 }, () => source.load(request)));
    expect(server.queries).toHaveLength(5);
    expect(siteReads()).toHaveLength(1);
    expect(server.metricsRequests).toHaveLength(2);
    results.forEach((r) => expect(r.metrics).toEqual(results[0].metrics));
    await source.load(request);
    expect([server.queries.length, siteReads().length, server.metricsRequests.length]).toEqual([5, 1, 2]);
    await source.load({ ...request, window: { from: window.from - 60_000, to: window.to } });
    expect([server.queries.length, siteReads().length, server.metricsRequests.length]).toEqual([10, 1, 4]);
  });
});

describe('every metrics failure costs only the metrics, and says what went wrong', () => {
  const cases: Array<[string, () => void, Partial<AzureSourceSettings>, RegExp]> = [
    [
      '403 on the metrics',
      () => (server.metricsHandler = () => errorReply(403, 'AuthorizationFailed', "does not have authorization to perform action 'Microsoft.Insights/metrics/read'")),
      {},
      /not read: site metrics: access denied to app registration \(client secret\).*"Monitoring Reader" \(or Reader\) on the site and on its App Service plan/,
    ],
    [
      '429 with a long Retry-After',
      () => (server.metricsHandler = () => errorReply(429, 'TooManyRequests', 'throttled', { 'Retry-After': '300' })),
      {},
      /throttled the request \(429\) \(the service asked to wait 300 s \(Retry-After\)/,
    ],
    ['5xx', () => (server.metricsHandler = () => errorReply(500, 'InternalServerError', 'boom')), { retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 5 } }, /failed to answer \(gave up after 2 attempts\): HTTP 500/],
    [
      'a timeout',
      () => (server.metricsHandler = (recorded) => ({ ...syntheticMetricsReply(recorded, { instances: INSTANCES }), delayMs: 5000 })),
      { attemptTimeoutMs: 300, retry: { maxAttempts: 1 } },
      /did not finish in time: no answer within 300 ms/,
    ],
    ['403 reading the site', () => (server.armHandler = armSite(errorReply(403, 'AuthorizationFailed', 'no'))), {}, /^not read: site not read: 403 Forbidden: reading the site needs Reader on the site \(Microsoft\.Web\/sites\/read\)$/],
    ['the site not found', () => (server.armHandler = armSite(errorReply(404, 'ResourceNotFound', 'gone'))), {}, /^not read: site not read: 404 Not Found/],
  ];

  it.each(cases)('%s', async (_name, arrange, settings, expected) => {
    arrange();
    const data = await sourceFor(settings).load(request);
    expect(data.tables.map((t) => t.table.name)).toEqual(['HttpBins', 'AppServiceHTTPLogs', 'ScmDeployRequests', 'AppServiceConsoleLogs', 'AppServicePlatformLogs']);
    expect(data.tables[1].table.rows.length).toBeGreaterThan(0);
    const messages = metricWarnings(data.warnings);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]).toMatch(expected);
    expect(data.metrics).toBeUndefined();
    expect(JSON.stringify(data.warnings)).not.toContain(TEST_SECRET);
  });

  it('a 403 on the plan only keeps the site metrics and names the plan metrics it lost', async () => {
    server.metricsHandler = (recorded) =>
      recorded.namespace === 'Microsoft.Web/serverFarms' ? errorReply(403, 'AuthorizationFailed', 'no') : syntheticMetricsReply(recorded, { instances: INSTANCES });
    const data = await sourceFor().load(request);
    expect([...new Set(data.metrics!.series.map((s) => s.name))]).toEqual(['Requests', 'Http5xx', 'HttpResponseTime']);
    expect(metricWarnings(data.warnings)).toEqual([expect.stringMatching(/^CpuPercentage, MemoryPercentage not read: plan metrics: access denied .*Monitoring Reader/)]);
  });

  it('a metric Azure failed is an issue of the metrics (where and code); the other metrics are kept', async () => {
    server.metricsHandler = (recorded) => syntheticMetricsReply(recorded, { instances: INSTANCES, failedMetrics: { MemoryPercentage: { code: 'InternalError', message: 'try later' } } });
    const data = await sourceFor().load(request);
    expect(data.metrics!.issues).toEqual([{ where: 'azure plan metrics serverfarms/plan-lab5xx', message: 'MemoryPercentage: Azure returned InternalError: try later' }]);
    expect(data.metrics!.series.map((s) => s.name)).not.toContain('MemoryPercentage');
    expect(data.metrics!.series.filter((s) => s.name === 'CpuPercentage')).toHaveLength(2);
    expect(data.tables).toHaveLength(5);
  });

  it("cancelling the load aborts the metrics HTTP requests", async () => {
    server.metricsHandler = (recorded) => ({ ...syntheticMetricsReply(recorded, { instances: INSTANCES }), delayMs: 5000 });
    const controller = new AbortController();
    const pending = sourceFor().load({ ...request, signal: controller.signal });
    for (let i = 0; i < 200 && server.metricsRequests.length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    controller.abort();
    const outcome = await pending.then(
      (data) => metricWarnings(data.warnings).join('\n'),
      (error: Error) => error.message
    );
    expect(outcome).toMatch(/cancelled/);
    for (let i = 0; i < 200 && server.abandonedReplies < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(server.abandonedReplies).toBe(2);
  });
});

describe('where metrics cannot be read', () => {
  it('a workspace target without the app resource id says how to enable them, and asks nothing', async () => {
    const { cloud, transport } = fakeCloudSettings(server);
    const source = new AzureSource({ target: { kind: 'workspace', workspaceId: TEST_WORKSPACE_ID }, auth: TEST_AUTH, cloud: { ...cloud, metricsEndpoint: server.url }, transport, armEndpoint: server.url });
    const data = await source.load(request);
    expect(metricWarnings(data.warnings)).toEqual(["not read: platform metrics need the App Service site — use the app's resource id as the target instead of the workspace id (or set the app filter's resourceId)"]);
    expect(server.metricsRequests).toEqual([]);
  });

  it("a workspace target with the app filter's resource id reads that site's metrics", async () => {
    const { cloud, transport } = fakeCloudSettings(server);
    const source = new AzureSource({
      target: { kind: 'workspace', workspaceId: TEST_WORKSPACE_ID },
      app: { resourceId: SITE },
      auth: TEST_AUTH,
      cloud: { ...cloud, metricsEndpoint: server.url },
      transport,
      armEndpoint: server.url,
    });
    const data = await source.load(request);
    expect(data.metrics?.series).toHaveLength(10);
  });

  it('a custom cloud without metricsEndpoint says so; metrics: false turns them off silently', async () => {
    const { cloud, transport } = fakeCloudSettings(server);
    const without = await sourceFor({ cloud: { logsEndpoint: cloud.logsEndpoint, authorityHost: cloud.authorityHost } }).load(request);
    expect(metricWarnings(without.warnings)).toEqual(['not read: a custom cloud needs metricsEndpoint (its metrics data-plane origin)']);
    const off = await sourceFor({ metrics: false, transport }).load(request);
    expect(metricWarnings(off.warnings)).toEqual([]);
    expect(server.metricsRequests).toEqual([]);
  });
});

describe('health', () => {
  const counts = () => ({
    status: 200,
    body: {
      tables: [
        {
          name: 'PrimaryResult',
          columns: [
            { name: 'SourceTable', type: 'string' },
            { name: 'rowCount', type: 'long' },
            { name: 'lastRow', type: 'datetime' },
          ],
          rows: [
            ['AppServiceHTTPLogs', 10, '2026-04-04T05:59:00Z'],
            ['AppServiceConsoleLogs', 10, '2026-04-04T05:59:00Z'],
            ['AppServicePlatformLogs', 10, '2026-04-04T05:59:00Z'],
          ],
        },
      ],
    },
  });

  it('adds a platform metrics line: ok with the instances reporting', async () => {
    server.handler = dashboardHandler({ health: counts });
    const health = await sourceFor().health();
    expect(health.status).toBe('ok');
    expect(health.checks.at(-1)).toEqual({ name: METRICS_WHERE, status: 'ok', message: 'site and plan metrics readable; 2 instance(s) reported CpuPercentage in the last hour' });
    expect(server.queries.map((q) => queryKind(q.query))).toEqual(['health']);
  });

  it('a metrics refusal is a warning naming the role; the logs checks are unchanged', async () => {
    server.handler = dashboardHandler({ health: counts });
    server.metricsHandler = () => errorReply(403, 'AuthorizationFailed', 'no');
    const health = await sourceFor().health();
    expect(health.status).toBe('warning');
    expect(health.checks.slice(0, 4).map((c) => c.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(health.checks.at(-1)?.message).toMatch(/Monitoring Reader/);
  });
});
