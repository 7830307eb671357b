import { DataType, RecordBatchFileReader, TimeUnit, tableFromIPC } from 'apache-arrow';
import fc from 'fast-check';
import { encodeFrame, FrameEncodingError } from './arrow-frame-encoder';
import type { Frame } from './frame';

const seriesFrame: Frame = {
  name: 'requests',
  refId: 'A',
  meta: {
    type: 'timeseries-wide',
    typeVersion: [0, 1],
    notices: [{ severity: 'warning', text: 'truncated at 10000 rows' }],
  },
  fields: [
    { name: 'time', type: 'time', values: [new Date('2026-01-01T00:00:00Z'), Date.parse('2026-01-01T00:01:00Z')] },
    {
      name: 'p95',
      type: 'float64',
      values: [120.5, null],
      labels: { path: '/api/orders' },
      config: { unit: 'ms' },
    },
    { name: 'requests', type: 'int64', values: [42, 7n] },
    { name: 'instance', type: 'string', values: ['lw0', null] },
    { name: 'restart', type: 'bool', values: [false, true] },
    { name: 'evidence', type: 'json', values: [{ signal: 'x' }, null] },
  ],
};

describe('encodeFrame', () => {
  const bytes = encodeFrame(seriesFrame);

  it('writes an Arrow IPC file (magic at both ends), not a stream', () => {
    const magic = Buffer.from('ARROW1');
    expect(Buffer.from(bytes.subarray(0, 6)).equals(magic)).toBe(true);
    expect(Buffer.from(bytes.subarray(bytes.length - 6)).equals(magic)).toBe(true);
    const reader = RecordBatchFileReader.from(bytes);
    expect(reader.isFile()).toBe(true);
  });

  it('carries name, refId and meta as schema metadata', () => {
    const table = tableFromIPC(bytes);
    expect(table.schema.metadata.get('name')).toBe('requests');
    expect(table.schema.metadata.get('refId')).toBe('A');
    expect(JSON.parse(table.schema.metadata.get('meta') ?? '')).toEqual(seriesFrame.meta);
  });

  it('uses the SDK types, tstype names and nullability', () => {
    const table = tableFromIPC(bytes);
    const described = table.schema.fields.map((field) => [
      field.name,
      String(field.type),
      field.nullable,
      field.metadata.get('tstype'),
    ]);
    expect(described).toEqual([
      ['time', 'Timestamp<NANOSECOND>', false, 'time'],
      ['p95', 'Float64', true, 'number'],
      ['requests', 'Int64', false, 'number'],
      ['instance', 'Utf8', true, 'string'],
      ['restart', 'Bool', false, 'boolean'],
      ['evidence', 'Binary', true, 'other'],
    ]);
    const timeType = table.schema.fields[0].type;
    expect(DataType.isTimestamp(timeType) && timeType.unit === TimeUnit.NANOSECOND && !timeType.timezone).toBe(true);
    expect(JSON.parse(table.schema.fields[1].metadata.get('labels') ?? '')).toEqual({ path: '/api/orders' });
    expect(JSON.parse(table.schema.fields[1].metadata.get('config') ?? '')).toEqual({ unit: 'ms' });
    expect(table.schema.fields[0].metadata.has('labels')).toBe(false);
  });

  it('round-trips the values, time in nanoseconds', () => {
    const table = tableFromIPC(bytes);
    const timeColumn = table.getChild('time')!;
    expect(timeColumn.data[0].values[1]).toBe(BigInt(Date.parse('2026-01-01T00:01:00Z')) * 1_000_000n);
    expect(table.getChild('p95')!.toArray()[0]).toBe(120.5);
    expect(table.getChild('p95')!.get(1)).toBeNull();
    expect(table.getChild('requests')!.get(1)).toBe(7n);
    expect(table.getChild('instance')!.get(0)).toBe('lw0');
    expect(table.getChild('restart')!.get(1)).toBe(true);
    expect(JSON.parse(Buffer.from(table.getChild('evidence')!.get(0) as Uint8Array).toString())).toEqual({ signal: 'x' });
    expect(table.getChild('evidence')!.get(1)).toBeNull();
  });

  it('keeps a declared-nullable field nullable even when this response has no null', () => {
    const table = tableFromIPC(
      encodeFrame({ name: 'f', fields: [{ name: 'v', type: 'float64', values: [1], nullable: true }] })
    );
    expect(table.schema.fields[0].nullable).toBe(true);
    expect(table.schema.metadata.get('refId')).toBe('');
  });

  it('encodes an empty frame with its schema', () => {
    const table = tableFromIPC(encodeFrame({ name: 'empty', fields: [{ name: 'time', type: 'time', values: [] }] }));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields[0].name).toBe('time');
  });

  it('names the frame, field and row of bad input', () => {
    expect(() =>
      encodeFrame({ name: 'f', fields: [{ name: 'a', type: 'float64', values: [1, 2] }, { name: 'b', type: 'float64', values: [1] }] })
    ).toThrow(/frame "f", field "b": has 1 values but the first field has 2/);
    expect(() => encodeFrame({ name: 'f', fields: [{ name: 'v', type: 'float64', values: [null], nullable: false }] })).toThrow(
      FrameEncodingError
    );
    expect(() => encodeFrame({ name: 'f', fields: [{ name: 'n', type: 'int64', values: [1.5] }] })).toThrow(
      /field "n", row 0: 1.5 is not an integer/
    );
    expect(() => encodeFrame({ name: 'f', fields: [{ name: 't', type: 'time', values: [Number.NaN] }] })).toThrow(
      /field "t", row 0: time value is not a valid Date/
    );
    const wrongType = { name: 's', type: 'string', values: [3] } as unknown as Frame['fields'][number];
    expect(() => encodeFrame({ name: 'f', fields: [wrongType] })).toThrow(/expected a string or null, got number/);
  });

  it('round-trips any float64 column with nulls (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ noNaN: true }), { nil: null }), { maxLength: 50 }), (values) => {
        const table = tableFromIPC(encodeFrame({ name: 'p', fields: [{ name: 'v', type: 'float64', values }] }));
        const decoded = Array.from({ length: table.numRows }, (_, row) => table.getChild('v')!.get(row));
        expect(decoded).toEqual(values);
      }),
      { numRuns: 100 }
    );
  });
});
