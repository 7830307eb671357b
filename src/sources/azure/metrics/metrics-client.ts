// Azure Monitor metrics through the real @azure/monitor-query-metrics MetricsClient
// (`metrics:getBatch` on the regional data plane), guarded as the logs client is (guarded-calls.ts):
// bounded retries, a per-attempt deadline, caller cancellation that aborts the HTTP request,
// identical concurrent requests shared, answers cached for a short TTL.
import type { TokenCredential } from '@azure/core-auth';
import { MetricsClient, type MetricsQueryResourcesOptions, type MetricsQueryResult } from '@azure/monitor-query-metrics';
import type { TimeRange } from '../../../engine';
import { CallGuardOptions, GuardedCalls, PreparedAttempt } from '../client/guarded-calls';
import { AzureQueryError, ClassifiedFailure, ObservedResponse, classifyFailure, finalFailureError, parseResponseBody } from '../client/query-errors';

/** One getBatch call: resources of one namespace in one region, the metrics and how to aggregate them. */
export interface MetricsBatchSpec {
  /** Names the call in warnings and errors, e.g. `site metrics`. */
  name: string;
  /** Regional data-plane origin, e.g. `https://westeurope.metrics.monitor.azure.com`. */
  endpoint: string;
  resourceIds: string[];
  namespace: string;
  metricNames: string[];
  /** Comma-separated aggregations, e.g. `total,average`. */
  aggregation: string;
  /** OData `$filter` (already escaped, see metrics-filter.ts). */
  filter: string;
  /** ISO 8601 grain, e.g. `PT1M`. */
  interval: string;
  /** Time series per resource the service returns at most (with a filter; the service default is 10). */
  top: number;
  window: TimeRange;
  /** What a 403 means here: which role on which resources is missing. */
  forbiddenHint: string;
}

export interface MetricsBatchOutcome {
  results: MetricsQueryResult[];
}

/** `attemptTimeoutMs` defaults to 60 s. */
export interface AzureMetricsClientOptions extends CallGuardOptions {
  credential: TokenCredential;
  /** Token scope of the metrics data plane, e.g. `https://metrics.monitor.azure.com/.default`. */
  scope: string;
  credentialDescription: string;
  secrets?: readonly string[];
  tlsCa?: string;
}

/**
 * The SDK's declared options omit these two, but it hands its options to the REST pipeline, which
 * honours both (pinned by metrics-sdk-behaviour.test.ts).
 */
type SdkCallOptions = MetricsQueryResourcesOptions & {
  abortSignal?: AbortSignal;
  onResponse?: (response: { status: number; rawHeaders?: Record<string, string>; parsedBody?: unknown; bodyAsText?: string | null }) => void;
};

export class AzureMetricsClient {
  private readonly sdks = new Map<string, MetricsClient>();
  private readonly guarded: GuardedCalls<MetricsBatchOutcome>;

  constructor(private readonly options: AzureMetricsClientOptions) {
    this.guarded = new GuardedCalls({
      ...options,
      attemptTimeoutMs: options.attemptTimeoutMs ?? 60_000,
      cancelledError: () => new AzureQueryError('the metrics request was cancelled: the caller gave up', 'cancelled', 'metrics', 0),
    });
  }

  /** Run one batch; concurrent identical calls share one upstream request, complete answers are cached. */
  query(spec: MetricsBatchSpec, signal?: AbortSignal): Promise<MetricsBatchOutcome> {
    return this.guarded.run(
      {
        key: JSON.stringify([spec.endpoint, spec.resourceIds, spec.namespace, spec.metricNames, spec.aggregation, spec.filter, spec.interval, spec.top, spec.window]),
        prepare: (attemptSignal) => this.prepare(spec, attemptSignal),
        // A reply with a failed metric is not cached: the next refresh may get it whole.
        cacheable: (outcome) => !outcome.results.some((result) => result.metrics.some((metric) => metric.errorCode && metric.errorCode !== 'Success')),
        fail: (failure, attempts, reason) => this.failure(spec, failure, attempts, reason),
      },
      signal
    );
  }

  private sdkFor(endpoint: string): MetricsClient {
    let sdk = this.sdks.get(endpoint);
    if (!sdk) {
      sdk = new MetricsClient(endpoint, this.options.credential, {
        credentials: { scopes: [this.options.scope] },
        retryOptions: { maxRetries: 0 },
        ...(this.options.tlsCa ? { tlsOptions: { ca: this.options.tlsCa } } : {}),
      });
      this.sdks.set(endpoint, sdk);
    }
    return sdk;
  }

  private prepare(spec: MetricsBatchSpec, signal: AbortSignal): PreparedAttempt<MetricsQueryResult[], MetricsBatchOutcome> {
    let observed: ObservedResponse | undefined;
    return {
      send: () => {
        const options: SdkCallOptions = {
          startTime: new Date(spec.window.from),
          endTime: new Date(spec.window.to),
          interval: spec.interval,
          aggregation: spec.aggregation,
          filter: spec.filter,
          top: spec.top,
          abortSignal: signal,
          onResponse: (response) => {
            observed = { status: response.status, headers: response.rawHeaders ?? {}, body: response.parsedBody ?? parseResponseBody(response.bodyAsText) };
          },
        };
        return this.sdkFor(spec.endpoint).queryResources(spec.resourceIds, spec.metricNames, spec.namespace, options);
      },
      classify: (error) =>
        observed && observed.status === 200
          ? // The SDK could not read a 200 body (e.g. a failed metric sent without a `timeseries` array).
            { kind: 'server', detail: `the reply could not be read: ${(error as Error).message}` }
          : classifyFailure(error, observed),
      read: (results) => ({ results }),
    };
  }

  private failure(spec: MetricsBatchSpec, failure: ClassifiedFailure, attempts: number, reason?: string): AzureQueryError {
    const what: Record<ClassifiedFailure['kind'], string> = {
      auth:
        failure.status === 403
          ? `access denied to ${this.options.credentialDescription}: ${spec.forbiddenHint}`
          : `authentication failed with ${this.options.credentialDescription}`,
      throttled: 'Azure Monitor metrics throttled the request (429)',
      server: 'Azure Monitor metrics failed to answer',
      network: `could not reach the metrics endpoint ${spec.endpoint}`,
      'bad-request': 'Azure Monitor metrics rejected the request',
      'not-found': 'the metrics service does not know the resource (check the id and the cloud)',
      timeout: 'the metrics request did not finish in time',
      cancelled: 'the metrics request was cancelled',
    };
    return finalFailureError(spec.name, what, failure, attempts, reason, this.options.secrets ?? []);
  }
}
