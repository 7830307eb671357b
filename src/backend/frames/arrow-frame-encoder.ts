// Encodes a Frame as one complete Arrow IPC *file*, the bytes data.UnmarshalArrowFrame in
// grafana-plugin-sdk-go reads: schema metadata name/refId/meta, field metadata
// tstype/labels/config, time as Timestamp(ns) without timezone, nullability on the field.
import {
  Binary,
  Bool,
  DataType,
  Field as ArrowField,
  Float64,
  Int64,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampNanosecond,
  Utf8,
  makeBuilder,
  makeData,
  tableToIPC,
  type Data,
} from 'apache-arrow';
import type { Field, FieldType, Frame } from './frame';

export class FrameEncodingError extends Error {}

/** The SDK's TypeScript type names (data/frame_json.go getTypeScriptTypeString). */
const TS_TYPE: Record<FieldType, string> = {
  time: 'time',
  float64: 'number',
  int64: 'number',
  string: 'string',
  bool: 'boolean',
  json: 'other',
};

const NANOSECONDS_PER_MILLISECOND = 1_000_000n;

function arrowType(type: FieldType): DataType {
  switch (type) {
    case 'time':
      return new TimestampNanosecond();
    case 'float64':
      return new Float64();
    case 'int64':
      return new Int64();
    case 'string':
      return new Utf8();
    case 'bool':
      return new Bool();
    case 'json':
      return new Binary();
  }
}

function where(frame: Frame, field: Field, row?: number): string {
  return `frame "${frame.name}", field "${field.name}"${row === undefined ? '' : `, row ${row}`}`;
}

/** Epoch milliseconds (possibly fractional) to nanoseconds without losing the sub-ms part. */
function toNanoseconds(epochMs: number): bigint {
  const wholeMs = Math.floor(epochMs);
  return BigInt(wholeMs) * NANOSECONDS_PER_MILLISECOND + BigInt(Math.round((epochMs - wholeMs) * 1e6));
}

function validityBitmap(values: readonly unknown[]): { bitmap: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((value, row) => {
    if (value === null) {
      nullCount++;
    } else {
      bitmap[row >> 3] |= 1 << (row & 7);
    }
  });
  return { bitmap, nullCount };
}

function timeData(frame: Frame, field: Field & { type: 'time' }): Data {
  const nanoseconds = new BigInt64Array(field.values.length);
  field.values.forEach((value, row) => {
    if (value === null) {
      return;
    }
    const epochMs = value instanceof Date ? value.getTime() : value;
    if (typeof epochMs !== 'number' || !Number.isFinite(epochMs)) {
      throw new FrameEncodingError(`${where(frame, field, row)}: time value is not a valid Date or epoch milliseconds`);
    }
    nanoseconds[row] = toNanoseconds(epochMs);
  });
  const { bitmap, nullCount } = validityBitmap(field.values);
  return makeData({ type: new TimestampNanosecond(), length: field.values.length, data: nanoseconds, nullBitmap: bitmap, nullCount });
}

function int64Data(frame: Frame, field: Field & { type: 'int64' }): Data {
  const integers = new BigInt64Array(field.values.length);
  field.values.forEach((value, row) => {
    if (value === null) {
      return;
    }
    if (typeof value === 'bigint') {
      integers[row] = value;
    } else if (Number.isSafeInteger(value)) {
      integers[row] = BigInt(value);
    } else {
      throw new FrameEncodingError(`${where(frame, field, row)}: ${value} is not an integer within ±2^53`);
    }
  });
  const { bitmap, nullCount } = validityBitmap(field.values);
  return makeData({ type: new Int64(), length: field.values.length, data: integers, nullBitmap: bitmap, nullCount });
}

const EXPECTED_JS_TYPE: Partial<Record<FieldType, string>> = { float64: 'number', string: 'string', bool: 'boolean' };

function builtData(frame: Frame, field: Field): Data {
  const builder = makeBuilder({ type: arrowType(field.type), nullValues: [null] });
  const expected = EXPECTED_JS_TYPE[field.type];
  field.values.forEach((value, row) => {
    if (value !== null && expected && typeof value !== expected) {
      throw new FrameEncodingError(`${where(frame, field, row)}: expected a ${expected} or null, got ${typeof value}`);
    }
    builder.append(field.type === 'json' && value !== null ? Buffer.from(JSON.stringify(value) ?? 'null') : value);
  });
  return builder.finish().flush();
}

function columnData(frame: Frame, field: Field): Data {
  switch (field.type) {
    case 'time':
      return timeData(frame, field);
    case 'int64':
      return int64Data(frame, field);
    default:
      return builtData(frame, field);
  }
}

function arrowField(frame: Frame, field: Field): ArrowField {
  const hasNull = field.values.some((value) => value === null);
  if (field.nullable === false && hasNull) {
    throw new FrameEncodingError(`${where(frame, field)}: declared not nullable but holds a null`);
  }
  const metadata = new Map<string, string>([['tstype', TS_TYPE[field.type]]]);
  if (field.labels) {
    metadata.set('labels', JSON.stringify(field.labels));
  }
  if (field.config) {
    metadata.set('config', JSON.stringify(field.config));
  }
  return new ArrowField(field.name, arrowType(field.type), field.nullable ?? hasNull, metadata);
}

export function encodeFrame(frame: Frame): Uint8Array {
  const rowCount = frame.fields[0]?.values.length ?? 0;
  for (const field of frame.fields) {
    if (field.values.length !== rowCount) {
      throw new FrameEncodingError(
        `${where(frame, field)}: has ${field.values.length} values but the first field has ${rowCount}; all fields of a frame have one value per row`
      );
    }
  }
  const schemaMetadata = new Map<string, string>([
    ['name', frame.name],
    ['refId', frame.refId ?? ''],
  ]);
  if (frame.meta) {
    schemaMetadata.set('meta', JSON.stringify(frame.meta));
  }
  const fields = frame.fields.map((field) => arrowField(frame, field));
  const schema = new Schema(fields, schemaMetadata);
  const columns = frame.fields.map((field) => columnData(frame, field));
  const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length: rowCount, children: columns }));
  return tableToIPC(new Table(schema, batch), 'file');
}
