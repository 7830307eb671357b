// Credentials for the four supported auth modes. Secrets stay inside the credential object:
// descriptions and errors name the kind, tenant and client id only.
import type { TokenCredential } from '@azure/core-auth';
import {
  AzureCliCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
} from '@azure/identity';
import { SourceInputError } from '../../source';
import { AzureCloud } from './clouds';

export type AzureAuth =
  | { kind: 'managedIdentity'; clientId?: string }
  | { kind: 'workloadIdentity'; tenantId?: string; clientId?: string; tokenFilePath?: string }
  | { kind: 'clientSecret'; tenantId: string; clientId: string; clientSecret: string }
  | { kind: 'azureCli'; tenantId?: string };

export type AzureAuthKind = AzureAuth['kind'];

/** Transport settings shared by the credential and the query client (private CA, test servers). */
export interface AzureTransport {
  /** Extra trusted CA certificates (PEM), replacing the default set for these clients only. */
  tlsCa?: string;
  /** Skip Entra instance discovery (needed for private/sovereign authority hosts unknown to it). */
  disableInstanceDiscovery?: boolean;
}

const KIND_LABELS: Record<AzureAuthKind, string> = {
  managedIdentity: 'managed identity',
  workloadIdentity: 'workload identity',
  clientSecret: 'app registration (client secret)',
  azureCli: 'Azure CLI',
};

/** A human description of the credential that never contains a secret. */
export function describeAuth(auth: AzureAuth): string {
  const parts = [KIND_LABELS[auth.kind] ?? String(auth.kind)];
  if ('clientId' in auth && auth.clientId) {
    parts.push(`client ${auth.clientId}`);
  }
  if ('tenantId' in auth && auth.tenantId) {
    parts.push(`tenant ${auth.tenantId}`);
  }
  return parts.join(', ');
}

/** Secret values of an auth setting, so error texts can be scrubbed of them. */
export function authSecrets(auth: AzureAuth): string[] {
  return auth.kind === 'clientSecret' && auth.clientSecret ? [auth.clientSecret] : [];
}

function required(value: string | undefined, setting: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SourceInputError(`auth.${setting} is required for this auth kind`);
  }
  return value;
}

export function createCredential(auth: AzureAuth, cloud: AzureCloud, transport: AzureTransport = {}): TokenCredential {
  const common = {
    authorityHost: cloud.authorityHost,
    disableInstanceDiscovery: transport.disableInstanceDiscovery,
    ...(transport.tlsCa ? { tlsOptions: { ca: transport.tlsCa } } : {}),
  };
  switch (auth.kind) {
    case 'managedIdentity':
      return auth.clientId ? new ManagedIdentityCredential({ ...common, clientId: auth.clientId }) : new ManagedIdentityCredential(common);
    case 'workloadIdentity':
      return new WorkloadIdentityCredential({
        ...common,
        tenantId: auth.tenantId,
        clientId: auth.clientId,
        tokenFilePath: auth.tokenFilePath,
      });
    case 'clientSecret':
      return new ClientSecretCredential(
        required(auth.tenantId, 'tenantId'),
        required(auth.clientId, 'clientId'),
        required(auth.clientSecret, 'clientSecret'),
        common
      );
    case 'azureCli':
      return new AzureCliCredential({ tenantId: auth.tenantId });
    default:
      throw new SourceInputError(
        `auth.kind: ${JSON.stringify((auth as { kind: unknown }).kind)} is not one of ${Object.keys(KIND_LABELS).join(', ')}`
      );
  }
}
