// Azure Monitor metrics through the real @azure/monitor-query-metrics MetricsClient
// (`metrics:getBatch` on the regional data plane), with what the logs client adds around its SDK:
// bounded retries, a per-attempt deadline, caller cancellation that aborts the HTTP request,
// identical concurrent requests shared, answers cached for a short TTL.
import type { TokenCredential } from '@azure/core-auth';
import { MetricsClient, type MetricsQueryResourcesOptions, type MetricsQueryResult } from '@azure/monitor-query-metrics';
import type { TimeRange } from '../../../engine';
import { abortableSleep } from '../client/log-analytics-client';
import { AzureQueryError, ClassifiedFailure, ObservedResponse, classifyFailure, redact } from '../client/query-errors';
import { DEFAULT_RETRY_POLICY, RetryPolicy, decideRetry } from '../client/retry-policy';
import { Singleflight } from '../client/singleflight';
import { TtlCache } from '../client/ttl-cache';

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

export interface AzureMetricsClientOptions {
  credential: TokenCredential;
  /** Token scope of the metrics data plane, e.g. `https://metrics.monitor.azure.com/.default`. */
  scope: string;
  credentialDescription: string;
  secrets?: readonly string[];
  tlsCa?: string;
  retry?: Partial<RetryPolicy>;
  /** Client-side limit for one attempt; the request is aborted when it passes. Default 60 s. */
  attemptTimeoutMs?: number;
  cacheTtlMs?: number;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * The SDK's declared options omit these two, but it hands its options to the REST pipeline, which
 * honours both (pinned by metrics-sdk-behaviour.test.ts).
 */
type SdkCallOptions = MetricsQueryResourcesOptions & {
  abortSignal?: AbortSignal;
  onResponse?: (response: { status: number; rawHeaders?: Record<string, string>; parsedBody?: unknown; bodyAsText?: string | null }) => void;
};

class AttemptFailure extends Error {
  constructor(readonly failure: ClassifiedFailure) {
    super(failure.detail);
  }
}

export class AzureMetricsClient {
  private readonly sdks = new Map<string, MetricsClient>();
  private readonly retry: RetryPolicy;
  private readonly attemptTimeoutMs: number;
  private readonly cache: TtlCache<MetricsBatchOutcome>;
  private readonly shared: Singleflight<MetricsBatchOutcome>;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;

  constructor(private readonly options: AzureMetricsClientOptions) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 60_000;
    this.cache = new TtlCache(options.cacheTtlMs ?? 30_000, options.now ?? Date.now);
    this.shared = new Singleflight(() => new AzureQueryError('the metrics request was cancelled: the caller gave up', 'cancelled', 'metrics', 0));
    this.sleep = options.sleep ?? abortableSleep;
  }

  /** Run one batch; concurrent identical calls share one upstream request, complete answers are cached. */
  query(spec: MetricsBatchSpec, signal?: AbortSignal): Promise<MetricsBatchOutcome> {
    const key = JSON.stringify([spec.endpoint, spec.resourceIds, spec.namespace, spec.metricNames, spec.aggregation, spec.filter, spec.interval, spec.top, spec.window]);
    const cached = this.cache.get(key);
    if (cached) {
      return Promise.resolve(cached);
    }
    return this.shared.run(
      key,
      async (sharedSignal) => {
        const outcome = await this.withRetries(spec, sharedSignal);
        // A reply with a failed metric is not cached: the next refresh may get it whole.
        const failedMetric = outcome.results.some((result) => result.metrics.some((metric) => metric.errorCode && metric.errorCode !== 'Success'));
        if (!failedMetric) {
          this.cache.set(key, outcome);
        }
        return outcome;
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

  private async withRetries(spec: MetricsBatchSpec, signal: AbortSignal): Promise<MetricsBatchOutcome> {
    for (let attempt = 1; ; attempt++) {
      let failure: ClassifiedFailure;
      try {
        return await this.attempt(spec, signal);
      } catch (error) {
        failure = error instanceof AttemptFailure ? error.failure : classifyFailure(error, undefined);
      }
      if (signal.aborted) {
        throw this.failure(spec, { kind: 'cancelled', detail: 'the caller gave up' }, attempt);
      }
      const decision = decideRetry(failure, attempt, this.retry);
      if (!decision.retry) {
        throw this.failure(spec, failure, attempt, decision.reason);
      }
      try {
        await this.sleep(decision.delayMs, signal);
      } catch {
        throw this.failure(spec, { kind: 'cancelled', detail: 'the caller gave up while waiting to retry' }, attempt);
      }
    }
  }

  private async attempt(spec: MetricsBatchSpec, signal: AbortSignal): Promise<MetricsBatchOutcome> {
    if (signal.aborted) {
      throw new AttemptFailure({ kind: 'cancelled', detail: 'the caller gave up' });
    }
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort();
    signal.addEventListener('abort', onCallerAbort, { once: true });
    let observed: ObservedResponse | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const options: SdkCallOptions = {
        startTime: new Date(spec.window.from),
        endTime: new Date(spec.window.to),
        interval: spec.interval,
        aggregation: spec.aggregation,
        filter: spec.filter,
        top: spec.top,
        abortSignal: controller.signal,
        onResponse: (response) => {
          observed = { status: response.status, headers: response.rawHeaders ?? {}, body: response.parsedBody ?? parseText(response.bodyAsText) };
        },
      };
      const request = this.sdkFor(spec.endpoint).queryResources(spec.resourceIds, spec.metricNames, spec.namespace, options);
      // As in the logs client: the race answers the caller on time even if the SDK ignored the signal.
      const deadline = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          reject(new AttemptFailure({ kind: 'timeout', detail: `no answer within ${this.attemptTimeoutMs} ms` }));
          controller.abort();
        }, this.attemptTimeoutMs);
        controller.signal.addEventListener('abort', () => reject(new AttemptFailure({ kind: 'cancelled', detail: 'the caller gave up' })));
      });
      request.catch(() => undefined);
      try {
        return { results: await Promise.race([request, deadline]) };
      } catch (error) {
        if (error instanceof AttemptFailure) {
          throw error;
        }
        if (observed && observed.status === 200) {
          // The SDK could not read a 200 body (e.g. a failed metric sent without a `timeseries` array).
          throw new AttemptFailure({ kind: 'server', detail: `the reply could not be read: ${(error as Error).message}` });
        }
        throw new AttemptFailure(classifyFailure(error, observed));
      }
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onCallerAbort);
    }
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
    const status = failure.status ? `HTTP ${failure.status}${failure.code ? ` ${failure.code}` : ''}: ` : '';
    const tail = reason && reason !== 'not retryable' ? ` (${reason})` : attempts > 1 ? ` (after ${attempts} attempts)` : '';
    const message = `${spec.name}: ${what[failure.kind]}${tail}: ${status}${failure.detail}`;
    return new AzureQueryError(redact(message, this.options.secrets ?? []), failure.kind, spec.name, attempts, failure.status, failure.code);
  }
}

function parseText(text: string | null | undefined): unknown {
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
