import { inferredWorkerModel } from './worker-model';

const segment = { instance: 'lw0sdlwk000142', generation: 1, from: '2026-11-21T09:12:44.158Z', to: '2026-11-21T09:13:45.000Z', workers: 3, evidence: [] };

describe('inferredWorkerModel', () => {
  it('reads a list of segments', () => {
    expect(inferredWorkerModel([segment])).toEqual([segment]);
  });
  it('reads the inferred list of a worker-model section', () => {
    expect(inferredWorkerModel({ inferred: [segment], declared: null, checks: [], disagreements: [] })).toEqual([segment]);
  });
  it('yields nothing for a missing or malformed value', () => {
    expect(inferredWorkerModel(undefined)).toEqual([]);
    expect(inferredWorkerModel({ inferred: 'x' })).toEqual([]);
  });
});
