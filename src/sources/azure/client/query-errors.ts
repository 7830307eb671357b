// Failures of a Log Analytics query, classified so the caller knows what to do, with messages
// that never carry a secret (tokens, client secrets) — only status, service code and message.

export type QueryFailureKind =
  | 'auth' // the credential could not get a token, or the identity lacks access (401/403)
  | 'throttled' // 429 (or 503 with Retry-After)
  | 'server' // 5xx from Log Analytics
  | 'network' // connection refused/reset, DNS
  | 'bad-request' // 400: the query or timespan was rejected
  | 'not-found' // 404: unknown workspace or resource
  | 'timeout' // no answer within the client timeout
  | 'cancelled'; // the caller gave up

export interface ClassifiedFailure {
  kind: QueryFailureKind;
  /** HTTP status when there was a response. */
  status?: number;
  /** Service error code (`{error:{code}}`) or Node error code. */
  code?: string;
  /** The service's or library's own message, before redaction. */
  detail: string;
  /** Server-requested wait before retrying, from Retry-After / retry-after-ms. */
  retryAfterMs?: number;
}

export class AzureQueryError extends Error {
  override readonly name = 'AzureQueryError';
  constructor(
    message: string,
    readonly kind: QueryFailureKind,
    readonly queryName: string,
    readonly attempts: number,
    readonly status?: number,
    readonly code?: string
  ) {
    super(message);
  }
}

/** The last HTTP response seen for an attempt (captured through the SDK's onResponse hook). */
export interface ObservedResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** A response body as JSON when it parses, else the text as it came. */
export function parseResponseBody(text: string | null | undefined): unknown {
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

function serviceError(body: unknown): { code?: string; message?: string; innerMessages: string[] } {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown; innererror?: unknown } } | undefined)?.error;
  if (!error || typeof error !== 'object') {
    return { innerMessages: [] };
  }
  const innerMessages: string[] = [];
  const details = Array.isArray(error.details) ? error.details : [];
  for (const detail of details) {
    const message = (detail as { message?: unknown })?.message;
    if (typeof message === 'string') {
      innerMessages.push(message);
    }
  }
  return {
    code: typeof error.code === 'string' ? error.code : undefined,
    message: typeof error.message === 'string' ? error.message : undefined,
    innerMessages,
  };
}

/** Parse Retry-After (seconds or HTTP date) or retry-after-ms into milliseconds. */
export function retryAfterMs(headers: Record<string, string>, now: number = Date.now()): number | undefined {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = Number(lower[name]);
    if (lower[name] !== undefined && Number.isFinite(value) && value >= 0) {
      return value;
    }
  }
  const retryAfter = lower['retry-after'];
  if (retryAfter === undefined) {
    return undefined;
  }
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) {
    return seconds * 1000;
  }
  const date = Date.parse(retryAfter);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

export function classifyFailure(error: unknown, response: ObservedResponse | undefined): ClassifiedFailure {
  const err = error as { name?: string; code?: string; message?: string; statusCode?: number } | undefined;
  const name = err?.name ?? '';
  // @azure/identity's error classes: AuthenticationError, AuthenticationRequiredError,
  // AggregateAuthenticationError, CredentialUnavailableError.
  if (/^(Aggregate)?Authentication(Required)?Error$|^CredentialUnavailableError$/.test(name)) {
    return { kind: 'auth', detail: err?.message ?? name, code: name };
  }
  const status = response?.status ?? err?.statusCode;
  if (status !== undefined && status >= 400) {
    const service = serviceError(response?.body);
    const detail = [service.message ?? err?.message ?? `HTTP ${status}`, ...service.innerMessages].join(' — ');
    const wait = response ? retryAfterMs(response.headers) : undefined;
    const base = { status, code: service.code, detail, retryAfterMs: wait };
    if (status === 401 || status === 403) {
      return { kind: 'auth', ...base };
    }
    if (status === 429 || (status === 503 && wait !== undefined)) {
      return { kind: 'throttled', ...base };
    }
    if (status === 404) {
      return { kind: 'not-found', ...base };
    }
    if (status >= 500) {
      return { kind: 'server', ...base };
    }
    return { kind: 'bad-request', ...base };
  }
  if (err?.code && NETWORK_CODES.has(err.code)) {
    return { kind: 'network', code: err.code, detail: err.message ?? err.code };
  }
  if (name === 'AbortError' || /timed? ?out/i.test(err?.message ?? '')) {
    return { kind: 'timeout', detail: err?.message ?? 'timed out' };
  }
  return { kind: 'network', code: err?.code, detail: err?.message ?? String(error) };
}

/**
 * The error a call ends with: `name: what went wrong (why no retry, or how many attempts): status: detail`,
 * with `what` the client's wording for each kind of failure, secrets scrubbed.
 */
export function finalFailureError(
  name: string,
  what: Record<QueryFailureKind, string>,
  failure: ClassifiedFailure,
  attempts: number,
  reason: string | undefined,
  secrets: readonly string[]
): AzureQueryError {
  const status = failure.status ? `HTTP ${failure.status}${failure.code ? ` ${failure.code}` : ''}: ` : '';
  const tail = reason && reason !== 'not retryable' ? ` (${reason})` : attempts > 1 ? ` (after ${attempts} attempts)` : '';
  const message = `${name}: ${what[failure.kind]}${tail}: ${status}${failure.detail}`;
  return new AzureQueryError(redact(message, secrets), failure.kind, name, attempts, failure.status, failure.code);
}

/** Replace every occurrence of each secret (and bearer tokens) in a text. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text.replace(/Bearer\s+[A-Za-z0-9\-._~+/]+=*/g, 'Bearer [redacted]');
  for (const secret of secrets) {
    if (secret.length >= 4) {
      out = out.split(secret).join('[redacted]');
    }
  }
  return out;
}
