// The `$filter` of a metrics:getBatch request. Instance names come from the request (template
// variables, the user's instance picker), so each is an OData string literal: quotes doubled, and
// characters OData cannot carry refused rather than passed through.

/** More instances than this in one filter is not an instance filter any more: ask for all (`*`). */
export const MAX_FILTERED_INSTANCES = 50;

export class MetricsFilterError extends Error {
  override readonly name = 'MetricsFilterError';
}

/** One OData string literal: `'` becomes `''`; control characters are refused (they never name an instance). */
export function odataString(value: string): string {
  if (typeof value !== 'string') {
    throw new MetricsFilterError(`expected a string for a metrics filter value, got ${typeof value}`);
  }
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new MetricsFilterError(`instance ${JSON.stringify(value)}: control characters cannot appear in a metrics filter`);
  }
  return `'${value.split("'").join("''")}'`;
}

/**
 * Split by the `Instance` dimension: every instance (`Instance eq '*'`), or only the named ones.
 * OData allows `or` between values of one dimension, which is all this ever emits.
 */
export function instanceFilter(instances?: readonly string[]): string {
  const named = [...new Set(instances ?? [])];
  if (named.length === 0 || named.length > MAX_FILTERED_INSTANCES) {
    return "Instance eq '*'";
  }
  return named.map((instance) => `Instance eq ${odataString(instance)}`).join(' or ');
}
