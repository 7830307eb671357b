// Reading the backend's frames by their contract names (src/shared/frame-contract.ts).
import type { DataFrame } from '@grafana/data';
import type { FrameName } from '../../../shared/frame-contract';

export function framesNamed(frames: DataFrame[], name: FrameName): DataFrame[] {
  return frames.filter((frame) => frame.name === name);
}

export function column(frame: DataFrame, name: string): unknown[] | undefined {
  const field = frame.fields.find((candidate) => candidate.name === name);
  return field ? Array.from(field.values as ArrayLike<unknown>) : undefined;
}

export function numberAt(values: unknown[] | undefined, row: number): number | null {
  const value = values?.[row];
  if (value === null || value === undefined || value === '') {
    return null;
  }
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

export function stringAt(values: unknown[] | undefined, row: number, fallback = ''): string {
  const value = values?.[row];
  return value === null || value === undefined ? fallback : String(value);
}

/** Frames without labels (or with empty ones) are the unsplit totals. */
export function isUnsplit(frame: DataFrame): boolean {
  return frame.fields.every((field) => !field.labels || Object.keys(field.labels).length === 0);
}

/** A JSON-string field holding an array (evidence, windows, nextChecks); a bad value is reported, not thrown. */
export function jsonArrayAt<T>(values: unknown[] | undefined, row: number, what: string, problems: string[]): T[] {
  const value = values?.[row];
  if (value === null || value === undefined || value === '') {
    return [];
  }
  if (Array.isArray(value)) {
    return value as T[];
  }
  try {
    const parsed = JSON.parse(String(value)) as unknown;
    if (Array.isArray(parsed)) {
      return parsed as T[];
    }
    problems.push(`${what}: expected a JSON array, got ${typeof parsed}`);
  } catch (error) {
    problems.push(`${what}: not valid JSON (${(error as Error).message})`);
  }
  return [];
}
