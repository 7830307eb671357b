import { errorMessage, isReport } from './useReport';

// @grafana/runtime cannot load in the node test environment; only the pure helpers are tested here.
jest.mock('@grafana/runtime', () => ({ getBackendSrv: jest.fn() }));

describe('useReport helpers', () => {
  it('reads the backend’s message from a failed fetch', () => {
    expect(errorMessage({ status: 400, data: { message: '"from" and "to" must both be given, with to after from' } })).toBe('"from" and "to" must both be given, with to after from');
    expect(errorMessage({ status: 502, statusText: 'Bad Gateway' })).toBe('HTTP 502 Bad Gateway');
  });

  it('recognises a report by its contract keys', () => {
    expect(isReport({ hypotheses: [], ranking: [], window: {}, series: {} })).toBe(true);
    expect(isReport({ message: 'not found' })).toBe(false);
  });
});
