// The site's configuration through the real @azure/arm-appservice client and a real
// ClientSecretCredential against the HTTPS fake's Resource Manager paths.
import { declaredConfigFrom } from '../../../engine/config';
import { AzureSource } from '../azure-source';
import type { AzureSourceSettings } from '../azure-settings';
import { dashboardHandler } from '../testing/corpus-replies';
import { TEST_AUTH, TEST_SECRET, fakeCloudSettings, startFakeAzure } from '../testing/fake-azure';
import { ArmRequest, FakeLogAnalyticsServer, FakeReply, errorReply } from '../testing/fake-log-analytics-server';
import { APP_SETTINGS_ROLE_HINT, parseSiteResourceId } from './site-config-reader';

const SITE = '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-lab-5xx/providers/Microsoft.Web/sites/app-lab5xx';
const request = { window: { from: Date.UTC(2026, 3, 4, 5, 30), to: Date.UTC(2026, 3, 4, 6, 0) }, binMs: 60_000 };
const SECRETS = ['hunter2', 'QWNjb3VudEtleQ==', 'tok-5150'];

const webConfig = {
  id: `${SITE}/config/web`,
  name: 'web',
  type: 'Microsoft.Web/sites/config',
  properties: {
    appCommandLine: 'gunicorn --bind 0.0.0.0:8000 --workers 2 --worker-class sync --timeout 30 app:app',
    linuxFxVersion: 'PYTHON|3.11',
    alwaysOn: false,
    healthCheckPath: '/health',
    numberOfWorkers: 1,
    publishingUsername: 'hunter2',
  },
};
const appSettings = {
  id: `${SITE}/config/appsettings`,
  name: 'appsettings',
  properties: {
    DB_PASSWORD: 'hunter2',
    AzureWebJobsStorage: 'DefaultEndpointsProtocol=https;AccountName=st;AccountKey=QWNjb3VudEtleQ==',
    GUNICORN_CMD_ARGS: '--threads 2 --env TOKEN=tok-5150',
    WEBSITES_CONTAINER_START_TIME_LIMIT: '600',
  },
};

function armSite(overrides: { web?: FakeReply; settings?: FakeReply } = {}) {
  return (armRequest: ArmRequest): FakeReply => {
    if (armRequest.method === 'GET' && /\/config\/web$/.test(armRequest.path)) {
      return overrides.web ?? { status: 200, body: webConfig };
    }
    if (armRequest.method === 'POST' && /\/config\/appsettings\/list$/.test(armRequest.path)) {
      return overrides.settings ?? { status: 200, body: appSettings };
    }
    return errorReply(404, 'ResourceNotFound', `no ${armRequest.path}`);
  };
}

let server: FakeLogAnalyticsServer;
beforeEach(async () => {
  server = await startFakeAzure();
  server.handler = dashboardHandler();
  server.armHandler = armSite();
});
afterEach(async () => {
  await server.close();
});

function sourceFor(resourceId = SITE, overrides: Partial<AzureSourceSettings> = {}): AzureSource {
  const { cloud, transport } = fakeCloudSettings(server);
  return new AzureSource({
    target: { kind: 'resource', resourceId },
    auth: TEST_AUTH,
    cloud: { logsEndpoint: cloud.logsEndpoint, authorityHost: cloud.authorityHost },
    armEndpoint: server.url,
    transport,
    retry: { baseDelayMs: 10, maxDelayMs: 20 },
    ...overrides,
  });
}

