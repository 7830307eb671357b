// Sovereign clouds: each has its own Log Analytics endpoint, token scope and Entra authority.
import { AzureAuthorityHosts } from '@azure/identity';
import { KnownMonitorLogsQueryAudience } from '@azure/monitor-query-logs';
import { SourceInputError } from '../../source';

export type AzureCloudName = 'AzurePublicCloud' | 'AzureUSGovernment' | 'AzureChinaCloud';

export interface AzureCloud {
  name: string;
  /** Log Analytics query API root, e.g. `https://api.loganalytics.us` (the client appends `/v1`). */
  logsEndpoint: string;
  /** OAuth scope for Log Analytics tokens: the audience plus `/.default`. */
  logsScope: string;
  /** Entra ID authority host used by the credential. */
  authorityHost: string;
}

const cloud = (name: AzureCloudName, audience: string, authorityHost: string): AzureCloud => ({
  name,
  logsEndpoint: audience,
  logsScope: `${audience}/.default`,
  authorityHost,
});

export const AZURE_CLOUDS: Record<AzureCloudName, AzureCloud> = {
  AzurePublicCloud: cloud('AzurePublicCloud', KnownMonitorLogsQueryAudience.AzurePublicCloud, AzureAuthorityHosts.AzurePublicCloud),
  AzureUSGovernment: cloud('AzureUSGovernment', KnownMonitorLogsQueryAudience.AzureGovernment, AzureAuthorityHosts.AzureGovernment),
  AzureChinaCloud: cloud('AzureChinaCloud', KnownMonitorLogsQueryAudience.AzureChina, AzureAuthorityHosts.AzureChina),
};

/** A cloud not in the list (Azure Stack, a test server): endpoints given explicitly. */
export interface CustomCloud {
  logsEndpoint: string;
  authorityHost: string;
  /** Defaults to `<logsEndpoint>/.default`. */
  logsScope?: string;
}

function httpsOrigin(value: string, setting: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SourceInputError(`${setting}: ${JSON.stringify(value)} is not a URL`);
  }
  if (url.protocol !== 'https:') {
    throw new SourceInputError(`${setting}: must be an https URL (tokens are never sent over plain http), got ${url.protocol}`);
  }
  return url.origin;
}

export function resolveCloud(setting: AzureCloudName | CustomCloud | undefined): AzureCloud {
  if (setting === undefined) {
    return AZURE_CLOUDS.AzurePublicCloud;
  }
  if (typeof setting === 'string') {
    // `AzureCloud` is the Azure CLI's name for the public cloud (`az cloud list`).
    const known = AZURE_CLOUDS[setting === ('AzureCloud' as string) ? 'AzurePublicCloud' : setting];
    if (!known) {
      throw new SourceInputError(`cloud: unknown cloud ${JSON.stringify(setting)}; use one of ${Object.keys(AZURE_CLOUDS).join(', ')}`);
    }
    return known;
  }
  const logsEndpoint = httpsOrigin(setting.logsEndpoint, 'cloud.logsEndpoint');
  return {
    name: `custom (${logsEndpoint})`,
    logsEndpoint,
    logsScope: setting.logsScope ?? `${logsEndpoint}/.default`,
    authorityHost: httpsOrigin(setting.authorityHost, 'cloud.authorityHost'),
  };
}
