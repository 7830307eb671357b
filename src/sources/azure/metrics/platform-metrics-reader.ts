// Platform metrics for one App Service site: two metrics:getBatch calls, concurrently — the site's
// Requests, Http5xx (total) and HttpResponseTime (average), and its plan's CpuPercentage and
// MemoryPercentage (average, maximum) — each split by the `Instance` dimension. Never throws:
// whatever could not be read is a warning naming the problem, and the logs part carries on.
import { PLAN_METRICS, SITE_METRICS, type MetricsInput, type TimeRange } from '../../../engine';
import type { SourceWarning } from '../../source';
import { metricsEndpointFor, type AzureCloud } from '../client/clouds';
import { AzureQueryError } from '../client/query-errors';
import { AzureMetricsClient, type MetricsBatchSpec } from './metrics-client';
import { MetricsFilterError, instanceFilter } from './metrics-filter';
import { metricsGrain } from './metrics-grain';
import { metricsFromSdkResults } from './sdk-results';
import type { SiteResourceReader } from './site-resource-reader';

/** Time series per resource asked for; the service's default with a filter is 10 (instances beyond it vanish). */
export const MAX_SERIES_PER_METRIC = 100;

export const METRICS_ROLE_HINT = 'reading metrics needs "Monitoring Reader" (or Reader) on the site and on its App Service plan';

export const METRICS_WHERE = 'platform metrics';

export interface PlatformMetricsRequest {
  window: TimeRange;
  binMs: number;
  instances?: readonly string[];
}

export interface PlatformMetricsReading {
  metrics?: MetricsInput;
  warnings: SourceWarning[];
  /** getBatch calls this reading needed (before sharing and caching). */
  calls: number;
}

export class PlatformMetricsReader {
  constructor(
    private readonly site: SiteResourceReader,
    private readonly client: AzureMetricsClient,
    private readonly cloud: AzureCloud
  ) {}

  async read(request: PlatformMetricsRequest, signal?: AbortSignal): Promise<PlatformMetricsReading> {
    const reading = await this.site.read(signal);
    if (!reading.resources) {
      return { warnings: [{ where: METRICS_WHERE, message: `not read: ${reading.problem}` }], calls: 0 };
    }
    const { siteId, siteNamespace, planId, location } = reading.resources;
    const endpoint = metricsEndpointFor(this.cloud, location);
    if (!endpoint) {
      return { warnings: [{ where: METRICS_WHERE, message: `not read: no metrics endpoint for region ${JSON.stringify(location)} in ${this.cloud.name}` }], calls: 0 };
    }
    let filter: string;
    try {
      filter = instanceFilter(request.instances);
    } catch (error) {
      if (error instanceof MetricsFilterError) {
        return { warnings: [{ where: METRICS_WHERE, message: `not read: ${error.message}` }], calls: 0 };
      }
      throw error;
    }
    const grain = metricsGrain(request.binMs, request.window);
    const common = { endpoint, filter, interval: grain.iso, top: MAX_SERIES_PER_METRIC, window: request.window, forbiddenHint: METRICS_ROLE_HINT };
    const specs: MetricsBatchSpec[] = [
      { ...common, name: 'site metrics', resourceIds: [siteId], namespace: siteNamespace, metricNames: [...SITE_METRICS], aggregation: 'total,average' },
      { ...common, name: 'plan metrics', resourceIds: [planId], namespace: 'Microsoft.Web/serverFarms', metricNames: [...PLAN_METRICS], aggregation: 'average,maximum' },
    ];
    const settled = await Promise.allSettled(specs.map((spec) => this.client.query(spec, signal)));
    const metrics: MetricsInput = { series: [], issues: [] };
    const warnings: SourceWarning[] = [];
    settled.forEach((outcome, index) => {
      const spec = specs[index];
      if (outcome.status === 'rejected') {
        const reason = outcome.reason;
        warnings.push({ where: METRICS_WHERE, message: `${spec.metricNames.join(', ')} not read: ${reason instanceof AzureQueryError ? reason.message : String(reason)}` });
        return;
      }
      const parsed = metricsFromSdkResults(outcome.value.results, `azure ${spec.name}`, grain.ms);
      metrics.series.push(...parsed.series);
      metrics.issues.push(...parsed.issues);
      for (const name of spec.metricNames) {
        const count = parsed.series.filter((series) => series.name === name).length;
        if (count >= MAX_SERIES_PER_METRIC) {
          warnings.push({ where: METRICS_WHERE, message: `${name}: ${count} instance series returned, the most asked for; further instances may be missing` });
        }
      }
    });
    // A metric Azure failed inside an answered call is in metrics.issues (SourceData's contract:
    // metric problems travel with the metrics), not repeated here.
    if (grain.ms > request.binMs) {
      warnings.push({ where: METRICS_WHERE, message: `metrics at ${grain.iso} (coarser than the ${Math.round(request.binMs / 1000)} s bins: Azure Monitor's finest grain is PT1M, and long windows are coarsened)` });
    }
    const anyRead = settled.some((outcome) => outcome.status === 'fulfilled');
    return { ...(anyRead ? { metrics } : {}), warnings, calls: specs.length };
  }
}
