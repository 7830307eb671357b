import { parseQuery } from './query-dispatch';
import type { RawDataQuery } from './proto-convert';

function raw(json: string, queryType = ''): RawDataQuery {
  return { refId: 'Q', queryType, maxDataPoints: 10, intervalMS: 1000, timeRange: { fromEpochMS: 1000, toEpochMS: 2000 }, json: Buffer.from(json) };
}

describe('parseQuery', () => {
  it('takes the query type from the request, else from the JSON, and converts the range', () => {
    expect(parseQuery(raw('{"a":1}', 'series'), ['series'])).toEqual({
      refId: 'Q',
      queryType: 'series',
      model: { a: 1 },
      timeRange: { from: new Date(1000), to: new Date(2000) },
      intervalMs: 1000,
      maxDataPoints: 10,
    });
    expect(parseQuery(raw('{"queryType":"markers"}'), ['markers']).queryType).toBe('markers');
  });

  it('turns bad input into 400 downstream errors naming the query', () => {
    const cases: Array<[RawDataQuery, RegExp]> = [
      [raw('{"a":'), /query Q: the query JSON is malformed/],
      [raw('"text"'), /query Q: the query JSON must be an object/],
      [raw('{}', 'nope'), /query Q: unknown queryType "nope"; expected one of: series/],
      [raw('{}'), /query Q: no queryType; expected one of: series/],
    ];
    for (const [query, message] of cases) {
      expect(() => parseQuery(query, ['series'])).toThrow(message);
      try {
        parseQuery(query, ['series']);
      } catch (error) {
        expect(error).toMatchObject({ status: 400, source: 'downstream' });
      }
    }
  });
});
