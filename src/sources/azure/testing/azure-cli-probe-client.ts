// The client the Azure CLI probe uses: real AzureCliCredential, cloud pointed at the fake.
import { resolveCloud } from '../client/clouds';
import { AzureAuth, createCredential, describeAuth } from '../client/credentials';
import { LogAnalyticsClient } from '../client/log-analytics-client';

export function clientFromSettings(url: string, ca: string, workspaceId: string, tenantId: string): LogAnalyticsClient {
  const cloud = resolveCloud({ logsEndpoint: url, authorityHost: url });
  const auth: AzureAuth = { kind: 'azureCli', tenantId };
  const transport = { tlsCa: ca, disableInstanceDiscovery: true };
  return new LogAnalyticsClient({
    target: { kind: 'workspace', workspaceId },
    cloud,
    transport,
    credential: createCredential(auth, cloud, transport),
    credentialDescription: describeAuth(auth),
  });
}
