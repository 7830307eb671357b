// The metrics client through the real @azure/monitor-query-metrics MetricsClient and a real
// ClientSecretCredential against the HTTPS fake's metrics:getBatch route. Economy and retries are
// measured by the fake's request count.
import { resolveCloud } from '../client/clouds';
import { authSecrets, createCredential, describeAuth } from '../client/credentials';
import { AzureQueryError } from '../client/query-errors';
import { TEST_AUTH, TEST_SECRET, startFakeAzure, testCertificate } from '../testing/fake-azure';
import { FakeLogAnalyticsServer, errorReply } from '../testing/fake-log-analytics-server';
import { syntheticMetricsReply } from '../testing/metrics-batch-route';
import { AzureMetricsClient, AzureMetricsClientOptions, MetricsBatchSpec } from './metrics-client';
import { instanceFilter } from './metrics-filter';
import { metricsFromSdkResults } from './sdk-results';

const SUB = '00000000-1111-2222-3333-444444444444';
const SITE = `/subscriptions/${SUB}/resourceGroups/rg-lab-5xx/providers/Microsoft.Web/sites/app-lab5xx`;
const window = { from: Date.UTC(2026, 3, 4, 5, 30), to: Date.UTC(2026, 3, 4, 5, 35) };
const INSTANCES = ['lw1sdlwk0001', 'lw1sdlwk0002'];

let server: FakeLogAnalyticsServer;
beforeEach(async () => {
  server = await startFakeAzure();
  server.metricsHandler = (request) => syntheticMetricsReply(request, { instances: INSTANCES });
});
afterEach(async () => {
  await server.close();
});

function clientFor(overrides: Partial<AzureMetricsClientOptions> = {}): AzureMetricsClient {
  const cloud = resolveCloud({ logsEndpoint: server.url, authorityHost: server.url, metricsEndpoint: server.url });
  const transport = { tlsCa: testCertificate().cert, disableInstanceDiscovery: true };
  return new AzureMetricsClient({
    credential: createCredential(TEST_AUTH, cloud, transport),
    scope: cloud.metrics!.scope,
    credentialDescription: describeAuth(TEST_AUTH),
    secrets: authSecrets(TEST_AUTH),
    tlsCa: transport.tlsCa,
    retry: { baseDelayMs: 10, maxDelayMs: 20 },
    ...overrides,
  });
}

function spec(overrides: Partial<MetricsBatchSpec> = {}): MetricsBatchSpec {
  return {
    name: 'site metrics',
    endpoint: server.url,
    resourceIds: [SITE],
    namespace: 'Microsoft.Web/sites',
    metricNames: ['Requests', 'Http5xx', 'HttpResponseTime'],
    aggregation: 'total,average',
    filter: "Instance eq '*'",
    interval: 'PT1M',
    top: 100,
    window,
    forbiddenHint: 'reading metrics needs "Monitoring Reader" (or Reader) on the site and on its App Service plan',
    ...overrides,
  };
}

describe('the request the real SDK sends', () => {
  it('POSTs metrics:getBatch with a bearer token for the metrics scope, the filter, grain, window and resource ids', async () => {
    const outcome = await clientFor().query(spec());
    expect(server.metricsRequests).toHaveLength(1);
    expect(server.metricsRequests[0]).toEqual({
      subscription: SUB,
      resourceIds: [SITE],
      namespace: 'Microsoft.Web/sites',
      metricNames: ['Requests', 'Http5xx', 'HttpResponseTime'],
      aggregation: 'total,average',
      interval: 'PT1M',
      filter: "Instance eq '*'",
      top: '100',
      startTime: '2026-04-04T05:30:00.000Z',
      endTime: '2026-04-04T05:35:00.000Z',
      apiVersion: '2024-02-01',
      authorization: 'Bearer fake-access-token-for-tests',
    });
    expect(server.tokenRequests.map((form) => form.get('scope'))).toEqual([`${server.url}/.default`]);
    const metrics = metricsFromSdkResults(outcome.results, 'azure site metrics', 60_000);
    expect(metrics.issues).toEqual([]);
    // Names from the metric id: the SDK itself reports "Http Server Errors" for Http5xx.
    expect(metrics.series.map((s) => `${s.name}/${s.instance}/${s.unit}/${s.points.length}`)).toEqual([
      'Requests/lw1sdlwk0001/Count/5',
      'Requests/lw1sdlwk0002/Count/5',
      'Http5xx/lw1sdlwk0001/Count/5',
      'Http5xx/lw1sdlwk0002/Count/5',
      'HttpResponseTime/lw1sdlwk0001/Seconds/5',
      'HttpResponseTime/lw1sdlwk0002/Seconds/5',
    ]);
    expect(metrics.series[0].points[0]).toEqual({ time: window.from, total: expect.any(Number), average: expect.any(Number) });
    expect(metrics.series[0].origin).toBe('azure site metrics sites/app-lab5xx');
  });

  it.each([
    ["x' or Instance eq '*"],
    ["''"],
    ["a'b"],
    ['Instance eq *'],
    ['名前 & ?filter=%27'],
  ])('a hostile instance name %p reaches the service as one escaped literal', async (hostile) => {
    const filter = instanceFilter([hostile, 'lw1sdlwk0001']);
    const outcome = await clientFor().query(spec({ filter }));
    expect(server.metricsRequests[0].filter).toBe(filter);
    const instances = metricsFromSdkResults(outcome.results, 'x', 60_000).series.filter((s) => s.name === 'Requests').map((s) => s.instance);
    expect(instances).toEqual([hostile, 'lw1sdlwk0001']);
  });
});

