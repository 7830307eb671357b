// Site configuration files in an export folder: the ARM web config (`az webapp config show`, the
// corpus' app-config.json) and `az webapp config appsettings list` output. Both are reduced to the
// allow-list as soon as they are parsed: no other app setting value is kept, logged or returned.
import fs from 'node:fs';
import { allowListedSettings, allowListedSiteConfig, type SiteConfigInput, type SiteWebConfig } from '../../engine/config';

/** Site configuration files are a few kB; anything far larger is not one. */
const MAX_CONFIG_BYTES = 5 * 1024 * 1024;

export interface SiteConfigFileResult {
  siteConfig?: SiteConfigInput;
  /** What was used, for the per-file report. */
  used?: string;
  /** Why the file could not be used. */
  problem?: string;
}

async function readJson(file: string): Promise<{ value?: unknown; problem?: string }> {
  const { size } = await fs.promises.stat(file);
  if (size > MAX_CONFIG_BYTES) {
    return { problem: `${size} bytes is too large for a site configuration file (at most ${MAX_CONFIG_BYTES})` };
  }
  try {
    return { value: JSON.parse((await fs.promises.readFile(file, 'utf8')).replace(/^\uFEFF/, '')) };
  } catch (error) {
    // JSON.parse's message quotes the text near the error, which could be a setting's value: name the position only.
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    return { problem: `not valid JSON${position ? ` (at character ${position})` : ''}` };
  }
}

export async function readSiteConfigFile(file: string, format: 'arm-site-config' | 'az-appsettings-json', displayName: string): Promise<SiteConfigFileResult> {
  const { value, problem } = await readJson(file);
  if (problem) {
    return { problem };
  }
  if (format === 'arm-site-config') {
    const siteConfig = allowListedSiteConfig({ web: value, webFrom: displayName });
    const fields = Object.keys(siteConfig.web as SiteWebConfig);
    return { siteConfig, used: `site web config: ${fields.join(', ') || 'none of appCommandLine, linuxFxVersion, alwaysOn, healthCheckPath, numberOfWorkers'}` };
  }
  const counted = allowListedSettings(value);
  const siteConfig = allowListedSiteConfig({ appSettings: counted.settings, appSettingsFrom: displayName, notes: counted.problems.map((item) => `${displayName}: ${item}`) });
  const names = counted.settings.map((setting) => setting.name);
  return {
    siteConfig,
    used: `app settings: ${names.length} allow-listed (${names.join(', ') || 'none set'}), ${counted.skipped} other(s) not read`,
  };
}

/** One site configuration from a folder's files: the first web config and the first settings list (by path), with a note on any other. */
export function mergeSiteConfigs(parts: SiteConfigInput[]): SiteConfigInput | undefined {
  if (parts.length === 0) {
    return undefined;
  }
  const merged: SiteConfigInput = { notes: [] };
  for (const part of parts) {
    merged.notes!.push(...(part.notes ?? []));
    if (part.web !== undefined) {
      if (merged.web === undefined) {
        merged.web = part.web;
        merged.webFrom = part.webFrom;
      } else {
        merged.notes!.push(`${part.webFrom}: a second site web config; ${merged.webFrom} is the one used`);
      }
    }
    if (part.appSettings !== undefined) {
      if (merged.appSettings === undefined) {
        merged.appSettings = part.appSettings;
        merged.appSettingsFrom = part.appSettingsFrom;
      } else {
        merged.notes!.push(`${part.appSettingsFrom}: a second app settings list; ${merged.appSettingsFrom} is the one used`);
      }
    }
  }
  return merged;
}
