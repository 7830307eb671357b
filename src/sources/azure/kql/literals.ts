// KQL literals built from untrusted values. Nothing from a user, a template variable or a
// setting reaches a query except through these functions, so a value can never become syntax.

/** A bin size or other duration, validated and normalised; `kql` is the literal to emit. */
export interface KqlTimespan {
  milliseconds: number;
  kql: string;
}

const TIMESPAN_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const TIMESPAN_PATTERN = /^(\d{1,9})(ms|s|m|h|d)$/;

/** Longest bin accepted: a week. Beyond that a bin says nothing about an incident. */
export const MAX_BIN_MS = 7 * 86_400_000;
/** Shortest bin accepted: one second (TimeGenerated is recorded with sub-second precision, but
 *  Log Analytics row limits make finer bins useless for any window worth looking at). */
export const MIN_BIN_MS = 1000;

export class KqlValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KqlValueError';
  }
}

/**
 * Escape any string as one KQL double-quoted string literal. Printable ASCII passes through;
 * `"` and `\` are backslash-escaped; everything else (control characters, newlines, U+2028,
 * non-ASCII, lone surrogates) becomes `\uXXXX`, so the literal is pure printable ASCII and
 * decodes back to exactly the input.
 */
export function kqlString(value: string): string {
  if (typeof value !== 'string') {
    throw new KqlValueError(`expected a string for a KQL literal, got ${typeof value}`);
  }
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x22) {
      out += '\\"';
    } else if (code === 0x5c) {
      out += '\\\\';
    } else if (code >= 0x20 && code <= 0x7e) {
      out += value[i];
    } else {
      out += '\\u' + code.toString(16).padStart(4, '0');
    }
  }
  return out + '"';
}

/** A parenthesised list of string literals for `in (...)` / `has_any (...)`. Empty lists are refused. */
export function kqlStringList(values: readonly string[], what: string): string {
  if (values.length === 0) {
    throw new KqlValueError(`${what}: an empty list cannot be used as a KQL filter`);
  }
  return '(' + values.map(kqlString).join(', ') + ')';
}

/** `datetime(...)` from an instant; refuses invalid dates instead of emitting `NaN`. */
export function kqlDatetime(instant: Date | number, what: string): string {
  const ms = instant instanceof Date ? instant.getTime() : instant;
  if (!Number.isFinite(ms)) {
    throw new KqlValueError(`${what}: not a valid time (${String(instant)})`);
  }
  return `datetime(${new Date(ms).toISOString()})`;
}

/**
 * Parse a bin size such as `30s`, `1m`, `5m`, `1h` (Grafana interval style) into a validated
 * timespan. The emitted literal is rebuilt from the parsed number and unit, never copied.
 */
export function parseTimespan(text: string, what: string): KqlTimespan {
  const match = TIMESPAN_PATTERN.exec(typeof text === 'string' ? text.trim() : '');
  if (!match) {
    throw new KqlValueError(
      `${what}: ${JSON.stringify(text)} is not a timespan; use a whole number followed by ms, s, m, h or d (e.g. "30s", "1m")`
    );
  }
  const amount = Number(match[1]);
  const unit = match[2];
  return timespanFromMs(amount * TIMESPAN_UNITS[unit], what);
}

/** Build a bin timespan from milliseconds, choosing the largest exact unit for readability. */
export function timespanFromMs(milliseconds: number, what: string): KqlTimespan {
  if (!Number.isInteger(milliseconds) || milliseconds < MIN_BIN_MS || milliseconds > MAX_BIN_MS) {
    throw new KqlValueError(`${what}: bin of ${milliseconds} ms is outside the accepted range 1s–7d`);
  }
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const size = TIMESPAN_UNITS[unit];
    if (milliseconds % size === 0) {
      return { milliseconds, kql: `${milliseconds / size}${unit}` };
    }
  }
  return { milliseconds, kql: `${milliseconds}ms` };
}

/** A positive integer (row caps, `take` counts), validated before it is printed into a query. */
export function kqlCount(value: number, what: string, max: number): string {
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new KqlValueError(`${what}: ${value} must be a whole number between 1 and ${max}`);
  }
  return String(value);
}
