// Requests to and answers from the packaged backend, as Grafana sends and reads them: QueryData
// requests for the provisioned lab data source, Arrow frames decoded with apache-arrow.
import { DataType, tableFromIPC } from 'apache-arrow';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { ROOT } from './dashboard-files';

interface ProvisionedDataSource {
  uid: string;
  name: string;
  jsonData: Record<string, unknown>;
}

/** The lab data source exactly as provisioning/datasources/appsvc-triage.yaml provisions it. */
export const LAB_DATASOURCE: ProvisionedDataSource = (
  YAML.parse(readFileSync(join(ROOT, 'provisioning/datasources/appsvc-triage.yaml'), 'utf8')).datasources as ProvisionedDataSource[]
).find((ds) => ds.uid === 'appsvc-triage-lab')!;

export function labPluginContext() {
  return {
    orgId: 1,
    pluginId: 'appsvc-triage-datasource',
    dataSourceInstanceSettings: {
      id: 1,
      uid: LAB_DATASOURCE.uid,
      name: LAB_DATASOURCE.name,
      jsonData: Buffer.from(JSON.stringify(LAB_DATASOURCE.jsonData)),
      decryptedSecureJsonData: {},
      lastUpdatedMS: 1,
    },
  };
}

export interface TimeWindow {
  from: number;
  to: number;
}

export interface QueryOptions {
  refId: string;
  model: Record<string, unknown>;
  range: TimeWindow;
  intervalMs: number;
  maxDataPoints: number;
}

export function dataQuery({ refId, model, range, intervalMs, maxDataPoints }: QueryOptions) {
  return {
    refId,
    queryType: String(model.queryType ?? ''),
    maxDataPoints,
    intervalMS: intervalMs,
    timeRange: { fromEpochMS: range.from, toEpochMS: range.to },
    json: Buffer.from(JSON.stringify({ ...model, refId })),
  };
}

export interface DataResponse {
  frames: Buffer[];
  error: string;
  status: number;
}

export interface DecodedField {
  name: string;
  kind: 'time' | 'number' | 'string' | 'other';
  labels: Record<string, string>;
}

export interface DecodedFrame {
  name: string;
  refId: string;
  rows: number;
  fields: DecodedField[];
}

function kindOf(type: DataType): DecodedField['kind'] {
  if (DataType.isTimestamp(type)) {
    return 'time';
  }
  if (DataType.isFloat(type) || DataType.isInt(type)) {
    return 'number';
  }
  return DataType.isUtf8(type) ? 'string' : 'other';
}

export function decodeFrame(bytes: Uint8Array): DecodedFrame {
  const table = tableFromIPC(bytes);
  return {
    name: table.schema.metadata.get('name') ?? '',
    refId: table.schema.metadata.get('refId') ?? '',
    rows: table.numRows,
    fields: table.schema.fields.map((field) => ({
      name: field.name,
      kind: kindOf(field.type),
      labels: JSON.parse(field.metadata.get('labels') ?? '{}') as Record<string, string>,
    })),
  };
}

/** Grafana's relative times the dashboards and rules use: `now-15m`, seconds before now. */
export function relativeRange(fromSecondsAgo: number, toSecondsAgo: number, now = Date.now()): TimeWindow {
  return { from: now - fromSecondsAgo * 1000, to: now - toSecondsAgo * 1000 };
}

export function parseGrafanaRelative(expression: string): number {
  const match = /^now(?:-(\d+)([smhd]))?$/.exec(expression);
  if (!match) {
    throw new Error(`not a relative time this test understands: ${expression}`);
  }
  const unit: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
  return match[1] ? Number(match[1]) * unit[match[2]] : 0;
}

/** Grafana's panel interval: range / max data points, never below the panel's minimum interval. */
export function panelIntervalMs(range: TimeWindow, maxDataPoints: number, minInterval?: string): number {
  const minimum = minInterval ? parseGrafanaRelative(`now-${minInterval}`) * 1000 : 0;
  return Math.max(minimum, Math.ceil((range.to - range.from) / maxDataPoints));
}
