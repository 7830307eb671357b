// Log Analytics queries through the real SDK client, with what the SDK leaves to its caller:
// bounded retries, per-attempt and overall timeouts, cancellation, PartialFailure as data plus
// a warning, identical concurrent requests shared, answers cached for a short TTL.
import type { TokenCredential } from '@azure/core-auth';
import { LogsQueryClient, LogsQueryResultStatus } from '@azure/monitor-query-logs';
import type { LogTable, TimeRange } from '../../../engine';
import type { SourceWarning } from '../../source';
import { CallRegistry } from './call-registry';
import { AzureCloud } from './clouds';
import { AzureTransport } from './credentials';
import { LogsTarget, describeTarget } from './logs-target';
import { AzureQueryError, ClassifiedFailure, classifyFailure, redact } from './query-errors';
import { DEFAULT_RETRY_POLICY, RetryPolicy, decideRetry } from './retry-policy';
import { Singleflight } from './singleflight';
import { TtlCache } from './ttl-cache';

/** Log Analytics stops a query after 10 minutes whatever is asked. */
export const MAX_SERVER_TIMEOUT_SECONDS = 600;

export interface LogsQuerySpec {
  /** Names the query in warnings and errors (e.g. `HttpBins`, `AppServiceConsoleLogs`). */
  name: string;
  query: string;
  window: TimeRange;
}

export interface LogsQueryOutcome {
  /** The first result table, in the Log Analytics REST shape, renamed to `spec.name`. */
  table: LogTable;
  warnings: SourceWarning[];
  partial: boolean;
}

export interface LogAnalyticsClientOptions {
  target: LogsTarget;
  cloud: AzureCloud;
  credential: TokenCredential;
  /** Names the credential in auth errors, e.g. `managed identity, client …` (never a secret). */
  credentialDescription: string;
  /** Values scrubbed from every message (client secrets). */
  secrets?: readonly string[];
  transport?: AzureTransport;
  retry?: Partial<RetryPolicy>;
  /** Sent as `Prefer: wait=<n>`; capped at 600. */
  serverTimeoutSeconds?: number;
  /** Client-side limit for one attempt; the request is aborted when it passes. */
  attemptTimeoutMs?: number;
  cacheTtlMs?: number;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** A sleep that ends early (rejecting) when `signal` aborts; shared by the logs and metrics clients. */
export const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      return reject(signal.reason);
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

export class LogAnalyticsClient {
  private readonly sdk: LogsQueryClient;
  private readonly calls = new CallRegistry();
  private readonly retry: RetryPolicy;
  private readonly serverTimeoutSeconds: number;
  private readonly attemptTimeoutMs: number;
  private readonly cache: TtlCache<LogsQueryOutcome>;
  private readonly shared: Singleflight<LogsQueryOutcome>;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;

  constructor(private readonly options: LogAnalyticsClientOptions) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.serverTimeoutSeconds = Math.min(options.serverTimeoutSeconds ?? 180, MAX_SERVER_TIMEOUT_SECONDS);
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? (this.serverTimeoutSeconds + 15) * 1000;
    this.cache = new TtlCache(options.cacheTtlMs ?? 30_000, options.now ?? Date.now);
    this.shared = new Singleflight(() => this.failure('shared', { kind: 'cancelled', detail: 'the caller gave up' }, 0));
    this.sleep = options.sleep ?? abortableSleep;
    this.sdk = new LogsQueryClient(options.credential, {
      endpoint: `${options.cloud.logsEndpoint}/v1`,
      credentials: { scopes: [options.cloud.logsScope] },
      retryOptions: { maxRetries: 0 },
      additionalPolicies: [{ policy: this.calls.policy(), position: 'perCall' }],
      ...(options.transport?.tlsCa ? { tlsOptions: { ca: options.transport.tlsCa } } : {}),
    });
  }

  /** Run a query; concurrent identical calls share one upstream request, answers are cached. */
  query(spec: LogsQuerySpec, signal?: AbortSignal): Promise<LogsQueryOutcome> {
    const key = [describeTarget(this.options.target), spec.window.from, spec.window.to, spec.query].join('\n');
    const cached = this.cache.get(key);
    if (cached) {
      return Promise.resolve(cached);
    }
    return this.shared.run(
      key,
      async (sharedSignal) => {
        const outcome = await this.withRetries(spec, sharedSignal);
        // A partial answer is not cached: the next refresh may get the whole one.
        if (!outcome.partial) {
          this.cache.set(key, outcome);
        }
        return outcome;
      },
      signal
    );
  }

  private async withRetries(spec: LogsQuerySpec, signal: AbortSignal): Promise<LogsQueryOutcome> {
    for (let attempt = 1; ; attempt++) {
      let failure: ClassifiedFailure;
      try {
        return await this.attempt(spec, signal);
      } catch (error) {
        failure = error instanceof ClassifiedAttemptFailure ? error.failure : classifyFailure(error, undefined);
      }
      if (signal.aborted) {
        throw this.failure(spec.name, { kind: 'cancelled', detail: 'the caller gave up' }, attempt);
      }
      const decision = decideRetry(failure, attempt, this.retry);
      if (!decision.retry) {
        throw this.failure(spec.name, failure, attempt, decision.reason);
      }
      try {
        await this.sleep(decision.delayMs, signal);
      } catch {
        throw this.failure(spec.name, { kind: 'cancelled', detail: 'the caller gave up while waiting to retry' }, attempt);
      }
    }
  }

