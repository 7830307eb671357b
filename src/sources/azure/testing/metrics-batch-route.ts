// The Azure Monitor metrics data plane for the HTTPS fake: POST /subscriptions/<sub>/metrics:getBatch
// with the query parameters the REST reference names (starttime, endtime, interval, metricnamespace,
// metricnames, aggregation, top, filter) and `{resourceids: [...]}` as body, answered with the
// documented reply shape — metric names as {value, localizedValue}, Instance as a metadata value.
import type { FakeReply } from './fake-log-analytics-server';

export interface RecordedMetricsRequest {
  subscription: string;
  resourceIds: string[];
  namespace?: string;
  metricNames: string[];
  aggregation?: string;
  interval?: string;
  filter?: string;
  top?: string;
  startTime?: string;
  endTime?: string;
  apiVersion?: string;
  authorization?: string;
}

export type MetricsHandler = (request: RecordedMetricsRequest, index: number) => FakeReply | Promise<FakeReply>;

const METRICS_PATH = /^\/subscriptions\/([^/]+)\/metrics:getBatch$/;

/** The recorded request when `path` is the getBatch route, else undefined. */
export function parseMetricsBatchRequest(path: string, search: URLSearchParams, body: string, authorization?: string): RecordedMetricsRequest | undefined {
  const match = METRICS_PATH.exec(path);
  if (!match) {
    return undefined;
  }
  const parsed = (body ? JSON.parse(body) : {}) as { resourceids?: string[] };
  const optional = (name: string) => search.get(name) ?? undefined;
  return {
    subscription: decodeURIComponent(match[1]),
    resourceIds: parsed.resourceids ?? [],
    namespace: optional('metricnamespace'),
    metricNames: (search.get('metricnames') ?? '').split(',').filter(Boolean),
    aggregation: optional('aggregation'),
    interval: optional('interval'),
    filter: optional('filter'),
    top: optional('top'),
    startTime: optional('starttime'),
    endTime: optional('endtime'),
    apiVersion: optional('api-version'),
    authorization,
  };
}

/** Display names Azure sends as `localizedValue` (what the SDK hands back as the metric's name). */
export const LOCALIZED_METRIC_NAMES: Record<string, string> = {
  Requests: 'Requests',
  Http5xx: 'Http Server Errors',
  HttpResponseTime: 'Response Time',
  CpuPercentage: 'CPU Percentage',
  MemoryPercentage: 'Memory Percentage',
};

const UNITS: Record<string, string> = { Requests: 'Count', Http5xx: 'Count', HttpResponseTime: 'Seconds', CpuPercentage: 'Percent', MemoryPercentage: 'Percent' };

const GRAIN_MS: Record<string, number> = { PT1M: 60_000, PT5M: 300_000, PT15M: 900_000, PT30M: 1_800_000, PT1H: 3_600_000 };

export interface SyntheticMetricsOptions {
  instances: string[];
  region?: string;
  /** Metrics answered with this error code instead of data. */
  failedMetrics?: Record<string, { code: string; message: string }>;
  /** A value per (metric, instance, point index); default a small deterministic pattern. */
  value?: (metric: string, instance: string, index: number) => number;
}

/**
 * A well-formed reply for whatever was asked: one series per instance (the filter's named instances
 * when it names some, else every configured instance), one point per grain over the window.
 */
export function syntheticMetricsReply(request: RecordedMetricsRequest, options: SyntheticMetricsOptions): FakeReply {
  const grain = GRAIN_MS[request.interval ?? 'PT1M'] ?? 60_000;
  const from = Date.parse(request.startTime ?? '');
  const to = Date.parse(request.endTime ?? '');
  const named = [...(request.filter ?? '').matchAll(/Instance eq '((?:[^']|'')*)'/g)].map((m) => m[1].split("''").join("'")).filter((v) => v !== '*');
  const instances = named.length > 0 ? named : options.instances;
  const aggregations = (request.aggregation ?? 'average').split(',');
  const value = options.value ?? ((metric: string, instance: string, index: number) => ((metric.length * 7 + instance.length * 3 + index * 11) % 97) + 0.5);
  const values = request.resourceIds.map((resourceId) => ({
    starttime: request.startTime,
    endtime: request.endTime,
    interval: request.interval,
    namespace: request.namespace,
    resourceregion: options.region ?? 'westeurope',
    resourceid: resourceId,
    value: request.metricNames.map((metric) => {
      const failed = options.failedMetrics?.[metric];
      return {
        id: `${resourceId}/providers/Microsoft.Insights/metrics/${metric}`,
        type: 'Microsoft.Insights/metrics',
        name: { value: metric, localizedValue: LOCALIZED_METRIC_NAMES[metric] ?? metric },
        displayDescription: `${metric} of the resource`,
        unit: UNITS[metric] ?? 'Count',
        errorCode: failed ? failed.code : 'Success',
        ...(failed ? { errorMessage: failed.message } : {}),
        timeseries: failed
          ? []
          : instances.map((instance) => ({
              metadatavalues: [{ name: { value: 'instance', localizedValue: 'instance' }, value: instance }],
              data: Array.from({ length: Number.isFinite(from) && to > from ? Math.ceil((to - from) / grain) : 0 }, (_, index) => ({
                timeStamp: new Date(from + index * grain).toISOString(),
                ...Object.fromEntries(aggregations.map((aggregation) => [aggregation, value(metric, instance, index)])),
              })),
            })),
      };
    }),
  }));
  return { status: 200, body: { values } };
}

/** The site's Resource Manager record (GET …/sites/<app>), the two fields the metrics need plus a few others. */
export function siteRecord(siteId: string, planId: string, location = 'West Europe'): unknown {
  return {
    id: siteId,
    name: siteId.split('/').pop(),
    type: 'Microsoft.Web/sites',
    kind: 'app,linux',
    location,
    properties: { serverFarmId: planId, state: 'Running', hostNames: ['app.example.net'] },
  };
}
