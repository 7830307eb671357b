// What the backend keeps per data source: its parsed settings and where the bundled lab
// recordings are. Built by the instance cache from Grafana's instance settings.
import { PluginRequestError, type DataSourceInstanceSettings } from './protocol/plugin-types';
import { parseDataSourceSettings, type ParsedSettings } from './settings/datasource-settings';

export interface AppInstance {
  /** Undefined for requests that name no data source (app-level calls). */
  parsed: ParsedSettings | undefined;
  recordingsRoot: string;
}

export function createAppInstance(settings: DataSourceInstanceSettings | undefined, recordingsRoot: string): AppInstance {
  return { parsed: settings ? parseDataSourceSettings(settings) : undefined, recordingsRoot };
}

/** For handlers that need a data source: a clear error when the request names none. */
export function requireSettings(instance: AppInstance): ParsedSettings {
  if (!instance.parsed) {
    throw new PluginRequestError('this request names no data source; call it through a configured App Service Triage data source', 400, 'downstream');
  }
  return instance.parsed;
}
