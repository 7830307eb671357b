// The site's own Resource Manager record (`webApps.get`, or `getSlot`), read for two fields the
// metrics need: its region (`location`: metrics:getBatch is served per region) and its App Service
// plan (`serverFarmId`: CPU and memory are plan metrics). Nothing else of the record is kept.
import { ArmReader, type ArmReaderOptions } from '../site-config/arm-reader';

export interface SiteMetricsResources {
  /** The site (or slot) resource id, as Resource Manager spells it. */
  siteId: string;
  /** Metric namespace of the site: `Microsoft.Web/sites`, or `Microsoft.Web/sites/slots` for a slot. */
  siteNamespace: string;
  planId: string;
  location: string;
}

export interface SiteResourceReading {
  resources?: SiteMetricsResources;
  /** Why the resources could not be read (then there is nothing to ask the metrics service). */
  problem?: string;
}

export const SITE_READ_ROLE_HINT = 'reading the site needs Reader on the site (Microsoft.Web/sites/read)';

/** The site's region and plan, reused for the cache TTL (a site rarely moves region or plan). */
export class SiteResourceReader extends ArmReader<SiteResourceReading> {
  constructor(options: ArmReaderOptions) {
    super(options, (result) => result.resources === undefined);
  }

  protected async readNow(signal?: AbortSignal): Promise<SiteResourceReading> {
    const { subscriptionId, resourceGroup, site, slot } = this.options.resource;
    try {
      const record = slot
        ? await this.client.webApps.getSlot(resourceGroup, site, slot, { abortSignal: signal })
        : await this.client.webApps.get(resourceGroup, site, { abortSignal: signal });
      const siteId = record.id ?? `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Web/sites/${site}${slot ? `/slots/${slot}` : ''}`;
      if (!record.location || !record.serverFarmId) {
        return { problem: `the site record has no ${!record.location ? 'location' : 'serverFarmId'}` };
      }
      return {
        resources: {
          siteId,
          siteNamespace: slot ? 'Microsoft.Web/sites/slots' : 'Microsoft.Web/sites',
          planId: record.serverFarmId,
          location: record.location,
        },
      };
    } catch (error) {
      return { problem: `site not read: ${this.explain(error, SITE_READ_ROLE_HINT)}` };
    }
  }
}
