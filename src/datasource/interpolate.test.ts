import type { ScopedVars } from '@grafana/data';
import { interpolateQuery } from './interpolate';

// A template service with Grafana's semantics for the two formats used: csv joins multi-values.
const variables: Record<string, string[]> = { path: ['/api/slow', '/health'], instance: ['lw0sdlwk000001'], bin: ['5m'], needle: ['WORKER TIMEOUT'] };
const templates = {
  replace: (text = '', _scopedVars?: ScopedVars, format?: string) =>
    text.replace(/\$(\w+)/g, (whole, name: string) => (variables[name] ? (format === 'csv' ? variables[name].join(',') : variables[name][0]) : whole)),
};

describe('interpolateQuery', () => {
  it('expands a multi-value variable into one list entry per value, without duplicates', () => {
    const query = interpolateQuery({ refId: 'A', queryType: 'series', paths: ['$path', '/health'], instances: ['$instance'] }, {}, templates);
    expect(query.paths).toEqual(['/api/slow', '/health']);
    expect(query.instances).toEqual(['lw0sdlwk000001']);
  });

  it('replaces the bin and the log search text', () => {
    const query = interpolateQuery({ refId: 'A', queryType: 'logs', bin: '$bin', search: '$needle' }, {}, templates);
    expect(query).toMatchObject({ bin: '5m', search: 'WORKER TIMEOUT' });
  });

  it('keeps absent filters absent (every path, every instance)', () => {
    const query = interpolateQuery({ refId: 'A', queryType: 'clusters' }, {}, templates);
    expect(query.paths).toBeUndefined();
    expect(query.instances).toBeUndefined();
  });
});
