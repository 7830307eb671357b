// Column types of the three App Service tables (Microsoft's table reference) and of the HttpBins
// aggregate, used to type columns from formats that carry no types (CSV, az CLI JSON, JSON lines).
import type { TableKind } from '../../engine';

const DATETIME = new Set(['TimeGenerated', 'bin']);
const INTEGER = new Set([
  'ScStatus', 'ScSubStatus', 'ScWin32Status', 'TimeTaken', 'CsBytes', 'ScBytes', 'SPort',
  'requests', 's2xx', 's3xx', 's4xx', 's5xx', 's499', 's500', 's502', 's503', 's504',
]);
const REAL = new Set(['p50', 'p95', 'p99', 'max']);

export function kustoTypeOf(column: string): 'datetime' | 'int' | 'real' | 'string' {
  if (DATETIME.has(column)) {
    return 'datetime';
  }
  if (INTEGER.has(column)) {
    return 'int';
  }
  return REAL.has(column) ? 'real' : 'string';
}

/** Turns a text cell into the value a Log Analytics JSON response would hold for that column. */
export function typedCell(column: string, text: string): unknown {
  const type = kustoTypeOf(column);
  if ((type === 'int' || type === 'real') && text.trim() !== '') {
    const value = Number(text);
    return Number.isFinite(value) ? value : text;
  }
  return text;
}

/** Which table a set of column names belongs to, from the columns only (never the file name). */
export function tableKindOf(columns: readonly string[]): TableKind | undefined {
  const has = (name: string) => columns.includes(name);
  if (has('bin') && has('requests')) {
    return 'bins';
  }
  if (!has('TimeGenerated')) {
    return undefined;
  }
  if (has('ScStatus') || has('TimeTaken') || has('CsUriStem')) {
    return 'http';
  }
  if (has('ResultDescription')) {
    return 'console';
  }
  if (has('Message')) {
    return 'platform';
  }
  return undefined;
}

/** Portal CSV headers read `TimeGenerated [UTC]`; the column is `TimeGenerated`. */
export function normaliseHeader(name: string): string {
  return name.replace(/\s*\[(UTC|Local Time)\]\s*$/i, '').trim();
}
