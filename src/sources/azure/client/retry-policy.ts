// Bounded retries: which failures are worth another attempt and how long to wait first.
// The SDK's own retry policy is switched off because it follows any Retry-After however long.
import { ClassifiedFailure } from './query-errors';

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  /** First backoff delay; doubles per attempt. */
  baseDelayMs: number;
  /** Backoff ceiling. */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the query fails at once and says why. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 30_000 };

/** Exponential backoff with ±20 % jitter so concurrent clients do not retry in lock-step. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

/** Decide after failed attempt number `attempt` (1-based). */
export function decideRetry(failure: ClassifiedFailure, attempt: number, policy: RetryPolicy): RetryDecision {
  const retryable = failure.kind === 'throttled' || failure.kind === 'server' || failure.kind === 'network';
  if (!retryable) {
    return { retry: false, reason: 'not retryable' };
  }
  if (attempt >= policy.maxAttempts) {
    return { retry: false, reason: `gave up after ${attempt} attempts` };
  }
  if (failure.retryAfterMs !== undefined) {
    if (failure.retryAfterMs > policy.maxRetryAfterMs) {
      return {
        retry: false,
        reason: `the service asked to wait ${Math.ceil(failure.retryAfterMs / 1000)} s (Retry-After), longer than the ${Math.round(policy.maxRetryAfterMs / 1000)} s allowed`,
      };
    }
    return { retry: true, delayMs: failure.retryAfterMs };
  }
  return { retry: true, delayMs: backoffDelay(attempt, policy) };
}