describe('site configuration from Resource Manager', () => {
  it('reads the web config and only the allow-listed app settings, with a bearer token, alongside the log queries', async () => {
    const data = await sourceFor().load(request);
    expect(server.armRequests.map((item) => [item.method, item.path])).toEqual(
      expect.arrayContaining([
        ['GET', `${SITE}/config/web`],
        ['POST', `${SITE}/config/appsettings/list`],
      ])
    );
    expect(server.armRequests).toHaveLength(2);
    expect(server.armRequests.every((item) => item.authorization === 'Bearer fake-access-token-for-tests' && item.apiVersion !== undefined)).toBe(true);
    expect(data.tables.length).toBe(5);
    expect(data.siteConfig).toEqual({
      notes: [],
      web: { appCommandLine: webConfig.properties.appCommandLine, linuxFxVersion: 'PYTHON|3.11', alwaysOn: false, healthCheckPath: '/health', numberOfWorkers: 1 },
      webFrom: 'azure:app-lab5xx config/web',
      appSettings: [
        { name: 'GUNICORN_CMD_ARGS', value: '--threads 2 --env TOKEN=<redacted>', slotSetting: false },
        { name: 'WEBSITES_CONTAINER_START_TIME_LIMIT', value: '600', slotSetting: false },
      ],
      appSettingsFrom: 'azure:app-lab5xx config/appsettings',
    });
    const declared = declaredConfigFrom(data.siteConfig!);
    expect(declared.workerModel).toMatchObject({ workers: { value: 2, from: 'appCommandLine' }, threads: { value: 2, from: 'GUNICORN_CMD_ARGS' }, timeoutSec: { value: 30 } });
    const everything = JSON.stringify({ data, declared });
    for (const secret of [...SECRETS, TEST_SECRET]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('on 403 listing app settings says which role is missing and carries on with the web config', async () => {
    server.armHandler = armSite({ settings: errorReply(403, 'AuthorizationFailed', "The client does not have authorization to perform action 'Microsoft.Web/sites/config/list/action'") });
    const data = await sourceFor().load(request);
    expect(data.tables.length).toBe(5);
    expect(data.siteConfig?.web).toMatchObject({ appCommandLine: webConfig.properties.appCommandLine });
    expect(data.siteConfig?.appSettings).toBeUndefined();
    const note = `app settings not read: 403 Forbidden: ${APP_SETTINGS_ROLE_HINT}`;
    expect(data.siteConfig?.notes).toEqual([note]);
    expect(data.warnings).toContainEqual({ where: 'site config', message: note });
    expect(note).toMatch(/Website Contributor/);
    expect(declaredConfigFrom(data.siteConfig!)).toMatchObject({ appSettingsRead: false, workerModel: { workers: { value: 2 } } });
  });

  it('on 403 reading the web config names the Reader action, and the logs still load', async () => {
    server.armHandler = armSite({ web: errorReply(403, 'AuthorizationFailed', 'no'), settings: errorReply(403, 'AuthorizationFailed', 'no') });
    const data = await sourceFor().load(request);
    expect(data.tables.length).toBe(5);
    expect(data.siteConfig?.web).toBeUndefined();
    expect(data.siteConfig?.notes?.[0]).toBe('site web config not read: 403 Forbidden: reading the site config needs Reader on the site (Microsoft.Web/sites/config/read)');
  });

  it('names a missing site and a server error without failing the load', async () => {
    server.armHandler = armSite({ web: errorReply(404, 'ResourceNotFound', 'gone'), settings: errorReply(500, 'InternalServerError', 'boom') });
    const data = await sourceFor().load(request);
    expect(data.siteConfig?.notes?.[0]).toMatch(/^site web config not read: 404 Not Found/);
    expect(data.siteConfig?.notes?.[1]).toMatch(/^app settings not read: HTTP 500 InternalServerError/);
  }, 30_000);

  it('reads a slot through the slot paths', async () => {
    await sourceFor(`${SITE}/slots/staging`).load(request);
    expect(server.armRequests.map((item) => item.path).sort()).toEqual([`${SITE}/slots/staging/config/appsettings/list`, `${SITE}/slots/staging/config/web`]);
  });

  it('reuses one reading across loads (configuration changes rarely)', async () => {
    const source = sourceFor();
    await source.load(request);
    await source.load({ ...request, window: { from: request.window.from - 60_000, to: request.window.to } });
    expect(server.armRequests).toHaveLength(2);
  });

  it('asks nothing of Resource Manager for a workspace target', async () => {
    const { cloud, transport } = fakeCloudSettings(server);
    const source = new AzureSource({ target: { kind: 'workspace', workspaceId: '0b6f3d1e-7c1a-4a53-9a43-2f1f2f7b9e10' }, auth: TEST_AUTH, cloud, transport, armEndpoint: server.url });
    const data = await source.load(request);
    expect(server.armRequests).toEqual([]);
    expect(data.siteConfig).toBeUndefined();
  });
});

describe('parseSiteResourceId', () => {
  it('splits site and slot ids', () => {
    expect(parseSiteResourceId(`${SITE}/slots/staging`)).toEqual({ subscriptionId: '00000000-1111-2222-3333-444444444444', resourceGroup: 'rg-lab-5xx', site: 'app-lab5xx', slot: 'staging' });
    expect(parseSiteResourceId('/subscriptions/x/resourceGroups/y/providers/Microsoft.Insights/components/z')).toBeUndefined();
  });
});
