// What @azure/monitor-query-logs 1.0.0 does on its own, pinned down because the client works
// around each point. If an upgrade changes one of these, the matching workaround can go.
import { LogsQueryClient } from '@azure/monitor-query-logs';
import { FakeLogAnalyticsServer, tableReply } from '../testing/fake-log-analytics-server';
import { TEST_AUTH, TEST_WORKSPACE_ID, fakeCloudSettings, startFakeAzure } from '../testing/fake-azure';
import { createCredential } from './credentials';

let server: FakeLogAnalyticsServer;
let sdk: LogsQueryClient;
const timespan = { startTime: new Date(0), endTime: new Date(60_000) };

beforeEach(async () => {
  server = await startFakeAzure();
  const { cloud, transport } = fakeCloudSettings(server);
  sdk = new LogsQueryClient(createCredential(TEST_AUTH, cloud, transport), {
    endpoint: `${cloud.logsEndpoint}/v1`,
    credentials: { scopes: [cloud.logsScope] },
    retryOptions: { maxRetries: 0 },
    tlsOptions: { ca: transport.tlsCa },
  });
});
afterEach(async () => {
  await server.close();
});

it('ignores abortSignal (so call-registry.ts attaches the signal in a pipeline policy)', async () => {
  server.handler = () => ({ ...tableReply({ columns: [], rows: [] }), delayMs: 400 });
  const controller = new AbortController();
  const pending = sdk.queryWorkspace(TEST_WORKSPACE_ID, 'print 1', timespan, { abortSignal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  await expect(pending).resolves.toMatchObject({ status: 'Success' });
  expect(server.abandonedReplies).toBe(0);
});

it('turns datetime cells into Date objects, dropping digits past the millisecond (so rows come from the raw body)', async () => {
  server.handler = () => tableReply({ columns: [{ name: 'TimeGenerated', type: 'datetime' }], rows: [['2026-04-04T05:51:38.7555626Z']] });
  const result = await sdk.queryWorkspace(TEST_WORKSPACE_ID, 'print 1', timespan);
  const cell = result.status === 'Success' ? result.tables[0].rows[0][0] : undefined;
  expect(cell).toBeInstanceOf(Date);
  expect((cell as Date).toISOString()).toBe('2026-04-04T05:51:38.755Z');
});

it('puts a leading-slash resource id at /v1//subscriptions/… (so the client strips the slash)', async () => {
  const resourceId = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/app';
  await sdk.queryResource(resourceId, 'print 1', timespan).catch(() => undefined);
  expect(server.unknownRequests).toEqual([`POST /v1/${resourceId}/query`]);
});
