// Auth modes driven for real against the HTTPS fake: Azure CLI (a stand-in `az` on PATH) and
// workload identity (a federated token file → client assertion at the cloud's token endpoint).
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { FAKE_ACCESS_TOKEN, FakeLogAnalyticsServer, MANAGED_IDENTITY_PATH, tableReply } from '../testing/fake-log-analytics-server';
import { TEST_WORKSPACE_ID, clientFor, fakeCloudSettings, startFakeAzure, testCertificate } from '../testing/fake-azure';
import { AZURE_CLOUDS, metricsEndpointFor, resolveCloud } from './clouds';
import { AzureAuth, authSecrets, createCredential, describeAuth } from './credentials';

const execFileAsync = promisify(execFile);
const restoreEnv = (name: string, value: string | undefined) => {
  if (value === undefined) {
    delete process.env[name];
  } else {
    process.env[name] = value;
  }
};
const spec = { name: 'probe', query: 'AppServiceHTTPLogs | take 1', window: { from: 0, to: 60_000 } };
const target = { kind: 'workspace' as const, workspaceId: TEST_WORKSPACE_ID };

let server: FakeLogAnalyticsServer;
let dir: string;
beforeEach(async () => {
  server = await startFakeAzure();
  server.handler = () => tableReply({ columns: [], rows: [] });
  dir = mkdtempSync(join(tmpdir(), 'appsvc-azure-auth-'));
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

it('Azure CLI: asks `az` for a token for the cloud audience and tenant, then queries with it', async () => {
  const log = join(dir, 'az-args.txt');
  writeFileSync(
    join(dir, 'az'),
    `#!/bin/sh\necho "$@" > '${log}'\necho '{"accessToken":"${FAKE_ACCESS_TOKEN}","expiresOn":"2099-01-01 00:00:00.000000","expires_on":4070908800,"tokenType":"Bearer"}'\n`
  );
  chmodSync(join(dir, 'az'), 0o755);
  const settings = { url: server.url, ca: testCertificate().cert, workspaceId: TEST_WORKSPACE_ID, tenantId: 'tenant-cli' };
  const { stdout } = await execFileAsync(
    process.execPath,
    [resolve('node_modules/tsx/dist/cli.mjs'), resolve(__dirname, '../testing/azure-cli-probe.ts'), JSON.stringify(settings)],
    { env: { ...process.env, PATH: `${dir}:${process.env.PATH}` }, timeout: 60_000 }
  );
  expect(JSON.parse(stdout)).toEqual({ ok: true, rows: 0 });
  expect(readFileSync(log, 'utf8').trim()).toBe(`account get-access-token --output json --resource ${server.url} --tenant tenant-cli`);
  expect(server.queries.map((q) => q.authorization)).toEqual([`Bearer ${FAKE_ACCESS_TOKEN}`]);
}, 60_000);

it('Azure CLI missing: the error names the credential kind and says how to fix it', async () => {
  const settings = { url: server.url, ca: testCertificate().cert, workspaceId: TEST_WORKSPACE_ID, tenantId: 'tenant-cli' };
  const { stdout } = await execFileAsync(
    process.execPath,
    [resolve('node_modules/tsx/dist/cli.mjs'), resolve(__dirname, '../testing/azure-cli-probe.ts'), JSON.stringify(settings)],
    { env: { ...process.env, PATH: dir }, timeout: 60_000 }
  );
  const result = JSON.parse(stdout) as { ok: boolean; error: string };
  expect(result.ok).toBe(false);
  expect(result.error).toMatch(/^probe: authentication failed with Azure CLI, tenant tenant-cli; .*Azure CLI could not be found/);
  expect(server.queries).toHaveLength(0);
}, 60_000);

it('workload identity: exchanges the federated token file at the authority host, then queries', async () => {
  const tokenFile = join(dir, 'federated-token');
  writeFileSync(tokenFile, 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2lnbmF0dXJl');
  const auth: AzureAuth = { kind: 'workloadIdentity', tenantId: 'tenant-wi', clientId: 'client-wi', tokenFilePath: tokenFile };
  await clientFor(server, {}, target, auth).query(spec);
  expect(server.tokenRequests).toHaveLength(1);
  const form = server.tokenRequests[0];
  expect(form.get('client_id')).toBe('client-wi');
  expect(form.get('client_assertion')).toBe(readFileSync(tokenFile, 'utf8'));
  expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
  expect(form.get('scope')).toBe(`${server.url}/.default`);
  expect(server.queries).toHaveLength(1);
});

it('managed identity (App Service): asks IDENTITY_ENDPOINT with IDENTITY_HEADER for the cloud audience, then queries', async () => {
  const saved = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };
  process.env.IDENTITY_ENDPOINT = `${server.url}${MANAGED_IDENTITY_PATH}`;
  process.env.IDENTITY_HEADER = 'identity-header-value';
  try {
    const auth: AzureAuth = { kind: 'managedIdentity', clientId: 'mi-client' };
    expect(describeAuth(auth)).toBe('managed identity, client mi-client');
    await clientFor(server, {}, target, auth).query(spec);
  } finally {
    restoreEnv('IDENTITY_ENDPOINT', saved.endpoint);
    restoreEnv('IDENTITY_HEADER', saved.header);
  }
  expect(server.managedIdentityRequests).toHaveLength(1);
  const call = server.managedIdentityRequests[0];
  expect(call.identityHeader).toBe('identity-header-value');
  expect(call.params.get('resource')).toBe(server.url);
  expect(call.params.get('client_id')).toBe('mi-client');
  expect(server.queries.map((q) => q.authorization)).toEqual([`Bearer ${FAKE_ACCESS_TOKEN}`]);
});

it('refuses incomplete app registration settings, naming the missing setting', () => {
  const { cloud } = fakeCloudSettings(server);
  expect(() => createCredential({ kind: 'clientSecret', tenantId: 't', clientId: 'c', clientSecret: ' ' }, cloud)).toThrow(
    'auth.clientSecret is required for this auth kind'
  );
  expect(() => createCredential({ kind: 'certificate' } as unknown as AzureAuth, cloud)).toThrow(/auth\.kind: "certificate" is not one of/);
});

it('describes credentials without their secret, and lists the secret for redaction', () => {
  const auth: AzureAuth = { kind: 'clientSecret', tenantId: 't1', clientId: 'c1', clientSecret: 's3cr3t-value' };
  expect(describeAuth(auth)).toBe('app registration (client secret), client c1, tenant t1');
  expect(authSecrets(auth)).toEqual(['s3cr3t-value']);
});

describe('sovereign clouds', () => {
  it.each([
    ['AzurePublicCloud', 'https://api.loganalytics.io', 'https://login.microsoftonline.com', 'metrics.monitor.azure.com'],
    ['AzureUSGovernment', 'https://api.loganalytics.us', 'https://login.microsoftonline.us', 'metrics.monitor.azure.us'],
    ['AzureChinaCloud', 'https://api.loganalytics.azure.cn', 'https://login.chinacloudapi.cn', 'metrics.monitor.azure.cn'],
  ] as const)('%s: endpoint %s, scope <endpoint>/.default, authority %s, metrics on <region>.%s', (name, endpoint, authority, metricsDomain) => {
    expect(resolveCloud(name)).toEqual({
      name,
      logsEndpoint: endpoint,
      logsScope: `${endpoint}/.default`,
      authorityHost: authority,
      metrics: { domain: metricsDomain, scope: `https://${metricsDomain}/.default` },
    });
    expect(metricsEndpointFor(resolveCloud(name), 'West Europe')).toBe(`https://westeurope.${metricsDomain}`);
  });

  it('never builds a metrics host from a region name that is not letters and digits', () => {
    const cloud = resolveCloud('AzurePublicCloud');
    expect(metricsEndpointFor(cloud, 'westeurope.evil.example/')).toBeUndefined();
    expect(metricsEndpointFor(cloud, '')).toBeUndefined();
  });

  it('a custom cloud reads metrics only from an explicit https metricsEndpoint', () => {
    const base = { logsEndpoint: 'https://la.example', authorityHost: 'https://login.example' };
    expect(metricsEndpointFor(resolveCloud(base), 'westeurope')).toBeUndefined();
    const custom = resolveCloud({ ...base, metricsEndpoint: 'https://metrics.example/ignored/path' });
    expect(custom.metrics).toEqual({ endpoint: 'https://metrics.example', scope: 'https://metrics.example/.default' });
    expect(metricsEndpointFor(custom, 'westeurope')).toBe('https://metrics.example');
    expect(() => resolveCloud({ ...base, metricsEndpoint: 'http://metrics.example' })).toThrow(/cloud\.metricsEndpoint: must be an https URL/);
  });

  it('defaults to the public cloud', () => {
    expect(resolveCloud(undefined)).toBe(AZURE_CLOUDS.AzurePublicCloud);
  });

  it('refuses an unknown cloud name and a plain-http endpoint', () => {
    expect(() => resolveCloud('AzureGermanCloud' as never)).toThrow(/cloud: unknown cloud "AzureGermanCloud"/);
    expect(() => resolveCloud({ logsEndpoint: 'http://la.example', authorityHost: 'https://login.example' })).toThrow(
      /cloud\.logsEndpoint: must be an https URL/
    );
  });
});
