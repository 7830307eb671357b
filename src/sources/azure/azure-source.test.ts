// The Azure source end to end: real SDK + real ClientSecretCredential → HTTPS fake answering
// from the corpus. Economy is measured by the fake's request count.
import { AzureSource, AzureSourceRequest, PERCENTILE_ESTIMATE_WARNING } from './azure-source';
import { AzureSourceSettings } from './azure-settings';
import { AzureQueryError } from './client/query-errors';
import { corpusTable, dashboardHandler, queryKind, snatConsole } from './testing/corpus-replies';
import { TEST_AUTH, TEST_SECRET, TEST_WORKSPACE_ID, fakeCloudSettings, startFakeAzure } from './testing/fake-azure';
import { FakeLogAnalyticsServer, errorReply, tableReply } from './testing/fake-log-analytics-server';

const window = { from: Date.UTC(2026, 3, 4, 5, 30), to: Date.UTC(2026, 3, 4, 6, 0) };
const request: AzureSourceRequest = { window, binMs: 60_000 };

let server: FakeLogAnalyticsServer;
beforeEach(async () => {
  server = await startFakeAzure();
  server.handler = dashboardHandler();
});
afterEach(async () => {
  await server.close();
});

function sourceFor(overrides: Partial<AzureSourceSettings> = {}): AzureSource {
  const { cloud, transport } = fakeCloudSettings(server);
  return new AzureSource({
    target: { kind: 'workspace', workspaceId: TEST_WORKSPACE_ID },
    auth: TEST_AUTH,
    cloud: { logsEndpoint: cloud.logsEndpoint, authorityHost: cloud.authorityHost },
    transport,
    retry: { baseDelayMs: 10, maxDelayMs: 20 },
    ...overrides,
  });
}

describe('economy', () => {
  it('a full dashboard refresh (7 panels at once, one range) costs 5 Log Analytics queries', async () => {
    const source = sourceFor();
    const panels = ['series', 'clusters', 'markers', 'hypotheses', 'workerModel', 'endpoints', 'logs'];
    const results = await Promise.all(panels.map(() => source.load(request)));
    expect(server.queries).toHaveLength(5);
    expect(server.queries.map((q) => queryKind(q.query)).sort()).toEqual(['clientAborts', 'console', 'httpBins', 'platform', 'scmDeploys']);
    expect(results.every((r) => r.queries === 5)).toBe(true);
    results.forEach((r) => expect(r.tables).toEqual(results[0].tables));
  });

  it('a refresh within the TTL is served from cache; after it expires the queries run again', async () => {
    const source = sourceFor({ cacheTtlMs: 300 });
    await source.load(request);
    await source.load(request);
    expect(server.queries).toHaveLength(5);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await source.load(request);
    expect(server.queries).toHaveLength(10);
  });

  it('a different range is a different cache key', async () => {
    const source = sourceFor();
    await source.load(request);
    await source.load({ ...request, window: { from: window.from - 60_000, to: window.to } });
    expect(server.queries).toHaveLength(10);
  });
});

