// Finds columns by name (never by position), exact first, then ignoring case.
import { LogTable } from '../model/input';

/** Index of the named column, or -1 when the table does not have it. */
export function findColumn(table: LogTable, ...names: string[]): number {
  for (const name of names) {
    const exact = table.columns.findIndex((column) => column.name === name);
    if (exact >= 0) {
      return exact;
    }
  }
  for (const name of names) {
    const lower = name.toLowerCase();
    const loose = table.columns.findIndex((column) => column.name.toLowerCase() === lower);
    if (loose >= 0) {
      return loose;
    }
  }
  return -1;
}

/** A cell as a string: strings as-is, numbers/booleans printed, anything else `undefined`. */
export function cellText(row: unknown[], column: number): string | undefined {
  if (column < 0) {
    return undefined;
  }
  const value = row[column];
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return undefined;
}

/** A cell as a finite number: numbers, or numeric strings (CSV exports); NaN otherwise. */
export function cellNumber(row: unknown[], column: number): number {
  const value = row[column];
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : NaN;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : NaN;
  }
  return NaN;
}