describe('faults', () => {
  it('429 with a short Retry-After is waited for and retried', async () => {
    server.metricsHandler = (request, index) =>
      index === 0 ? errorReply(429, 'TooManyRequests', 'slow down', { 'Retry-After': '0' }) : syntheticMetricsReply(request, { instances: INSTANCES });
    const outcome = await clientFor().query(spec());
    expect(outcome.results).toHaveLength(1);
    expect(server.metricsRequests).toHaveLength(2);
  });

  it('429 asking for longer than allowed fails at once and says so', async () => {
    server.metricsHandler = () => errorReply(429, 'TooManyRequests', 'slow down', { 'Retry-After': '120' });
    const error = await clientFor().query(spec()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AzureQueryError);
    expect(error).toMatchObject({ kind: 'throttled', status: 429 });
    expect((error as Error).message).toMatch(/^site metrics: Azure Monitor metrics throttled the request \(429\) \(the service asked to wait 120 s \(Retry-After\)/);
    expect(server.metricsRequests).toHaveLength(1);
  });

  it('5xx is retried a bounded number of times, then named', async () => {
    server.metricsHandler = () => errorReply(503, 'ServiceUnavailable', 'metrics backend down');
    const error = await clientFor({ retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 10 } }).query(spec()).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'server', status: 503, attempts: 3 });
    expect((error as Error).message).toMatch(/gave up after 3 attempts.*metrics backend down/);
    expect(server.metricsRequests).toHaveLength(3);
  });

  it('an attempt past its deadline is aborted and reported as a timeout', async () => {
    server.metricsHandler = (request) => ({ ...syntheticMetricsReply(request, { instances: INSTANCES }), delayMs: 5000 });
    const error = await clientFor({ attemptTimeoutMs: 150, retry: { maxAttempts: 1 } }).query(spec()).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect((error as Error).message).toMatch(/did not finish in time.*no answer within 150 ms/);
    await waitFor(() => server.abandonedReplies === 1);
  });

  it("the caller's AbortSignal aborts the HTTP request", async () => {
    server.metricsHandler = (request) => ({ ...syntheticMetricsReply(request, { instances: INSTANCES }), delayMs: 5000 });
    const controller = new AbortController();
    const pending = clientFor().query(spec(), controller.signal);
    await waitFor(() => server.metricsRequests.length === 1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
    await waitFor(() => server.abandonedReplies === 1);
  });

  it('403 names the role that is missing and is not retried; no secret in the message', async () => {
    server.metricsHandler = () => errorReply(403, 'AuthorizationFailed', `The client '${TEST_AUTH.kind}' does not have authorization to perform action 'Microsoft.Insights/metrics/read'`);
    const error = await clientFor().query(spec()).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth', status: 403, attempts: 1 });
    expect((error as Error).message).toMatch(/Monitoring Reader.*on the site and on its App Service plan/);
    expect((error as Error).message).not.toContain(TEST_SECRET);
    expect(server.metricsRequests).toHaveLength(1);
  });

  it('a metric Azure failed comes back as a result with its error code (other metrics kept), and is not cached', async () => {
    server.metricsHandler = (request) => syntheticMetricsReply(request, { instances: INSTANCES, failedMetrics: { Http5xx: { code: 'MetricNotSupported', message: 'not now' } } });
    const client = clientFor();
    const outcome = await client.query(spec());
    const metrics = metricsFromSdkResults(outcome.results, 'azure site metrics', 60_000);
    expect(metrics.issues).toEqual([{ where: 'azure site metrics sites/app-lab5xx', message: 'Http5xx: Azure returned MetricNotSupported: not now' }]);
    expect([...new Set(metrics.series.map((s) => s.name))]).toEqual(['Requests', 'HttpResponseTime']);
    await client.query(spec());
    expect(server.metricsRequests).toHaveLength(2);
  });
});

describe('economy', () => {
  it('identical concurrent queries share one request; a repeat within the TTL is served from cache', async () => {
    const client = clientFor();
    await Promise.all(Array.from({ length: 7 }, () => client.query(spec())));
    expect(server.metricsRequests).toHaveLength(1);
    await client.query(spec());
    expect(server.metricsRequests).toHaveLength(1);
    await client.query(spec({ window: { from: window.from - 60_000, to: window.to } }));
    expect(server.metricsRequests).toHaveLength(2);
  });

  it('one caller giving up does not cancel the request the others wait for', async () => {
    server.metricsHandler = (request) => ({ ...syntheticMetricsReply(request, { instances: INSTANCES }), delayMs: 200 });
    const client = clientFor();
    const controller = new AbortController();
    const leaving = client.query(spec(), controller.signal);
    const staying = client.query(spec());
    controller.abort();
    await expect(leaving).rejects.toMatchObject({ kind: 'cancelled' });
    await expect(staying).resolves.toMatchObject({ results: [expect.anything()] });
    expect(server.metricsRequests).toHaveLength(1);
    expect(server.abandonedReplies).toBe(0);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(condition()).toBe(true);
}
