// "Save & test": the backend's health result with its JSON details spelled out, so the user sees
// which source and settings were checked (secrets only by name) and what to fix.
import type { TestDataSourceResponse } from '@grafana/data';
import type { HealthCheckResult } from '@grafana/runtime';

const STATUS: Record<string, TestDataSourceResponse['status']> = { OK: 'success', ERROR: 'error', UNKNOWN: 'warning' };

function describeValue(value: unknown): string {
  if (Array.isArray(value)) {
    return value.length ? value.join(', ') : 'none';
  }
  if (value === undefined || value === null || value === '') {
    return 'not set';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** One `key: value` line per detail, nested objects flattened with dots, in the backend's order. */
export function detailLines(details: unknown, prefix = ''): string[] {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) {
    return [];
  }
  return Object.entries(details).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? detailLines(value, `${prefix}${key}.`)
      : [`${prefix}${key}: ${describeValue(value)}`]
  );
}

export function toTestResponse(health: HealthCheckResult): TestDataSourceResponse {
  const lines = detailLines(health.details);
  return {
    status: STATUS[health.status] ?? 'error',
    message: health.message,
    details: lines.length ? { message: 'What the backend checked', verboseMessage: lines.join('\n') } : undefined,
  };
}
