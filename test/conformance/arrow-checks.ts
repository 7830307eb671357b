// What Grafana's Go SDK requires of an Arrow frame (data/arrow.go), checked with apache-arrow.
import { DataType, RecordBatchFileReader, TimeUnit, type Field } from 'apache-arrow';

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
  const reader = RecordBatchFileReader.from(bytes);
  if (!reader.isFile()) {
    return ['not an Arrow IPC file'];
  }
  const batches = [...reader];
  const schema = reader.schema;
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
    const nulls = batches.reduce((sum, batch) => sum + batch.getChildAt(index)!.nullCount, 0);
    if (nulls > 0 && !field.nullable) {problems.push(`field ${field.name}: holds ${nulls} nulls but is not nullable`);}
  });
  return problems;
}
