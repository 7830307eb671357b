// The data source's saved options (jsonData + decryptedSecureJsonData) parsed into one typed
// value, with every problem named by its setting. Secrets are kept apart and only their
// presence is ever reported.
import { PluginRequestError, type DataSourceInstanceSettings } from '../protocol/plugin-types';

export const SOURCE_KINDS = ['lab', 'files', 'azure'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

// A safety limit on raw rows pulled per query; the user can raise it in the settings.
export const DEFAULT_MAX_ROWS = 200_000;

export interface DataSourceSettings {
  uid: string;
  name: string;
  source: SourceKind;
  labScenario: string | undefined;
  /** Shift the lab recording so it ends now ("replay as of now"). */
  labReplayAsOfNow: boolean;
  filesPath: string | undefined;
  azure: {
    /** Log Analytics workspace id, or an App Service resource id (resource-centric queries). */
    workspaceId: string | undefined;
    tenantId: string | undefined;
    clientId: string | undefined;
    authType: string | undefined;
    cloud: string | undefined;
  };
  maxRows: number;
  /** Names of the secure settings Grafana decrypted for us (values stay in `secrets`). */
  secretNames: string[];
  /** jsonData keys this backend does not know; reported so typos are visible. */
  unknownKeys: string[];
}

export interface ParsedSettings {
  settings: DataSourceSettings;
  secrets: Readonly<Record<string, string>>;
}

// The keys the frontend's ConfigEditor saves (src/datasource/types/options.ts).
const KNOWN_KEYS = [
  'source',
  'labScenario',
  'labReplayAsOfNow',
  'filesFolder',
  'azureTarget',
  'azureAuth',
  'azureTenantId',
  'azureClientId',
  'azureCloud',
  'maxRows',
];

function fail(where: string, problem: string): never {
  throw new PluginRequestError(`data source ${where}: ${problem}`, 400, 'downstream');
}

function optionalString(jsonData: Record<string, unknown>, key: string, where: string): string | undefined {
  const value = jsonData[key];
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (typeof value !== 'string') {
    fail(where, `setting "${key}" must be a string, got ${typeof value}`);
  }
  return value.trim();
}

function parseJsonData(bytes: Buffer, where: string): Record<string, unknown> {
  const text = bytes.toString('utf8').trim();
  if (text === '') {
    return {};
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    fail(where, `jsonData is not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(where, 'jsonData must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function optionalBoolean(jsonData: Record<string, unknown>, key: string, where: string, fallback: boolean): boolean {
  const value = jsonData[key];
  if (value === undefined || value === null || value === '') {
    return fallback;
  }
  if (typeof value !== 'boolean') {
    fail(where, `setting "${key}" must be true or false, got ${JSON.stringify(value)}`);
  }
  return value;
}

function parseMaxRows(jsonData: Record<string, unknown>, where: string): number {
  const value = jsonData.maxRows;
  if (value === undefined || value === null || value === '') {
    return DEFAULT_MAX_ROWS;
  }
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) {
    fail(where, `setting "maxRows" must be a positive whole number, got ${JSON.stringify(value)}`);
  }
  return number;
}

export function parseDataSourceSettings(instance: DataSourceInstanceSettings): ParsedSettings {
  const where = `"${instance.name || instance.uid}"`;
  const jsonData = parseJsonData(instance.jsonData, where);
  const source = optionalString(jsonData, 'source', where) ?? 'lab';
  if (!(SOURCE_KINDS as readonly string[]).includes(source)) {
    fail(where, `setting "source" is "${source}"; choose one of ${SOURCE_KINDS.join(', ')}`);
  }
  return {
    settings: {
      uid: instance.uid,
      name: instance.name,
      source: source as SourceKind,
      labScenario: optionalString(jsonData, 'labScenario', where),
      labReplayAsOfNow: optionalBoolean(jsonData, 'labReplayAsOfNow', where, true),
      filesPath: optionalString(jsonData, 'filesFolder', where),
      azure: {
        workspaceId: optionalString(jsonData, 'azureTarget', where),
        tenantId: optionalString(jsonData, 'azureTenantId', where),
        clientId: optionalString(jsonData, 'azureClientId', where),
        authType: optionalString(jsonData, 'azureAuth', where),
        cloud: optionalString(jsonData, 'azureCloud', where),
      },
      maxRows: parseMaxRows(jsonData, where),
      secretNames: Object.keys(instance.decryptedSecureJsonData).sort(),
      unknownKeys: Object.keys(jsonData)
        .filter((key) => !KNOWN_KEYS.includes(key))
        .sort(),
    },
    secrets: instance.decryptedSecureJsonData,
  };
}
