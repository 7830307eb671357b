// The site's web config and app settings through @azure/arm-appservice, for an App Service
// resource target. Both are reduced to the allow-list the moment they arrive; nothing else of
// them is kept. A refusal costs only that part: listing app settings needs more than Reader, so a
// 403 there says which role is missing and the diagnosis carries on with the web config alone.
import type { WebSiteManagementClient } from '@azure/arm-appservice';
import { allowListedSiteConfig, type SiteConfigInput } from '../../../engine/config';
import { CachedReading, webSiteClient, type ArmReaderOptions } from './arm-reader';

export interface SiteResource {
  subscriptionId: string;
  resourceGroup: string;
  site: string;
  slot?: string;
}

const SITE_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Web\/sites\/([^/]+)(?:\/slots\/([^/]+))?$/i;

/** The parts of an (already validated) App Service resource id. */
export function parseSiteResourceId(resourceId: string): SiteResource | undefined {
  const match = SITE_ID.exec(resourceId);
  return match ? { subscriptionId: match[1], resourceGroup: match[2], site: match[3], ...(match[4] ? { slot: match[4] } : {}) } : undefined;
}

export const APP_SETTINGS_ROLE_HINT =
  'listing app settings needs Microsoft.Web/sites/config/list/action (Website Contributor, or a custom role with that action); Reader is not enough';

/** Configuration changes rarely: the default 5-minute reuse fits. */
export type SiteConfigReaderOptions = ArmReaderOptions;

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

export class SiteConfigReader {
  private readonly client: WebSiteManagementClient;
  private readonly cache: CachedReading<SiteConfigInput>;

  constructor(private readonly options: SiteConfigReaderOptions) {
    this.client = webSiteClient(options);
    // A failed reading (token, network) is not worth reusing.
    this.cache = new CachedReading(options, (result) => result.web === undefined);
  }

  /** Never throws: what could not be read is named in `notes`. */
  read(signal?: AbortSignal): Promise<SiteConfigInput> {
    return this.cache.get(() => this.readNow(signal));
  }

  private async readNow(signal?: AbortSignal): Promise<SiteConfigInput> {
    const { resourceGroup, site, slot } = this.options.resource;
    const where = `azure:${site}${slot ? `/slots/${slot}` : ''}`;
    const apps = this.client.webApps;
    const requestOptions = { abortSignal: signal };
    const [web, settings] = await Promise.allSettled([
      slot ? apps.getConfigurationSlot(resourceGroup, site, slot, requestOptions) : apps.getConfiguration(resourceGroup, site, requestOptions),
      slot ? apps.listApplicationSettingsSlot(resourceGroup, site, slot, requestOptions) : apps.listApplicationSettings(resourceGroup, site, requestOptions),
    ]);
    const notes: string[] = [];
    const input: SiteConfigInput = { notes };
    if (web.status === 'fulfilled') {
      input.web = web.value;
      input.webFrom = `${where} config/web`;
    } else {
      notes.push(`site web config not read: ${this.explain(web.reason, 'reading the site config needs Reader on the site (Microsoft.Web/sites/config/read)')}`);
    }
    if (settings.status === 'fulfilled') {
      input.appSettings = settings.value.properties ?? {};
      input.appSettingsFrom = `${where} config/appsettings`;
    } else {
      notes.push(`app settings not read: ${this.explain(settings.reason, APP_SETTINGS_ROLE_HINT)}`);
    }
    return allowListedSiteConfig(input);
  }

  private explain(error: unknown, forbidden: string): string {
    const status = statusOf(error);
    if (status === 403) {
      return `403 Forbidden: ${forbidden}`;
    }
    if (status === 404) {
      return '404 Not Found: no such site or slot in this subscription and resource group';
    }
    const code = (error as { code?: unknown })?.code;
    let message = error instanceof Error ? error.message : String(error);
    for (const secret of this.options.secrets ?? []) {
      message = message.split(secret).join('<redacted>');
    }
    return `${status !== undefined ? `HTTP ${status} ` : ''}${typeof code === 'string' ? `${code}: ` : ''}${message.split('\n')[0].slice(0, 300)}`;
  }
}
