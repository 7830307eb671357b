// Converts the objects @grpc/proto-loader decodes (pluginv2 messages) into the plain request
// types handlers see. Decoding uses defaults: true, so absent scalars arrive as zero values.
import type { DataSourceInstanceSettings, GrafanaUser, PluginContext } from './plugin-types';

export interface RawUser {
  login: string;
  name: string;
  email: string;
  role: string;
}

export interface RawDataSourceInstanceSettings {
  id: number;
  uid: string;
  name: string;
  url: string;
  jsonData: Buffer;
  decryptedSecureJsonData: Record<string, string>;
  lastUpdatedMS: number;
}

export interface RawPluginContext {
  orgId: number;
  pluginId: string;
  pluginVersion: string;
  userAgent: string;
  user: RawUser | null;
  dataSourceInstanceSettings: RawDataSourceInstanceSettings | null;
  grafanaConfig: Record<string, string>;
}

export interface RawDataQuery {
  refId: string;
  queryType: string;
  maxDataPoints: number;
  intervalMS: number;
  timeRange: { fromEpochMS: number; toEpochMS: number } | null;
  json: Buffer;
}

function toUser(raw: RawUser | null): GrafanaUser | undefined {
  return raw ? { login: raw.login, name: raw.name, email: raw.email, role: raw.role } : undefined;
}

function toSettings(raw: RawDataSourceInstanceSettings | null): DataSourceInstanceSettings | undefined {
  if (!raw) {
    return undefined;
  }
  return {
    id: Number(raw.id),
    uid: raw.uid,
    name: raw.name,
    url: raw.url,
    jsonData: raw.jsonData ?? Buffer.alloc(0),
    decryptedSecureJsonData: { ...(raw.decryptedSecureJsonData ?? {}) },
    lastUpdatedMS: Number(raw.lastUpdatedMS),
  };
}

export function toPluginContext(raw: RawPluginContext | null | undefined): PluginContext {
  return {
    orgId: Number(raw?.orgId ?? 0),
    pluginId: raw?.pluginId ?? '',
    pluginVersion: raw?.pluginVersion ?? '',
    userAgent: raw?.userAgent ?? '',
    user: toUser(raw?.user ?? null),
    dataSourceInstanceSettings: toSettings(raw?.dataSourceInstanceSettings ?? null),
    grafanaConfig: { ...(raw?.grafanaConfig ?? {}) },
  };
}

/** Headers that mark a request from Grafana's alerting (the SDK checks "FromAlert"). */
export function isFromAlert(headers: Readonly<Record<string, string>>): boolean {
  return Object.entries(headers).some(([name, value]) => name.toLowerCase() === 'fromalert' && value === 'true');
}