describe('what a load returns', () => {
  it('HttpBins plus the four raw sets, tagged by kind, in the REST shape', async () => {
    const data = await sourceFor().load(request);
    expect(data.tables.map((t) => [t.kind, t.table.name])).toEqual([
      ['bins', 'HttpBins'],
      ['http', 'AppServiceHTTPLogs'],
      ['http', 'ScmDeployRequests'],
      ['console', 'AppServiceConsoleLogs'],
      ['platform', 'AppServicePlatformLogs'],
    ]);
    const http = data.tables[1].table;
    expect(http.rows).toHaveLength(129); // the snat lab's 499 rows
    expect(data.tables[2].table.rows.length).toBeGreaterThan(0); // the snat lab's Kudu deploys
    expect(data.tables[3].table.rows).toEqual(snatConsole().rows); // 500 lines, under the 5000 cap
    expect(data.truncated).toEqual({ clientAborts: false, scmDeploys: false, console: false, platform: false });
    expect(data.warnings.map((w) => w.message)).toContain(PERCENTILE_ESTIMATE_WARNING);
  });

  it('says "truncated" explicitly when a raw set exceeds its cap, keeping the newest rows', async () => {
    const data = await sourceFor({ caps: { console: 100 } }).load(request);
    const console = data.tables.find((t) => t.kind === 'console')!.table;
    expect(console.rows).toEqual(snatConsole().rows.slice(0, 100));
    expect(data.truncated.console).toBe(true);
    const warning = data.warnings.find((w) => w.where === 'AppServiceConsoleLogs')!;
    expect(warning.message).toMatch(/^truncated: more than 100 matching console lines in the window; kept the newest 100 \(back to 2026-04-04T05:5/);
    expect(server.queries.find((q) => queryKind(q.query) === 'console')!.query).toContain('| top 101 by TimeGenerated desc');
  });

  it('a failing raw set costs only that set, with a warning naming it', async () => {
    server.handler = dashboardHandler({ platform: () => errorReply(400, 'BadArgumentError', 'Query could not be parsed') });
    const data = await sourceFor().load(request);
    expect(data.tables.map((t) => t.kind)).toEqual(['bins', 'http', 'http', 'console']);
    expect(data.warnings).toContainEqual({
      where: 'AppServicePlatformLogs',
      message: expect.stringMatching(/^unavailable: AppServicePlatformLogs: Log Analytics rejected the query: HTTP 400/),
    });
  });

  it('a failing HttpBins query fails the load with a clear error', async () => {
    server.handler = dashboardHandler({ httpBins: () => errorReply(500, 'InternalServerError', 'down') });
    await expect(sourceFor({ retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 5 } }).load(request)).rejects.toThrow(
      /^HttpBins: Log Analytics failed to run the query \(gave up after 2 attempts\): HTTP 500/
    );
  });

  it('a fixed fine bin over a long window is split into bin-aligned HttpBins queries, and says so', async () => {
    const long = { from: Date.UTC(2026, 3, 1), to: Date.UTC(2026, 3, 4) };
    const data = await sourceFor().load({ window: long, binMs: 1000, binIsFixed: true, paths: ['/outbound'], instances: ['lw1'] });
    const binQueries = server.queries.filter((q) => queryKind(q.query) === 'httpBins');
    expect(binQueries.map((q) => q.timespan)).toEqual([
      '2026-04-01T00:00:00.000Z/2026-04-02T00:00:00.000Z',
      '2026-04-02T00:00:00.000Z/2026-04-03T00:00:00.000Z',
      '2026-04-03T00:00:00.000Z/2026-04-04T00:00:00.000Z',
    ]);
    expect(binQueries.every((q) => q.query.includes('bin(TimeGenerated, 1s)'))).toBe(true);
    expect(data.queries).toBe(7);
    expect(data.tables[0].table.rows).toHaveLength(3 * 3); // the fake's 3 sample rows per chunk, concatenated
    expect(data.warnings.map((w) => w.message).join('\n')).toMatch(/split into 3 queries to keep the fixed 1s bin/);
  });

  it('requires a window', async () => {
    await expect(sourceFor().load({ binMs: 60_000 })).rejects.toThrow(/a time window is required/);
  });

  it('filters reach the queries as escaped literals; the app filter applies in workspace mode only', async () => {
    await sourceFor({ app: { name: 'app-labsnat' } }).load({ ...request, paths: ['/outbound"|take 1'], instances: ['lw1'] });
    const bins = server.queries.find((q) => queryKind(q.query) === 'httpBins')!.query;
    expect(bins).toContain('| where CsUriStem in ("/outbound\\"|take 1")');
    expect(bins).toContain('| where _ResourceId endswith "/sites/app-labsnat"');
    server.queries.length = 0;
    const resourceId = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/app-labsnat';
    await sourceFor({ target: { kind: 'resource', resourceId }, app: { name: 'app-labsnat' } }).load(request);
    expect(server.queries.map((q) => [q.kind, q.target])).toEqual(Array(5).fill(['resource', resourceId]));
    expect(server.queries.every((q) => !q.query.includes('_ResourceId'))).toBe(true);
  });

  it('cancelling a load aborts its queries', async () => {
    server.handler = dashboardHandler({ httpBins: () => ({ ...tableReply(corpusTable('snat-exhaustion', 'kql-http-20260404T060610Z.json')), delayMs: 5000 }) });
    const controller = new AbortController();
    const pending = sourceFor().load({ ...request, signal: controller.signal });
    setTimeout(() => controller.abort(), 150);
    const error = (await pending.catch((e: unknown) => e)) as AzureQueryError;
    expect(error.kind).toBe('cancelled');
  });
});

