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
  /**
   * Metrics data plane (`metrics:getBatch`): regional hosts `https://<region>.<metricsDomain>`, or one
   * fixed origin for a custom cloud; absent when the cloud has none (metrics are then not read).
   */
  metrics?: { domain: string; scope: string } | { endpoint: string; scope: string };
}

const cloud = (name: AzureCloudName, audience: string, authorityHost: string, metricsDomain: string): AzureCloud => ({
  name,
  logsEndpoint: audience,
  logsScope: `${audience}/.default`,
  authorityHost,
  // The data plane's own audience, not Resource Manager's (the SDK's KnownMonitorMetricsQueryAudience
  // names management.* hosts; the metrics service documents metrics.monitor.azure.{com,us,cn}).
  metrics: { domain: metricsDomain, scope: `https://${metricsDomain}/.default` },
});

export const AZURE_CLOUDS: Record<AzureCloudName, AzureCloud> = {
  AzurePublicCloud: cloud('AzurePublicCloud', KnownMonitorLogsQueryAudience.AzurePublicCloud, AzureAuthorityHosts.AzurePublicCloud, 'metrics.monitor.azure.com'),
  AzureUSGovernment: cloud('AzureUSGovernment', KnownMonitorLogsQueryAudience.AzureGovernment, AzureAuthorityHosts.AzureGovernment, 'metrics.monitor.azure.us'),
  AzureChinaCloud: cloud('AzureChinaCloud', KnownMonitorLogsQueryAudience.AzureChina, AzureAuthorityHosts.AzureChina, 'metrics.monitor.azure.cn'),
};

/** The metrics data-plane origin for a resource in `region` (`West Europe` and `westeurope` alike). */
export function metricsEndpointFor(cloud: AzureCloud, region: string): string | undefined {
  if (!cloud.metrics) {
    return undefined;
  }
  if ('endpoint' in cloud.metrics) {
    return cloud.metrics.endpoint;
  }
  const name = region.toLowerCase().replace(/\s+/g, '');
  // A region name is letters and digits only; anything else never becomes part of a host name.
  return /^[a-z0-9]{2,40}$/.test(name) ? `https://${name}.${cloud.metrics.domain}` : undefined;
}

/** A cloud not in the list (Azure Stack, a test server): endpoints given explicitly. */
export interface CustomCloud {
  logsEndpoint: string;
  authorityHost: string;
  /** Defaults to `<logsEndpoint>/.default`. */
  logsScope?: string;
  /** The metrics data plane's origin (one fixed host: no region prefix); without it metrics are not read. */
  metricsEndpoint?: string;
  /** Defaults to `<metricsEndpoint>/.default`. */
  metricsScope?: string;
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
  const metricsEndpoint = setting.metricsEndpoint === undefined ? undefined : httpsOrigin(setting.metricsEndpoint, 'cloud.metricsEndpoint');
  return {
    name: `custom (${logsEndpoint})`,
    logsEndpoint,
    logsScope: setting.logsScope ?? `${logsEndpoint}/.default`,
    authorityHost: httpsOrigin(setting.authorityHost, 'cloud.authorityHost'),
    ...(metricsEndpoint ? { metrics: { endpoint: metricsEndpoint, scope: setting.metricsScope ?? `${metricsEndpoint}/.default` } } : {}),
  };
}
