// App settings can hold secrets (connection strings, keys): only these names are ever read. Every
// other entry is skipped by name before its value is touched, so no other value is copied anywhere.
import { redactCommand } from './redact-command';

export const ALLOWED_APP_SETTINGS = [
  'GUNICORN_CMD_ARGS',
  'PYTHON_ENABLE_GUNICORN_MULTIWORKERS',
  'PYTHON_GUNICORN_CUSTOM_WORKER_NUM',
  'PYTHON_GUNICORN_CUSTOM_THREAD_NUM',
  'WEBSITES_CONTAINER_START_TIME_LIMIT',
  'WEBSITES_PORT',
  'WEBSITE_HEALTHCHECK_MAXPINGFAILURES',
  'WEBSITE_HEALTHCHECK_MAXUNHEALTHYWORKERPERCENT',
] as const;

export type AllowedAppSetting = (typeof ALLOWED_APP_SETTINGS)[number];

/** One entry of `az webapp config appsettings list` (only ever an allow-listed one once read). */
export interface AppSetting {
  name: AllowedAppSetting;
  value: string;
  slotSetting: boolean;
}

/** Longest value kept; allow-listed settings are short flags and numbers. */
const MAX_VALUE_CHARS = 500;

const ALLOWED = new Set<string>(ALLOWED_APP_SETTINGS);

export function isAllowedAppSetting(name: unknown): name is AllowedAppSetting {
  return typeof name === 'string' && ALLOWED.has(name);
}

export interface AllowListedSettings {
  settings: AppSetting[];
  /** How many entries were skipped because their name is not allow-listed (their values were never read). */
  skipped: number;
  problems: string[];
}

/**
 * The allow-listed entries of an app settings list: `[{name, value, slotSetting}]` (az CLI) or a
 * name → value map (ARM `listApplicationSettings().properties`).
 */
export function allowListedSettings(list: unknown): AllowListedSettings {
  const settings: AppSetting[] = [];
  const problems: string[] = [];
  let skipped = 0;
  const keep = (name: AllowedAppSetting, value: unknown, slotSetting: unknown, where: string) => {
    if (typeof value !== 'string') {
      problems.push(`${where} (${name}): value is not a string`);
      return;
    }
    const kept = value.trim().slice(0, MAX_VALUE_CHARS);
    settings.push({ name, value: name === 'GUNICORN_CMD_ARGS' ? redactCommand(kept) : kept, slotSetting: slotSetting === true });
  };
  if (Array.isArray(list)) {
    list.forEach((item, index) => {
      const name = typeof item === 'object' && item !== null ? (item as { name?: unknown }).name : undefined;
      if (typeof name !== 'string') {
        problems.push(`item ${index}: not an object with a string "name"`);
      } else if (isAllowedAppSetting(name)) {
        const entry = item as { value?: unknown; slotSetting?: unknown };
        keep(name, entry.value, entry.slotSetting, `item ${index}`);
      } else {
        skipped++;
      }
    });
  } else if (typeof list === 'object' && list !== null) {
    for (const name of Object.keys(list)) {
      if (isAllowedAppSetting(name)) {
        keep(name, (list as Record<string, unknown>)[name], false, 'setting');
      } else {
        skipped++;
      }
    }
  } else {
    problems.push('app settings are neither a list of {name, value, slotSetting} nor a name → value map');
  }
  return { settings, skipped, problems };
}