describe('health', () => {
  const counts = (rows: unknown[][]) => () =>
    tableReply({
      columns: [
        { name: 'SourceTable', type: 'string' },
        { name: 'rowCount', type: 'long' },
        { name: 'lastRow', type: 'datetime' },
      ],
      rows,
    });

  it('ok when all three tables have rows in the last 24 h', async () => {
    server.handler = dashboardHandler({
      health: counts([
        ['AppServiceHTTPLogs', 1200, '2026-04-04T05:59:00Z'],
        ['AppServiceConsoleLogs', 500, '2026-04-04T05:59:43Z'],
        ['AppServicePlatformLogs', 200, '2026-04-04T05:58:00Z'],
      ]),
    });
    const health = await sourceFor().health();
    expect(health.status).toBe('ok');
    expect(health.checks.map((c) => c.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(server.queries[0].query).toMatch(/^union isfuzzy=true withsource=SourceTable AppServiceHTTPLogs, AppServiceConsoleLogs, AppServicePlatformLogs/);
  });

  it('names the diagnostic setting category to enable for a missing table', async () => {
    server.handler = dashboardHandler({ health: counts([['AppServiceHTTPLogs', 1200, '2026-04-04T05:59:00Z']]) });
    const health = await sourceFor().health();
    expect(health.status).toBe('warning');
    expect(health.message).toBe('Missing in the last 24 h: AppServiceConsoleLogs, AppServicePlatformLogs');
    expect(health.checks.find((c) => c.name === 'AppServiceConsoleLogs')!.message).toMatch(
      /no rows in the last 24 h\. In the App Service's Diagnostic settings, enable the category "App Service Console Logs" \(AppServiceConsoleLogs\)/
    );
  });

  it('a workspace where none of the tables exist gets the diagnostic-settings advice for all three', async () => {
    server.handler = dashboardHandler({
      health: () => errorReply(400, 'BadArgumentError', "'union' operator: Failed to resolve table expression named 'AppServiceHTTPLogs'"),
    });
    const health = await sourceFor().health();
    expect(health.status).toBe('error');
    expect(health.checks.map((c) => [c.name, c.status])).toEqual([
      ['reachable', 'ok'],
      ['AppServiceHTTPLogs', 'error'],
      ['AppServiceConsoleLogs', 'warning'],
      ['AppServicePlatformLogs', 'warning'],
    ]);
    expect(health.checks[1].message).toMatch(/enable the category "HTTP logs" \(AppServiceHTTPLogs\)/);
  });

  it('is an error naming the credential kind when authentication fails, without the secret', async () => {
    server.tokenHandler = () => ({ status: 401, body: { error: 'invalid_client', error_description: `bad secret ${TEST_SECRET}` } });
    const health = await sourceFor().health();
    expect(health.status).toBe('error');
    expect(health.message).toMatch(/^health: authentication failed with app registration \(client secret\), client 1111/);
    expect(JSON.stringify(health)).not.toContain(TEST_SECRET);
  });

  it('is an error when Log Analytics cannot be reached', async () => {
    const source = sourceFor({ retry: { maxAttempts: 1 } });
    server.handler = () => errorReply(404, 'WorkspaceNotFoundError', 'Workspace not found');
    const health = await source.health();
    expect(health.status).toBe('error');
    expect(health.message).toMatch(/was not found \(check the id and the cloud/);
  });
});
