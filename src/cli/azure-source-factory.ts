// Builds the Azure source for `--source azure:<workspace-id | app resource id>`. Credentials come from
// the environment, as the Azure SDKs and CLI read them; the secret is passed on, never printed.
import { AzureSource, type AzureAuth } from '../sources/azure';
import type { Source } from '../sources/source';
import { InputError } from './cli-error';

export const AUTH_KINDS = ['azure-cli', 'managed-identity', 'workload-identity', 'client-secret'] as const;
export type AuthChoice = (typeof AUTH_KINDS)[number];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The auth the environment implies when --auth is not given: secret, then workload, then managed identity, else the Azure CLI login. */
export function authFromEnvironment(env: NodeJS.ProcessEnv, choice?: AuthChoice): AzureAuth {
  const tenantId = env.AZURE_TENANT_ID || undefined;
  const clientId = env.AZURE_CLIENT_ID || undefined;
  const kind =
    choice ??
    (env.AZURE_CLIENT_SECRET ? 'client-secret' : env.AZURE_FEDERATED_TOKEN_FILE ? 'workload-identity' : env.IDENTITY_ENDPOINT || env.MSI_ENDPOINT ? 'managed-identity' : 'azure-cli');
  switch (kind) {
    case 'client-secret':
      if (!tenantId || !clientId || !env.AZURE_CLIENT_SECRET) {
        throw new InputError('--auth client-secret needs AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET in the environment');
      }
      return { kind: 'clientSecret', tenantId, clientId, clientSecret: env.AZURE_CLIENT_SECRET };
    case 'workload-identity':
      return { kind: 'workloadIdentity', tenantId, clientId, tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE || undefined };
    case 'managed-identity':
      return { kind: 'managedIdentity', clientId };
    case 'azure-cli':
      return { kind: 'azureCli', tenantId };
  }
}

export function azureSourceFactory(env: NodeJS.ProcessEnv, choice?: AuthChoice): (target: string) => Source {
  return (target) =>
    new AzureSource({
      target: GUID.test(target.trim()) ? { kind: 'workspace', workspaceId: target } : { kind: 'resource', resourceId: target },
      auth: authFromEnvironment(env, choice),
    });
}
