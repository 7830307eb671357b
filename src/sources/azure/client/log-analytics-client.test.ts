// The real SDK client and a real ClientSecretCredential against the HTTPS loopback fake.
import { FakeLogAnalyticsServer, errorReply, tableReply } from '../testing/fake-log-analytics-server';
import { TEST_SECRET, TEST_WORKSPACE_ID, clientFor, startFakeAzure } from '../testing/fake-azure';
import { AzureQueryError } from './query-errors';

const window = { from: Date.UTC(2026, 3, 4, 5), to: Date.UTC(2026, 3, 4, 6) };
const spec = { name: 'AppServiceHTTPLogs', query: 'AppServiceHTTPLogs | take 1', window };
const columns = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'ScStatus', type: 'int' },
];

let server: FakeLogAnalyticsServer;
beforeEach(async () => {
  server = await startFakeAzure();
});
afterEach(async () => {
  await server.close();
});

it('queries a workspace over HTTPS with a token from the credential, keeping the REST shape exactly', async () => {
  server.handler = () => tableReply({ columns, rows: [['2026-04-04T05:51:38.7555626Z', 499]] });
  const outcome = await clientFor(server, { serverTimeoutSeconds: 90 }).query(spec);
  expect(outcome).toEqual({
    table: { name: 'AppServiceHTTPLogs', columns, rows: [['2026-04-04T05:51:38.7555626Z', 499]] },
    warnings: [],
    partial: false,
  });
  expect(server.tokenRequests).toHaveLength(1);
  expect(server.tokenRequests[0].get('grant_type')).toBe('client_credentials');
  expect(server.tokenRequests[0].get('scope')).toBe(`${server.url}/.default`);
  expect(server.queries).toHaveLength(1);
  expect(server.queries[0]).toMatchObject({
    kind: 'workspace',
    target: TEST_WORKSPACE_ID,
    query: spec.query,
    timespan: '2026-04-04T05:00:00.000Z/2026-04-04T06:00:00.000Z',
    prefer: 'wait=90',
  });
});

it('caps the server timeout (Prefer: wait) at the 10-minute Log Analytics limit', async () => {
  server.handler = () => tableReply({ columns, rows: [] });
  await clientFor(server, { serverTimeoutSeconds: 3600 }).query(spec);
  expect(server.queries[0].prefer).toBe('wait=600');
});

it('queries resource-centric at /v1{resourceId}/query', async () => {
  const resourceId = '/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Web/sites/app-1';
  server.handler = () => tableReply({ columns, rows: [] });
  await clientFor(server, {}, { kind: 'resource', resourceId }).query(spec);
  expect(server.unknownRequests).toEqual([]);
  expect(server.queries.map((q) => [q.kind, q.target])).toEqual([['resource', resourceId]]);
});

it('turns PartialError into data plus a warning naming the reason', async () => {
  server.handler = () => ({
    status: 200,
    body: {
      tables: [{ name: 'PrimaryResult', columns, rows: [['2026-04-04T05:00:01Z', 500]] }],
      error: { code: 'PartialError', message: 'There were some errors when processing your query.', details: [{ code: 'EngineError', message: 'Query exceeded the memory limit' }] },
    },
  });
  const outcome = await clientFor(server).query(spec);
  expect(outcome.partial).toBe(true);
  expect(outcome.table.rows).toEqual([['2026-04-04T05:00:01Z', 500]]);
  expect(outcome.warnings).toHaveLength(1);
  expect(outcome.warnings[0].where).toBe('AppServiceHTTPLogs');
  expect(outcome.warnings[0].message).toMatch(/partial result \(PartialError: .*memory limit/);
});

it('waits for Retry-After on 429, then succeeds', async () => {
  const started = Date.now();
  server.handler = (_q, index) =>
    index === 0 ? errorReply(429, 'ThrottledError', 'Too many requests', { 'Retry-After': '1' }) : tableReply({ columns, rows: [] });
  await clientFor(server).query(spec);
  expect(server.queries).toHaveLength(2);
  expect(Date.now() - started).toBeGreaterThanOrEqual(950);
});

it('fails at once, saying why, when Retry-After is longer than allowed', async () => {
  server.handler = () => errorReply(429, 'ThrottledError', 'Too many requests', { 'Retry-After': '120' });
  const error = await clientFor(server).query(spec).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AzureQueryError);
  expect((error as AzureQueryError).kind).toBe('throttled');
  expect((error as Error).message).toMatch(/wait 120 s \(Retry-After\)/);
  expect(server.queries).toHaveLength(1);
});

