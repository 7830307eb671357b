import { writeFileSync } from 'node:fs';

/**
 * The Azure Monitor "Metrics - List" body as `az monitor metrics list` prints it: one entry per
 * metric, one time series per `Instance` dimension value.
 */
export interface MetricsListBody {
  cost: number;
  interval: string;
  namespace: string;
  resourceregion: string;
  timespan: string;
  value: MetricEntry[];
}

export interface MetricEntry {
  id: string;
  name: { value: string; localizedValue: string };
  unit: string;
  timeseries: Array<{
    metadatavalues: Array<{ name: { value: string; localizedValue: string }; value: string }>;
    data: MetricDataPoint[];
  }>;
  errorCode: 'Success';
  type: 'Microsoft.Insights/metrics';
  resourceGroup: string;
  displayDescription: string;
}

export interface MetricDataPoint {
  timeStamp: string;
  average?: number;
  maximum?: number;
  total?: number;
}

export interface MetricDefinition {
  name: string;
  localizedName: string;
  unit: string;
  description: string;
}

export const LAB_RESOURCE_GROUP = 'rg-incident-lab';
export const LAB_REGION = 'lab';

/** az prints metric times as `2026-04-04T05:35:37+00:00`. */
export function metricTimeStamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}+00:00`;
}

export function roundTo(value: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((Math.round(value / step) * step).toFixed(digits));
}

export function metricsListBody(
  resourceId: string,
  namespace: string,
  span: { from: number; to: number },
  metrics: Array<{ def: MetricDefinition; perInstance: Map<string, MetricDataPoint[]> }>,
): MetricsListBody {
  const value: MetricEntry[] = metrics.map(({ def, perInstance }) => ({
    id: `${resourceId}/providers/Microsoft.Insights/metrics/${def.name}`,
    name: { value: def.name, localizedValue: def.localizedName },
    unit: def.unit,
    timeseries: [...perInstance].map(([instance, data]) => ({
      metadatavalues: [{ name: { value: 'Instance', localizedValue: 'Instance' }, value: instance }],
      data,
    })),
    errorCode: 'Success',
    type: 'Microsoft.Insights/metrics',
    resourceGroup: LAB_RESOURCE_GROUP,
    displayDescription: def.description,
  }));
  const cost = value.reduce((sum, m) => sum + m.timeseries.reduce((s, t) => s + t.data.length, 0), 0);
  return {
    cost,
    interval: 'PT1S',
    namespace,
    resourceregion: LAB_REGION,
    timespan: `${new Date(span.from).toISOString().slice(0, 19)}Z/${new Date(span.to).toISOString().slice(0, 19)}Z`,
    value,
  };
}

/** Writes the body as valid JSON with one data point per line (small diffs, readable in review). */
export function writeMetricsList(path: string, body: MetricsListBody): number {
  const points: string[] = [];
  const skeleton = {
    ...body,
    value: body.value.map((m) => ({
      ...m,
      timeseries: m.timeseries.map((t) => {
        points.push(`[\n${t.data.map((p) => JSON.stringify(p)).join(',\n')}\n]`);
        return { ...t, data: `@@data${points.length - 1}@@` };
      }),
    })),
  };
  const text = `${JSON.stringify(skeleton, null, 1).replace(/"@@data(\d+)@@"/g, (_, i: string) => points[Number(i)])}\n`;
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}
