// From the data source's saved fields (ConfigEditor: azureTarget, azureAuth, azureTenantId,
// azureClientId, azureCloud, secure azureClientSecret) to Azure source settings. Every problem
// names the field to fix.
import { SourceInputError } from '../source';
import { AzureSourceSettings } from './azure-settings';
import { AzureCloudName } from './client/clouds';
import { AzureAuth } from './client/credentials';
import { LogsTarget, validateTarget } from './client/logs-target';

export interface AzureDataSourceFields {
  azureTarget?: string;
  azureAuth?: string;
  azureTenantId?: string;
  azureClientId?: string;
  azureCloud?: string;
  /** From decrypted secureJsonData; never logged. */
  azureClientSecret?: string;
}

const blank = (value: string | undefined) => value === undefined || value.trim() === '';

function targetFrom(value: string | undefined): LogsTarget {
  if (blank(value)) {
    throw new SourceInputError('azureTarget is empty: enter a Log Analytics workspace id or an App Service resource id');
  }
  const trimmed = value!.trim();
  const target: LogsTarget = /^\/?subscriptions\//i.test(trimmed)
    ? { kind: 'resource', resourceId: trimmed }
    : { kind: 'workspace', workspaceId: trimmed };
  try {
    return validateTarget(target);
  } catch (error) {
    throw new SourceInputError(`azureTarget: ${(error as Error).message}`);
  }
}

function authFrom(fields: AzureDataSourceFields): AzureAuth {
  const kind = fields.azureAuth ?? 'managedIdentity';
  const tenantId = blank(fields.azureTenantId) ? undefined : fields.azureTenantId!.trim();
  const clientId = blank(fields.azureClientId) ? undefined : fields.azureClientId!.trim();
  switch (kind) {
    case 'managedIdentity':
      return { kind, clientId };
    case 'workloadIdentity':
      return { kind, tenantId, clientId };
    case 'azureCli':
      return { kind, tenantId };
    case 'clientSecret': {
      const missing = [
        !tenantId && 'azureTenantId',
        !clientId && 'azureClientId',
        blank(fields.azureClientSecret) && 'azureClientSecret (secure)',
      ].filter(Boolean);
      if (missing.length > 0) {
        throw new SourceInputError(`azureAuth is "clientSecret" but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} empty`);
      }
      return { kind, tenantId: tenantId!, clientId: clientId!, clientSecret: fields.azureClientSecret! };
    }
    default:
      throw new SourceInputError(`azureAuth: ${JSON.stringify(kind)} is not one of managedIdentity, workloadIdentity, clientSecret, azureCli`);
  }
}

export function azureSettingsFromDataSource(fields: AzureDataSourceFields): AzureSourceSettings {
  return {
    target: targetFrom(fields.azureTarget),
    auth: authFrom(fields),
    cloud: blank(fields.azureCloud) ? undefined : (fields.azureCloud as AzureCloudName),
  };
}