it('retries a 500 and returns the later success', async () => {
  server.handler = (_q, index) => (index === 0 ? errorReply(500, 'InternalServerError', 'boom') : tableReply({ columns, rows: [] }));
  const outcome = await clientFor(server).query(spec);
  expect(outcome.partial).toBe(false);
  expect(server.queries).toHaveLength(2);
});

it('gives up on a permanent 500 after the bounded attempts with a clear error', async () => {
  server.handler = () => errorReply(500, 'InternalServerError', 'The engine is unhealthy');
  const error = (await clientFor(server, { retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20 } })
    .query(spec)
    .catch((e: unknown) => e)) as AzureQueryError;
  expect(error).toBeInstanceOf(AzureQueryError);
  expect(error.kind).toBe('server');
  expect(error.attempts).toBe(3);
  expect(error.message).toBe(
    'AppServiceHTTPLogs: Log Analytics failed to run the query (gave up after 3 attempts): HTTP 500 InternalServerError: The engine is unhealthy — The engine is unhealthy (detail)'
  );
  expect(server.queries).toHaveLength(3);
});

it('does not retry a 400 and reports the service message', async () => {
  server.handler = () => errorReply(400, 'BadArgumentError', "Failed to resolve table expression named 'AppServiceHTTPLogs'");
  const error = (await clientFor(server).query(spec).catch((e: unknown) => e)) as AzureQueryError;
  expect(error.kind).toBe('bad-request');
  expect(error.message).toMatch(/rejected the query: HTTP 400 BadArgumentError: Failed to resolve table/);
  expect(server.queries).toHaveLength(1);
});

it('times out a slow response on the client and does not retry it', async () => {
  server.handler = () => ({ ...tableReply({ columns, rows: [] }), delayMs: 5000 });
  const started = Date.now();
  const error = (await clientFor(server, { attemptTimeoutMs: 300 }).query(spec).catch((e: unknown) => e)) as AzureQueryError;
  expect(error.kind).toBe('timeout');
  expect(error.message).toMatch(/did not finish in time/);
  expect(Date.now() - started).toBeLessThan(2000);
  expect(server.queries).toHaveLength(1);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(server.abandonedReplies).toBe(1);
});

it('cancels when the caller gives up, without waiting for the slow answer', async () => {
  server.handler = () => ({ ...tableReply({ columns, rows: [] }), delayMs: 5000 });
  const controller = new AbortController();
  const started = Date.now();
  const pending = clientFor(server).query(spec, controller.signal);
  setTimeout(() => controller.abort(), 200);
  const error = (await pending.catch((e: unknown) => e)) as AzureQueryError;
  expect(error.kind).toBe('cancelled');
  expect(Date.now() - started).toBeLessThan(2000);
  // The HTTP request itself was aborted (the SDK drops abortSignal; our pipeline policy restores it).
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(server.abandonedReplies).toBe(1);
});

it('names the credential kind on auth failure and never prints the secret', async () => {
  server.tokenHandler = () => ({
    status: 401,
    body: { error: 'invalid_client', error_description: `AADSTS7000215: Invalid client secret provided (${TEST_SECRET}).` },
  });
  const error = (await clientFor(server).query(spec).catch((e: unknown) => e)) as AzureQueryError;
  expect(error.kind).toBe('auth');
  expect(error.message).toMatch(/authentication failed with app registration \(client secret\), client 11111111-2222-3333-4444-555555555555, tenant tenant-under-test/);
  expect(error.message).not.toContain(TEST_SECRET);
  expect(server.queries).toHaveLength(0);
});
