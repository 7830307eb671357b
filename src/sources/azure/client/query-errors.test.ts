import { classifyFailure, redact, retryAfterMs } from './query-errors';
import { DEFAULT_RETRY_POLICY, backoffDelay, decideRetry } from './retry-policy';

const response = (status: number, headers: Record<string, string> = {}, body?: unknown) => ({ status, headers, body });

describe('retryAfterMs', () => {
  it('reads seconds, HTTP dates and the millisecond headers', () => {
    expect(retryAfterMs({ 'Retry-After': '3' })).toBe(3000);
    expect(retryAfterMs({ 'retry-after-ms': '250' })).toBe(250);
    expect(retryAfterMs({ 'x-ms-retry-after-ms': '75', 'retry-after': '9' })).toBe(75);
    const now = Date.UTC(2026, 3, 4, 5, 0, 0);
    expect(retryAfterMs({ 'retry-after': 'Sat, 04 Apr 2026 05:00:10 GMT' }, now)).toBe(10_000);
    expect(retryAfterMs({})).toBeUndefined();
    expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
  });
});

describe('classifyFailure', () => {
  it.each([
    [401, {}, 'auth'],
    [403, {}, 'auth'],
    [404, {}, 'not-found'],
    [400, {}, 'bad-request'],
    [429, {}, 'throttled'],
    [503, { 'retry-after': '1' }, 'throttled'],
    [503, {}, 'server'],
    [500, {}, 'server'],
  ])('HTTP %d %j → %s', (status, headers, kind) => {
    expect(classifyFailure(new Error('x'), response(status, headers)).kind).toBe(kind);
  });

  it('takes code and message from the Log Analytics error body', () => {
    const failure = classifyFailure(
      new Error('x'),
      response(400, {}, { error: { code: 'BadArgumentError', message: 'The request had some invalid properties', details: [{ message: "Unknown column 'Foo'" }] } })
    );
    expect(failure).toEqual({ kind: 'bad-request', status: 400, code: 'BadArgumentError', detail: "The request had some invalid properties — Unknown column 'Foo'", retryAfterMs: undefined });
  });

  it('recognises network errors and identity errors without a response', () => {
    expect(classifyFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), undefined).kind).toBe('network');
    expect(classifyFailure(Object.assign(new Error('no token'), { name: 'CredentialUnavailableError' }), undefined).kind).toBe('auth');
  });
});

describe('redact', () => {
  it('removes secrets and bearer tokens', () => {
    expect(redact('client_secret=abcd1234 Authorization: Bearer eyJ0eXAi.x.y', ['abcd1234'])).toBe(
      'client_secret=[redacted] Authorization: Bearer [redacted]'
    );
  });
});

describe('decideRetry', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };
  it('retries server, network and throttling failures, up to the attempt bound', () => {
    expect(decideRetry({ kind: 'server', detail: '' }, 1, policy)).toEqual({ retry: true, delayMs: expect.any(Number) });
    expect(decideRetry({ kind: 'network', detail: '' }, 2, policy).retry).toBe(true);
    expect(decideRetry({ kind: 'server', detail: '' }, 3, policy)).toEqual({ retry: false, reason: 'gave up after 3 attempts' });
  });
  it('waits exactly the Retry-After when it is within bounds, refuses when beyond', () => {
    expect(decideRetry({ kind: 'throttled', detail: '', retryAfterMs: 2000 }, 1, policy)).toEqual({ retry: true, delayMs: 2000 });
    expect(decideRetry({ kind: 'throttled', detail: '', retryAfterMs: 60_000 }, 1, policy)).toEqual({
      retry: false,
      reason: 'the service asked to wait 60 s (Retry-After), longer than the 5 s allowed',
    });
  });
  it('never retries auth, bad requests, timeouts or cancellations', () => {
    for (const kind of ['auth', 'bad-request', 'not-found', 'timeout', 'cancelled'] as const) {
      expect(decideRetry({ kind, detail: '' }, 1, policy).retry).toBe(false);
    }
  });
  it('backs off exponentially within ±20 % and under the ceiling', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(80);
    expect(backoffDelay(2, policy, () => 1)).toBe(240);
    expect(backoffDelay(10, policy, () => 0.5)).toBe(1000);
  });
});