  private async attempt(spec: LogsQuerySpec, signal: AbortSignal): Promise<LogsQueryOutcome> {
    if (signal.aborted) {
      throw new ClassifiedAttemptFailure({ kind: 'cancelled', detail: 'the caller gave up' });
    }
    const attemptController = new AbortController();
    const call = this.calls.open(attemptController.signal);
    const onCallerAbort = () => attemptController.abort();
    signal.addEventListener('abort', onCallerAbort, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timespan = { startTime: new Date(spec.window.from), endTime: new Date(spec.window.to) };
      // No SDK `requestOptions.timeout`: its HTTP client leaves that timer armed when a request is
      // aborted. The deadline below aborts the request through the call's signal instead.
      const sdkOptions = { serverTimeoutInSeconds: this.serverTimeoutSeconds, requestOptions: { headers: call.headers } };
      const target = this.options.target;
      const request =
        target.kind === 'workspace'
          ? this.sdk.queryWorkspace(target.workspaceId, spec.query, timespan, sdkOptions)
          : // The SDK expands `/{+resourceId}/query`; a leading slash would give `/v1//subscriptions/…`.
            this.sdk.queryResource(target.resourceId.replace(/^\/+/, ''), spec.query, timespan, sdkOptions);
      // The race guarantees the caller is answered on time even if the SDK ignores the signal.
      const deadline = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          reject(new ClassifiedAttemptFailure({ kind: 'timeout', detail: `no answer within ${this.attemptTimeoutMs} ms` }));
          attemptController.abort();
        }, this.attemptTimeoutMs);
        attemptController.signal.addEventListener('abort', () =>
          reject(new ClassifiedAttemptFailure({ kind: 'cancelled', detail: 'the caller gave up' }))
        );
      });
      request.catch(() => undefined);
      let result;
      try {
        result = await Promise.race([request, deadline]);
      } catch (error) {
        if (error instanceof ClassifiedAttemptFailure) {
          throw error;
        }
        throw new ClassifiedAttemptFailure(classifyFailure(error, call.response()));
      }
      return this.toOutcome(spec, result.status === LogsQueryResultStatus.PartialFailure, call.response()?.body);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onCallerAbort);
      call.release();
    }
  }

  private toOutcome(spec: LogsQuerySpec, partial: boolean, body: unknown): LogsQueryOutcome {
    const raw = body as { tables?: LogTable[]; error?: { code?: string; message?: string; details?: Array<{ message?: string }> } };
    const first = raw?.tables?.[0];
    if (!first || !Array.isArray(first.columns) || !Array.isArray(first.rows)) {
      throw new ClassifiedAttemptFailure({ kind: 'server', detail: 'the response held no result table' });
    }
    const table: LogTable = { name: spec.name, columns: first.columns.map((c) => ({ name: c.name, type: c.type })), rows: first.rows };
    const warnings = [];
    if (partial) {
      const reasons = [raw.error?.message, ...(raw.error?.details ?? []).map((d) => d.message)].filter(Boolean).join(' — ');
      warnings.push({
        where: spec.name,
        message: redact(
          `Log Analytics returned a partial result (${raw.error?.code ?? 'PartialError'}: ${reasons || 'no reason given'}); ${table.rows.length} rows kept, the rest of the window may be missing`,
          this.options.secrets ?? []
        ),
      });
    }
    return { table, warnings, partial };
  }

  private failure(queryName: string, failure: ClassifiedFailure, attempts: number, reason?: string): AzureQueryError {
    const where = describeTarget(this.options.target);
    const status = failure.status ? `HTTP ${failure.status}${failure.code ? ` ${failure.code}` : ''}: ` : '';
    const what: Record<ClassifiedFailure['kind'], string> = {
      auth: `authentication failed with ${this.options.credentialDescription}; check the credential and that it has the Log Analytics Reader role on ${where}`,
      throttled: `Log Analytics throttled the query (429)`,
      server: `Log Analytics failed to run the query`,
      network: `could not reach Log Analytics at ${this.options.cloud.logsEndpoint}`,
      'bad-request': `Log Analytics rejected the query`,
      'not-found': `${where} was not found (check the id and the cloud: ${this.options.cloud.name})`,
      timeout: `the query did not finish in time`,
      cancelled: `the query was cancelled`,
    };
    const tail = reason && reason !== 'not retryable' ? ` (${reason})` : attempts > 1 ? ` (after ${attempts} attempts)` : '';
    const message = `${queryName}: ${what[failure.kind]}${tail}: ${status}${failure.detail}`;
    return new AzureQueryError(redact(message, this.options.secrets ?? []), failure.kind, queryName, attempts, failure.status, failure.code);
  }
}

class ClassifiedAttemptFailure extends Error {
  constructor(readonly failure: ClassifiedFailure) {
    super(failure.detail);
  }
}
