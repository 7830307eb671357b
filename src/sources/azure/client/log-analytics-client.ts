// Log Analytics queries through the real SDK client, with what the SDK leaves to its caller:
// bounded retries, per-attempt and overall timeouts, cancellation, PartialFailure as data plus
// a warning, identical concurrent requests shared, answers cached for a short TTL.
import type { TokenCredential } from '@azure/core-auth';
import { LogsQueryClient, LogsQueryResult, LogsQueryResultStatus } from '@azure/monitor-query-logs';
import type { LogTable, TimeRange } from '../../../engine';
import type { SourceWarning } from '../../source';
import { CallRegistry } from './call-registry';
import { AzureCloud } from './clouds';
import { AzureTransport } from './credentials';
import { AttemptFailure, CallGuardOptions, GuardedCalls, PreparedAttempt } from './guarded-calls';
import { LogsTarget, describeTarget } from './logs-target';
import { AzureQueryError, ClassifiedFailure, classifyFailure, finalFailureError, redact } from './query-errors';

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

/** `attemptTimeoutMs` defaults to the server timeout plus 15 s. */
export interface LogAnalyticsClientOptions extends CallGuardOptions {
  target: LogsTarget;
  cloud: AzureCloud;
  credential: TokenCredential;
  /** Names the credential in auth errors, e.g. `managed identity, client …` (never a secret). */
  credentialDescription: string;
  /** Values scrubbed from every message (client secrets). */
  secrets?: readonly string[];
  transport?: AzureTransport;
  /** Sent as `Prefer: wait=<n>`; capped at 600. */
  serverTimeoutSeconds?: number;
}

export class LogAnalyticsClient {
  private readonly sdk: LogsQueryClient;
  private readonly calls = new CallRegistry();
  private readonly serverTimeoutSeconds: number;
  private readonly guarded: GuardedCalls<LogsQueryOutcome>;

  constructor(private readonly options: LogAnalyticsClientOptions) {
    this.serverTimeoutSeconds = Math.min(options.serverTimeoutSeconds ?? 180, MAX_SERVER_TIMEOUT_SECONDS);
    this.guarded = new GuardedCalls({
      ...options,
      attemptTimeoutMs: options.attemptTimeoutMs ?? (this.serverTimeoutSeconds + 15) * 1000,
      cancelledError: () => this.failure('shared', { kind: 'cancelled', detail: 'the caller gave up' }, 0),
    });
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
    return this.guarded.run(
      {
        key: [describeTarget(this.options.target), spec.window.from, spec.window.to, spec.query].join('\n'),
        prepare: (attemptSignal) => this.prepare(spec, attemptSignal),
        // A partial answer is not cached: the next refresh may get the whole one.
        cacheable: (outcome) => !outcome.partial,
        fail: (failure, attempts, reason) => this.failure(spec.name, failure, attempts, reason),
      },
      signal
    );
  }

  private prepare(spec: LogsQuerySpec, signal: AbortSignal): PreparedAttempt<LogsQueryResult, LogsQueryOutcome> {
    const call = this.calls.open(signal);
    return {
      send: () => {
        const timespan = { startTime: new Date(spec.window.from), endTime: new Date(spec.window.to) };
        // No SDK `requestOptions.timeout`: its HTTP client leaves that timer armed when a request is
        // aborted. The attempt's deadline aborts the request through the call's signal instead.
        const sdkOptions = { serverTimeoutInSeconds: this.serverTimeoutSeconds, requestOptions: { headers: call.headers } };
        const target = this.options.target;
        return target.kind === 'workspace'
          ? this.sdk.queryWorkspace(target.workspaceId, spec.query, timespan, sdkOptions)
          : // The SDK expands `/{+resourceId}/query`; a leading slash would give `/v1//subscriptions/…`.
            this.sdk.queryResource(target.resourceId.replace(/^\/+/, ''), spec.query, timespan, sdkOptions);
      },
      classify: (error) => classifyFailure(error, call.response()),
      read: (result) => this.toOutcome(spec, result.status === LogsQueryResultStatus.PartialFailure, call.response()?.body),
      release: () => call.release(),
    };
  }

  private toOutcome(spec: LogsQuerySpec, partial: boolean, body: unknown): LogsQueryOutcome {
    const raw = body as { tables?: LogTable[]; error?: { code?: string; message?: string; details?: Array<{ message?: string }> } };
    const first = raw?.tables?.[0];
    if (!first || !Array.isArray(first.columns) || !Array.isArray(first.rows)) {
      throw new AttemptFailure({ kind: 'server', detail: 'the response held no result table' });
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
    return finalFailureError(queryName, what, failure, attempts, reason, this.options.secrets ?? []);
  }
}
