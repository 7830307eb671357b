// What Grafana's Go SDK requires of an Arrow frame (data/arrow.go), checked with apache-arrow.
import { DataType, TimeUnit, tableFromIPC, type Field, type Schema } from 'apache-arrow';

const ARROW_MAGIC = Buffer.from('ARROW1');

/** The IPC file format (what data.UnmarshalArrowFrame reads) starts and ends with ARROW1. */
export function isArrowFile(bytes: Uint8Array): boolean {
  return (
    bytes.length > 12 &&
    Buffer.from(bytes.subarray(0, 6)).equals(ARROW_MAGIC) &&
    Buffer.from(bytes.subarray(bytes.length - 6)).equals(ARROW_MAGIC)
  );
}

function schemaOf(bytes: Uint8Array): Schema {
  return tableFromIPC(bytes).schema;
}

const TSTYPE_BY_ARROW: Array<[(field: Field) => boolean, string]> = [
  [(field) => DataType.isTimestamp(field.type), 'time'],
  [(field) => DataType.isFloat(field.type) || DataType.isInt(field.type), 'number'],
  [(field) => DataType.isUtf8(field.type), 'string'],
  [(field) => DataType.isBool(field.type), 'boolean'],
  [(field) => DataType.isBinary(field.type), 'other'],
];

/** Returns the problems found in one encoded frame (empty when it conforms). */
export function frameProblems(bytes: Uint8Array, expectedRefId: string): string[] {
  const problems: string[] = [];
  if (!isArrowFile(bytes)) {
    return ['not an Arrow IPC file (ARROW1 magic at both ends)'];
  }
  const table = tableFromIPC(bytes);
  const schema = table.schema;
  for (const key of ['name', 'refId']) {
    if (!schema.metadata.has(key)) {problems.push(`schema metadata "${key}" missing`);}
  }
  if (schema.metadata.get('refId') !== expectedRefId) {
    problems.push(`refId is "${schema.metadata.get('refId')}", expected "${expectedRefId}"`);
  }
  const meta = schema.metadata.get('meta');
  if (meta !== undefined) {
    try {
      JSON.parse(meta);
    } catch {
      problems.push('schema metadata "meta" is not JSON');
    }
  }
  schema.fields.forEach((field, index) => {
    const expected = TSTYPE_BY_ARROW.find(([matches]) => matches(field))?.[1];
    if (!expected) {problems.push(`field ${field.name}: Arrow type ${field.type} is not one the SDK reads`);}
    if (field.metadata.get('tstype') !== expected) {problems.push(`field ${field.name}: tstype "${field.metadata.get('tstype')}", expected "${expected}"`);}
    for (const key of ['labels', 'config']) {
      const value = field.metadata.get(key);
      if (value !== undefined) {
        try {
          JSON.parse(value);
        } catch {
          problems.push(`field ${field.name}: ${key} is not JSON`);
        }
      }
    }
    if (DataType.isTimestamp(field.type) && (field.type.unit !== TimeUnit.NANOSECOND || field.type.timezone)) {
      problems.push(`field ${field.name}: time must be Timestamp(ns) without timezone, is ${field.type}`);
    }
    const nulls = table.getChildAt(index)?.nullCount ?? 0;
    if (nulls > 0 && !field.nullable) {problems.push(`field ${field.name}: holds ${nulls} nulls but is not nullable`);}
  });
  return problems;
}

export type TimeSeriesKind = 'wide' | 'long' | 'not';

/**
 * The SDK's Frame.TimeSeriesSchema() (data/time_series.go): a time field, then string/bool
 * fields are factors and every other field a value; no factors = wide, factors = long.
 */
export function timeSeriesKind(bytes: Uint8Array): TimeSeriesKind {
  const fields = schemaOf(bytes).fields;
  if (!fields.some((field) => DataType.isTimestamp(field.type))) {
    return 'not';
  }
  const firstTime = fields.findIndex((field) => DataType.isTimestamp(field.type));
  const rest = fields.filter((_, index) => index !== firstTime);
  const factors = rest.filter((field) => DataType.isUtf8(field.type) || DataType.isBool(field.type));
  if (rest.length === factors.length) {
    return 'not';
  }
  return factors.length === 0 ? 'wide' : 'long';
}

/** Alert rules need numbers: every field but the time is numeric. */
export function isNumericTimeSeries(bytes: Uint8Array): boolean {
  const fields = schemaOf(bytes).fields;
  return (
    fields.length > 1 &&
    DataType.isTimestamp(fields[0].type) &&
    fields.slice(1).every((field) => DataType.isFloat(field.type) || DataType.isInt(field.type))
  );
}
