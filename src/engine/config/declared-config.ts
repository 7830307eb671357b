// The site's configuration as evidence: web config + allow-listed app settings → the declared
// worker model and the settings that shape startup and health checks, each with where it came from.
import { allowListedSettings, AppSetting } from './app-settings';
import { declaredWorkerModel, DeclaredWorkerModel } from './declared-worker-model';
import { SiteWebConfig, siteWebConfigFrom } from './site-web-config';

/** What a source hands over: the web config and app settings it found, already reduced by the allow-list. */
export interface SiteConfigInput {
  /** An ARM `Microsoft.Web/sites/config` web object (or its reduced SiteWebConfig). */
  web?: unknown;
  /** Where the web config came from (file, ARM call). */
  webFrom?: string;
  /** `[{name, value, slotSetting}]` or a name → value map; only allow-listed names are read. */
  appSettings?: unknown;
  appSettingsFrom?: string;
  /** Why a part is missing (e.g. listing app settings was refused), for the report. */
  notes?: string[];
}

export interface DeclaredConfig {
  site: SiteWebConfig;
  siteFrom?: string;
  /** Only allow-listed settings; empty when none are set or they could not be read. */
  appSettings: AppSetting[];
  appSettingsFrom?: string;
  appSettingsRead: boolean;
  workerModel?: DeclaredWorkerModel;
  notes: string[];
}

/** The allow-listed reduction of a source's input: what a source may keep in memory and pass on. */
export function allowListedSiteConfig(input: SiteConfigInput): SiteConfigInput {
  const notes = [...(input.notes ?? [])];
  const out: SiteConfigInput = { notes };
  if (input.web !== undefined) {
    const web = siteWebConfigFrom(input.web);
    out.web = web.config;
    out.webFrom = input.webFrom;
    notes.push(...web.problems.map((problem) => `${input.webFrom ?? 'site web config'}: ${problem}`));
  }
  if (input.appSettings !== undefined) {
    const settings = allowListedSettings(input.appSettings);
    out.appSettings = settings.settings;
    out.appSettingsFrom = input.appSettingsFrom;
    notes.push(...settings.problems.map((problem) => `${input.appSettingsFrom ?? 'app settings'}: ${problem}`));
  }
  return out;
}

export function declaredConfigFrom(input: SiteConfigInput): DeclaredConfig {
  const reduced = allowListedSiteConfig(input);
  const site = (reduced.web ?? {}) as SiteWebConfig;
  const appSettings = (reduced.appSettings ?? []) as AppSetting[];
  const notes = [...(reduced.notes ?? [])];
  const config: DeclaredConfig = {
    site,
    ...(reduced.webFrom ? { siteFrom: reduced.webFrom } : {}),
    appSettings,
    ...(reduced.appSettingsFrom ? { appSettingsFrom: reduced.appSettingsFrom } : {}),
    appSettingsRead: reduced.appSettings !== undefined,
    notes,
  };
  if (reduced.web === undefined) {
    notes.push('no site web config: the startup command is unknown');
    return config;
  }
  if (reduced.appSettings === undefined) {
    notes.push('app settings not read: GUNICORN_CMD_ARGS and the PYTHON_GUNICORN_* settings could change the declared values');
  }
  const model = declaredWorkerModel(site, appSettings);
  if (typeof model === 'string') {
    notes.push(model);
  } else {
    config.workerModel = model;
  }
  return config;
}
