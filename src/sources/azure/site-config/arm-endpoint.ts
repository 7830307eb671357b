// Resource Manager origins per cloud, for reading the site's configuration.
import { SourceInputError } from '../../source';
import type { AzureCloudName, CustomCloud } from '../client/clouds';

const ARM_ENDPOINTS: Record<AzureCloudName, string> = {
  AzurePublicCloud: 'https://management.azure.com',
  AzureUSGovernment: 'https://management.usgovcloudapi.net',
  AzureChinaCloud: 'https://management.chinacloudapi.cn',
};

/** The explicit endpoint (an https origin) or the cloud's own; undefined for a custom cloud without one. */
export function armEndpointFor(cloud: AzureCloudName | CustomCloud | undefined, explicit?: string): string | undefined {
  if (explicit !== undefined) {
    let url: URL;
    try {
      url = new URL(explicit);
    } catch {
      throw new SourceInputError(`armEndpoint: ${JSON.stringify(explicit)} is not a URL`);
    }
    if (url.protocol !== 'https:') {
      throw new SourceInputError(`armEndpoint: must be an https URL (tokens are never sent over plain http), got ${url.protocol}`);
    }
    return url.origin;
  }
  if (cloud === undefined) {
    return ARM_ENDPOINTS.AzurePublicCloud;
  }
  if (typeof cloud === 'string') {
    return ARM_ENDPOINTS[cloud === ('AzureCloud' as string) ? 'AzurePublicCloud' : cloud];
  }
  return undefined;
}
