import { parseAppQuery, parseBin } from './parse-query';

describe('parseAppQuery', () => {
  it('fills defaults for a minimal query', () => {
    expect(parseAppQuery({ refId: 'A', queryType: 'series' })).toEqual({
      ok: true,
      query: expect.objectContaining({ refId: 'A', queryType: 'series', paths: [], instances: [], binMs: undefined, splitBy: 'none', metrics: [] }),
    });
  });

  it('reads filters, fixed bins and per-type fields', () => {
    const result = parseAppQuery({
      refId: 'B',
      queryType: 'hypotheses',
      paths: ['/slow', '$__all'],
      instances: 'lw0',
      bin: '30s',
      format: 'scores',
      hypotheses: ['H1', 'T1'],
    });
    expect(result).toEqual({
      ok: true,
      query: expect.objectContaining({ paths: ['/slow'], instances: ['lw0'], binMs: 30_000, format: 'scores', hypotheses: ['H1', 'T1'] }),
    });
  });

  it('reads a metrics query: platform metric names under "metrics", instances as the filter', () => {
    const result = parseAppQuery({ refId: 'M', queryType: 'metrics', metrics: ['CpuPercentage', 'MemoryPercentage'], instances: ['lw0sdlwk000001', '$__all'] });
    expect(result).toEqual({
      ok: true,
      query: expect.objectContaining({ queryType: 'metrics', platformMetrics: ['CpuPercentage', 'MemoryPercentage'], metrics: [], instances: ['lw0sdlwk000001'] }),
    });
    expect(parseAppQuery({ queryType: 'metrics' })).toEqual({ ok: true, query: expect.objectContaining({ platformMetrics: [], metrics: [] }) });
  });

  it.each([
    [{ queryType: 'metrics', metrics: ['CpuPercentage', 'p95'] }, '"metrics" has unknown values "p95"; allowed: Requests, Http5xx, HttpResponseTime, CpuPercentage, MemoryPercentage'],
    [{ queryType: 'metrics', metrics: [{ name: 'CpuPercentage' }] }, '"metrics" must be a list of strings'],
    [{ queryType: 'series', metrics: ['CpuPercentage'] }, '"metrics" has unknown values "CpuPercentage"'],
    [{ queryType: 'markers', kinds: ['scale-up'] }, '"kinds" has unknown values "scale-up"'],
  ])('metrics and scale kinds: rejects %j naming the field', (model, message) => {
    const result = parseAppQuery(model);
    expect(result.ok ? '' : result.error).toContain(message);
  });

  it('accepts the scale-out and scale-in marker kinds', () => {
    expect(parseAppQuery({ queryType: 'markers', kinds: ['scale-out', 'scale-in'] })).toEqual({ ok: true, query: expect.objectContaining({ kinds: ['scale-out', 'scale-in'] }) });
  });

  it.each([
    [[1, 2], 'query must be a JSON object'],
    ['text', 'query must be a JSON object'],
    [{ queryType: 'drop table' }, '"queryType" must be one of series, clusters'],
    [{ queryType: 'series', bin: '90 seconds' }, '"bin" must be "auto" or a duration'],
    [{ queryType: 'series', bin: '1500ms' }, 'whole number of seconds'],
    [{ queryType: 'series', metrics: ['p95', 'p42'] }, '"metrics" has unknown values "p42"'],
    [{ queryType: 'series', paths: [1] }, '"paths" must be a list of strings'],
    [{ queryType: 'series', splitBy: 'status' }, '"splitBy" must be one of none, path, instance'],
    [{ queryType: 'markers', kinds: ['reboot'] }, '"kinds" has unknown values "reboot"'],
    [{ queryType: 'hypotheses', hypotheses: ['H9'] }, '"hypotheses" has unknown values "H9"'],
    [{ queryType: 'logs', search: 5 }, '"search" must be a string'],
  ])('rejects %j naming the field', (model, message) => {
    const result = parseAppQuery(model);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain(message);
  });

  it('parses bins', () => {
    expect([parseBin('1m'), parseBin('2h'), parseBin('auto'), parseBin(undefined)]).toEqual([60_000, 7_200_000, undefined, undefined]);
    expect(() => parseBin('25h')).toThrow(/between 1s and 24h/);
  });
});
