// KQL literals for the queries the engine suggests as next checks. Every value that reaches a
// suggested query (host names, paths, times, bin sizes) goes through these, so no value becomes syntax.

export class KqlLiteralError extends Error {
  override readonly name = 'KqlLiteralError';
}

/**
 * One KQL double-quoted string literal for any string. `"` and `\` are backslash-escaped; anything
 * outside printable ASCII (newlines, control characters, non-ASCII, lone surrogates) becomes `\uXXXX`,
 * so the literal is printable ASCII, cannot end early, and decodes back to exactly the input.
 */
export function kqlString(value: string): string {
  if (typeof value !== 'string') {
    throw new KqlLiteralError(`a KQL string literal needs a string, got ${typeof value}`);
  }
  let literal = '"';
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code === 0x22) {
      literal += '\\"';
    } else if (code === 0x5c) {
      literal += '\\\\';
    } else if (code >= 0x20 && code <= 0x7e) {
      literal += value[index];
    } else {
      literal += '\\u' + code.toString(16).padStart(4, '0');
    }
  }
  return literal + '"';
}

/** `("a", "b")` for `in` / `has_any`; an empty list is refused because `in ()` matches nothing silently. */
export function kqlStringList(values: readonly string[]): string {
  if (values.length === 0) {
    throw new KqlLiteralError('a KQL list literal needs at least one value');
  }
  return '(' + values.map(kqlString).join(', ') + ')';
}

/** `datetime(2026-04-04T05:35:00.000Z)` from epoch ms; refuses NaN and infinities. */
export function kqlDatetime(epochMs: number): string {
  if (!Number.isFinite(epochMs)) {
    throw new KqlLiteralError(`not a valid time for a KQL datetime: ${String(epochMs)}`);
  }
  return `datetime(${new Date(epochMs).toISOString()})`;
}

/** A timespan literal (`1m`, `30s`, `250ms`) rebuilt from a whole number of milliseconds. */
export function kqlTimespan(milliseconds: number): string {
  if (!Number.isSafeInteger(milliseconds) || milliseconds <= 0) {
    throw new KqlLiteralError(`a KQL timespan needs a positive whole number of ms, got ${String(milliseconds)}`);
  }
  const units: Array<[string, number]> = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ];
  for (const [unit, size] of units) {
    if (milliseconds % size === 0) {
      return `${milliseconds / size}${unit}`;
    }
  }
  return `${milliseconds}ms`;
}
