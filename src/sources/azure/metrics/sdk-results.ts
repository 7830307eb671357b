// MetricsClient results → the engine's MetricsInput. The SDK (1.0.0) gives each metric's name as
// its *localized* display name ("Http Server Errors" for Http5xx), so the name is read from the
// metric id's last segment (`…/providers/Microsoft.Insights/metrics/Http5xx`) instead.
import type { MetricsQueryResult } from '@azure/monitor-query-metrics';
import { METRIC_NAMES, type MetricName, type MetricPoint, type MetricsInput } from '../../../engine';
import { parseGrainMs } from '../../../engine/parse/metrics-response';

const AGGREGATIONS = ['average', 'maximum', 'minimum', 'total', 'count'] as const;

function metricName(metric: { id?: string; name?: string }): string | undefined {
  const fromId = metric.id?.split('/').pop();
  if (fromId && (METRIC_NAMES as readonly string[]).includes(fromId)) {
    return fromId;
  }
  return metric.name;
}

/** The last two segments of a resource id (`sites/app`, `serverFarms/plan`): enough to tell them apart. */
function shortResource(resourceId: string | undefined): string {
  return resourceId ? resourceId.split('/').slice(-2).join('/') : 'unknown resource';
}

/** `origin` prefixes every series' origin and every issue's where, e.g. `azure metrics:getBatch`. */
export function metricsFromSdkResults(results: readonly MetricsQueryResult[], origin: string, requestedGrainMs: number): MetricsInput {
  const out: MetricsInput = { series: [], issues: [] };
  for (const result of results) {
    const where = `${origin} ${shortResource(result.resourceId)}`;
    const grainMs = parseGrainMs(result.granularity) ?? requestedGrainMs;
    for (const metric of result.metrics ?? []) {
      const name = metricName(metric);
      if (!name || !(METRIC_NAMES as readonly string[]).includes(name)) {
        out.issues.push({ where, message: `metric ${JSON.stringify(name ?? null)} is not one this product reads` });
        continue;
      }
      if (metric.errorCode && metric.errorCode !== 'Success') {
        out.issues.push({ where, message: `${name}: Azure returned ${metric.errorCode}${metric.errorMessage ? `: ${metric.errorMessage}` : ''}` });
      }
      for (const series of metric.timeseries ?? []) {
        const instance = series.metadatavalues?.find((entry) => entry.name?.toLowerCase() === 'instance')?.value;
        const points: MetricPoint[] = [];
        let bad = 0;
        for (const value of series.data ?? []) {
          const time = value.timeStamp instanceof Date ? value.timeStamp.getTime() : NaN;
          if (!Number.isFinite(time)) {
            bad++;
            continue;
          }
          const point: MetricPoint = { time };
          for (const aggregation of AGGREGATIONS) {
            const number = value[aggregation];
            if (typeof number === 'number' && Number.isFinite(number)) {
              point[aggregation] = number;
            }
          }
          points.push(point);
        }
        if (bad > 0) {
          out.issues.push({ where, message: `${name}${instance !== undefined ? ` on ${instance}` : ''}: ${bad} point(s) without a valid time stamp skipped` });
        }
        points.sort((a, b) => a.time - b.time);
        out.series.push({ name: name as MetricName, unit: metric.unit ?? '', ...(instance !== undefined ? { instance } : {}), grainMs, points, origin: where });
      }
    }
  }
  return out;
}
