// What @azure/monitor-query-metrics 1.0.0 does on its own, pinned down because the client works
// around each point. If an upgrade changes one of these, the matching workaround can go.
import { MetricsClient } from '@azure/monitor-query-metrics';
import { resolveCloud } from '../client/clouds';
import { createCredential } from '../client/credentials';
import { TEST_AUTH, startFakeAzure, testCertificate } from '../testing/fake-azure';
import { FakeLogAnalyticsServer } from '../testing/fake-log-analytics-server';
import { syntheticMetricsReply } from '../testing/metrics-batch-route';
import { AzureMetricsClient } from './metrics-client';

const SITE = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/app';
const window = { from: Date.UTC(2026, 3, 4, 5, 30), to: Date.UTC(2026, 3, 4, 5, 32) };

let server: FakeLogAnalyticsServer;
let sdk: MetricsClient;
beforeEach(async () => {
  server = await startFakeAzure();
  server.metricsHandler = (request) => syntheticMetricsReply(request, { instances: ['i1'] });
  const cloud = resolveCloud({ logsEndpoint: server.url, authorityHost: server.url, metricsEndpoint: server.url });
  const transport = { tlsCa: testCertificate().cert, disableInstanceDiscovery: true };
  sdk = new MetricsClient(server.url, createCredential(TEST_AUTH, cloud, transport), {
    credentials: { scopes: [cloud.metrics!.scope] },
    retryOptions: { maxRetries: 0 },
    tlsOptions: { ca: transport.tlsCa },
  });
});
afterEach(async () => {
  await server.close();
});

const options = { startTime: new Date(window.from), endTime: new Date(window.to), interval: 'PT1M', filter: "Instance eq '*'" };

it('names a metric by its localized display name (so sdk-results.ts reads the name from the metric id)', async () => {
  const [result] = await sdk.queryResources([SITE], ['Http5xx'], 'Microsoft.Web/sites', options);
  expect(result.metrics[0].name).toBe('Http Server Errors');
  expect(result.metrics[0].id.endsWith('/metrics/Http5xx')).toBe(true);
});

it('honours abortSignal and onResponse although its declared options omit them', async () => {
  server.metricsHandler = (request) => ({ ...syntheticMetricsReply(request, { instances: ['i1'] }), delayMs: 2000 });
  const controller = new AbortController();
  const statuses: number[] = [];
  const pending = sdk.queryResources([SITE], ['Requests'], 'Microsoft.Web/sites', { ...options, abortSignal: controller.signal, onResponse: (r: { status: number }) => statuses.push(r.status) } as typeof options);
  setTimeout(() => controller.abort(), 100);
  await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  for (let i = 0; i < 100 && server.abandonedReplies === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(server.abandonedReplies).toBe(1);
  await sdk.queryResources([SITE], ['Requests'], 'Microsoft.Web/sites', { ...options, onResponse: (r: { status: number }) => statuses.push(r.status) } as typeof options);
  expect(statuses).toEqual([200]);
});

it('throws a TypeError on a failed metric sent without a timeseries array; the client names it as an unreadable reply', async () => {
  const failed = (request: Parameters<typeof syntheticMetricsReply>[0]) => {
    const reply = syntheticMetricsReply(request, { instances: ['i1'], failedMetrics: { Requests: { code: 'Throttled', message: 'x' } } });
    const body = reply.body as { values: Array<{ value: Array<Record<string, unknown>> }> };
    delete body.values[0].value[0].timeseries;
    return reply;
  };
  server.metricsHandler = failed;
  await expect(sdk.queryResources([SITE], ['Requests'], 'Microsoft.Web/sites', options)).rejects.toBeInstanceOf(TypeError);
  const client = new AzureMetricsClient({
    credential: createCredential(TEST_AUTH, resolveCloud({ logsEndpoint: server.url, authorityHost: server.url }), { tlsCa: testCertificate().cert, disableInstanceDiscovery: true }),
    scope: `${server.url}/.default`,
    credentialDescription: 'test',
    tlsCa: testCertificate().cert,
    retry: { maxAttempts: 1 },
  });
  const spec = {
    name: 'site metrics', endpoint: server.url, resourceIds: [SITE], namespace: 'Microsoft.Web/sites', metricNames: ['Requests'], aggregation: 'total',
    filter: "Instance eq '*'", interval: 'PT1M', top: 10, window, forbiddenHint: '',
  };
  await expect(client.query(spec)).rejects.toMatchObject({ kind: 'server', message: expect.stringMatching(/the reply could not be read/) });
});
