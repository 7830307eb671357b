// The conformance checks must be able to fail: frames that break the SDK's expectations.
import { Field, Float64, Schema, Table, TimestampMillisecond, makeTable, tableToIPC, vectorFromArray } from 'apache-arrow';
import { encodeFrame } from '../../src/backend/frames/arrow-frame-encoder';
import { frameProblems, isNumericTimeSeries, timeSeriesKind } from './arrow-checks';

describe('conformance frame checks', () => {
  it('accept a frame from the backend encoder', () => {
    const bytes = encodeFrame({
      name: 'series',
      refId: 'A',
      fields: [
        { name: 'time', type: 'time', values: [0, 1000] },
        { name: 'requests', type: 'float64', values: [1, null] },
      ],
    });
    expect(frameProblems(bytes, 'A')).toEqual([]);
    expect(timeSeriesKind(bytes)).toBe('wide');
    expect(isNumericTimeSeries(bytes)).toBe(true);
  });

  it('reject a stream, a missing tstype, millisecond time and nulls in a non-nullable field', () => {
    const plain = makeTable({ v: new Float64Array([1]) });
    expect(frameProblems(tableToIPC(plain, 'stream'), 'A')).toEqual(['not an Arrow IPC file (ARROW1 magic at both ends)']);
    const schema = new Schema(
      [new Field('time', new TimestampMillisecond(), false), new Field('v', new Float64(), false)],
      new Map([['name', 'x'], ['refId', 'B']])
    );
    const table = new Table(schema, {
      time: vectorFromArray([new Date(0)], new TimestampMillisecond()),
      v: vectorFromArray([null], new Float64()),
    });
    const problems = frameProblems(tableToIPC(table, 'file'), 'A');
    expect(problems).toEqual(
      expect.arrayContaining([
        'refId is "B", expected "A"',
        'field time: tstype "undefined", expected "time"',
        expect.stringMatching(/field time: time must be Timestamp\(ns\) without timezone/),
        'field v: holds 1 nulls but is not nullable',
      ])
    );
  });

  it('tell long series (string factors) from tables without values', () => {
    const long = encodeFrame({
      name: 'l',
      fields: [
        { name: 'time', type: 'time', values: [0] },
        { name: 'path', type: 'string', values: ['/a'] },
        { name: 'v', type: 'float64', values: [1] },
      ],
    });
    expect(timeSeriesKind(long)).toBe('long');
    expect(isNumericTimeSeries(long)).toBe(false);
    const notSeries = encodeFrame({ name: 'n', fields: [{ name: 'path', type: 'string', values: ['/a'] }] });
    expect(timeSeriesKind(notSeries)).toBe('not');
  });
});
