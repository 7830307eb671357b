// The site's web config and app settings through @azure/arm-appservice, for an App Service
// resource target. Both are reduced to the allow-list the moment they arrive; nothing else of
// them is kept. A refusal costs only that part: listing app settings needs more than Reader, so a
// 403 there says which role is missing and the diagnosis carries on with the web config alone.
import { allowListedSiteConfig, type SiteConfigInput } from '../../../engine/config';
import { ArmReader, type ArmReaderOptions } from './arm-reader';

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

/** Never throws: what could not be read is named in `notes`. */
export class SiteConfigReader extends ArmReader<SiteConfigInput> {
  constructor(options: SiteConfigReaderOptions) {
    // A failed reading (token, network) is not worth reusing.
    super(options, (result) => result.web === undefined);
  }

  protected async readNow(signal?: AbortSignal): Promise<SiteConfigInput> {
    const { resourceGroup, site, slot } = this.options.resource;
    const where = this.siteLabel();
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
      notes.push(`site web config not read: ${this.explain(web.reason, 'reading the site config needs Reader on the site (Microsoft.Web/sites/config/read)', true)}`);
    }
    if (settings.status === 'fulfilled') {
      input.appSettings = settings.value.properties ?? {};
      input.appSettingsFrom = `${where} config/appsettings`;
    } else {
      notes.push(`app settings not read: ${this.explain(settings.reason, APP_SETTINGS_ROLE_HINT, true)}`);
    }
    return allowListedSiteConfig(input);
  }
}
