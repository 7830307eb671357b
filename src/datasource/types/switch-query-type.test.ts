import { QUERY_TYPES } from './query';
import { defaultQuery, switchQueryType } from './switch-query-type';

describe('switchQueryType', () => {
  it('keeps filters, bin and refId, and drops the old type’s fields', () => {
    const series = { ...defaultQuery('series', 'B'), metrics: ['p95' as const], paths: ['/api/slow'], bin: '1m' };
    expect(switchQueryType(series, 'logs')).toEqual({ refId: 'B', queryType: 'logs', version: 1, bin: '1m', table: 'console', paths: ['/api/slow'] });
  });

  it('returns the same query when the type does not change', () => {
    const query = defaultQuery('markers');
    expect(switchQueryType(query, 'markers')).toBe(query);
  });

  it.each(QUERY_TYPES)('round-trips %s through every other type keeping the shared fields', (queryType) => {
    const start = { ...defaultQuery(queryType), instances: ['lw0sdlwk000001'], hide: true };
    for (const other of QUERY_TYPES) {
      const back = switchQueryType(switchQueryType(start, other), queryType);
      expect(back).toEqual({ ...defaultQuery(queryType), instances: ['lw0sdlwk000001'], hide: true });
    }
  });
});
