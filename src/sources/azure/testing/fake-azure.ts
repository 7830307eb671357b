// Test wiring: the HTTPS fake plus real credential, client and source objects pointed at it.
import type { AzureSourceSettings } from '../azure-settings';
import { AzureSource } from '../azure-source';
import { resolveCloud } from '../client/clouds';
import { AzureAuth, createCredential, describeAuth, authSecrets } from '../client/credentials';
import { LogAnalyticsClient, LogAnalyticsClientOptions } from '../client/log-analytics-client';
import { LogsTarget } from '../client/logs-target';
import { FakeLogAnalyticsServer } from './fake-log-analytics-server';
import { createTestCertificate, TestCertificate } from './test-certificate';

export const TEST_WORKSPACE_ID = '0b6f3d1e-7c1a-4a53-9a43-2f1f2f7b9e10';
export const TEST_SECRET = 'very-secret-client-value-0123456789';
export const TEST_AUTH: AzureAuth = {
  kind: 'clientSecret',
  tenantId: 'tenant-under-test',
  clientId: '11111111-2222-3333-4444-555555555555',
  clientSecret: TEST_SECRET,
};

let certificate: TestCertificate | undefined;

/** One certificate per test file (openssl takes ~100 ms). */
export function testCertificate(): TestCertificate {
  certificate ??= createTestCertificate();
  return certificate;
}

export async function startFakeAzure(): Promise<FakeLogAnalyticsServer> {
  return FakeLogAnalyticsServer.start(testCertificate());
}

/** The cloud and transport that point the real SDK and credential at the fake. */
export function fakeCloudSettings(server: FakeLogAnalyticsServer) {
  const cloud = resolveCloud({ logsEndpoint: server.url, authorityHost: server.url });
  const transport = { tlsCa: testCertificate().cert, disableInstanceDiscovery: true };
  return { cloud, transport };
}

/** A real LogAnalyticsClient over a real ClientSecretCredential, both talking to the fake. */
export function clientFor(
  server: FakeLogAnalyticsServer,
  overrides: Partial<LogAnalyticsClientOptions> = {},
  target: LogsTarget = { kind: 'workspace', workspaceId: TEST_WORKSPACE_ID },
  auth: AzureAuth = TEST_AUTH
): LogAnalyticsClient {
  const { cloud, transport } = fakeCloudSettings(server);
  return new LogAnalyticsClient({
    target,
    cloud,
    transport,
    credential: createCredential(auth, cloud, transport),
    credentialDescription: describeAuth(auth),
    secrets: authSecrets(auth),
    retry: { baseDelayMs: 20, maxDelayMs: 80 },
    ...overrides,
  });
}

/** A real AzureSource reading one site (resource target) from the fake: logs, Resource Manager and metrics. */
export function siteSourceFor(server: FakeLogAnalyticsServer, resourceId: string, overrides: Partial<AzureSourceSettings> = {}): AzureSource {
  const { cloud, transport } = fakeCloudSettings(server);
  return new AzureSource({
    target: { kind: 'resource', resourceId },
    auth: TEST_AUTH,
    cloud: { logsEndpoint: cloud.logsEndpoint, authorityHost: cloud.authorityHost, metricsEndpoint: server.url },
    armEndpoint: server.url,
    transport,
    ...overrides,
  });
}
