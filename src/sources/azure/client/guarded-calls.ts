// What the Azure SDK clients leave to their caller, shared by the logs and metrics clients:
// bounded retries, a deadline per attempt that aborts the HTTP request, caller cancellation,
// identical concurrent calls sharing one upstream request, complete answers cached for a short TTL.
import { AzureQueryError, ClassifiedFailure, classifyFailure } from './query-errors';
import { DEFAULT_RETRY_POLICY, RetryPolicy, decideRetry } from './retry-policy';
import { Singleflight } from './singleflight';
import { TtlCache } from './ttl-cache';

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** A sleep that ends early (rejecting) when `signal` aborts. */
export const abortableSleep: Sleep = (ms, signal) =>
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

/** A failure an attempt has already classified; the retry loop takes it as it is. */
export class AttemptFailure extends Error {
  constructor(readonly failure: ClassifiedFailure) {
    super(failure.detail);
  }
}

/** One attempt, prepared: `send` starts the SDK request, the rest reads what came of it. */
export interface PreparedAttempt<R, T> {
  send: () => Promise<R>;
  /** Classifies an error the request rejected with (deadline and cancellation are handled here). */
  classify: (error: unknown) => ClassifiedFailure;
  /** Turns the answer into the outcome; may throw an AttemptFailure. */
  read: (answer: R) => T;
  /** Called when the attempt is over, whichever way it ended. */
  release?: () => void;
}

export interface GuardedCall<R, T> {
  /** Identical calls share this key: one upstream request while in flight, one cache entry after. */
  key: string;
  /** Prepares an attempt whose request must abort with `signal` (caller gone or deadline passed). */
  prepare: (signal: AbortSignal) => PreparedAttempt<R, T>;
  /** Whether the outcome is complete enough to be served from the cache. */
  cacheable: (outcome: T) => boolean;
  /** The error the caller gets once no attempt is left (`reason` says why not). */
  fail: (failure: ClassifiedFailure, attempts: number, reason?: string) => AzureQueryError;
}

/** The guards a client's user may tune; both clients' options extend these. */
export interface CallGuardOptions {
  retry?: Partial<RetryPolicy>;
  /** Client-side limit for one attempt; the request is aborted when it passes. Each client has its default. */
  attemptTimeoutMs?: number;
  cacheTtlMs?: number;
  now?: () => number;
  sleep?: Sleep;
}

export interface GuardedCallsOptions extends CallGuardOptions {
  attemptTimeoutMs: number;
  /** The error a caller gets when it gives up on a call it shares with others. */
  cancelledError: () => Error;
}

export class GuardedCalls<T> {
  private readonly retry: RetryPolicy;
  private readonly cache: TtlCache<T>;
  private readonly shared: Singleflight<T>;
  private readonly sleep: Sleep;

  constructor(private readonly options: GuardedCallsOptions) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.cache = new TtlCache(options.cacheTtlMs ?? 30_000, options.now ?? Date.now);
    this.shared = new Singleflight(options.cancelledError);
    this.sleep = options.sleep ?? abortableSleep;
  }

  run<R>(call: GuardedCall<R, T>, signal?: AbortSignal): Promise<T> {
    const cached = this.cache.get(call.key);
    if (cached) {
      return Promise.resolve(cached);
    }
    return this.shared.run(
      call.key,
      async (sharedSignal) => {
        const outcome = await this.withRetries(call, sharedSignal);
        if (call.cacheable(outcome)) {
          this.cache.set(call.key, outcome);
        }
        return outcome;
      },
      signal
    );
  }

  private async withRetries<R>(call: GuardedCall<R, T>, signal: AbortSignal): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let failure: ClassifiedFailure;
      try {
        return await this.attempt(call, signal);
      } catch (error) {
        failure = error instanceof AttemptFailure ? error.failure : classifyFailure(error, undefined);
      }
      if (signal.aborted) {
        throw call.fail({ kind: 'cancelled', detail: 'the caller gave up' }, attempt);
      }
      const decision = decideRetry(failure, attempt, this.retry);
      if (!decision.retry) {
        throw call.fail(failure, attempt, decision.reason);
      }
      try {
        await this.sleep(decision.delayMs, signal);
      } catch {
        throw call.fail({ kind: 'cancelled', detail: 'the caller gave up while waiting to retry' }, attempt);
      }
    }
  }

  private async attempt<R>(call: GuardedCall<R, T>, signal: AbortSignal): Promise<T> {
    if (signal.aborted) {
      throw new AttemptFailure({ kind: 'cancelled', detail: 'the caller gave up' });
    }
    const controller = new AbortController();
    const prepared = call.prepare(controller.signal);
    const onCallerAbort = () => controller.abort();
    signal.addEventListener('abort', onCallerAbort, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const request = prepared.send();
      // The race answers the caller on time even if the SDK ignores the signal.
      const deadline = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          reject(new AttemptFailure({ kind: 'timeout', detail: `no answer within ${this.options.attemptTimeoutMs} ms` }));
          controller.abort();
        }, this.options.attemptTimeoutMs);
        controller.signal.addEventListener('abort', () => reject(new AttemptFailure({ kind: 'cancelled', detail: 'the caller gave up' })));
      });
      request.catch(() => undefined);
      let answer: R;
      try {
        answer = await Promise.race([request, deadline]);
      } catch (error) {
        if (error instanceof AttemptFailure) {
          throw error;
        }
        throw new AttemptFailure(prepared.classify(error));
      }
      return prepared.read(answer);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onCallerAbort);
      prepared.release?.();
    }
  }
}
