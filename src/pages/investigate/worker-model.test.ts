import { declaredVersusLogs, inferredWorkerModel } from './worker-model';

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

describe('declaredVersusLogs', () => {
  it('reads the checks of a section, disagreements included', () => {
    const section = {
      inferred: [segment],
      declared: { site: {}, appSettings: [], appSettingsRead: true, notes: [] },
      checks: [
        { setting: 'timeoutSec', declared: 30, declaredFrom: 'appCommandLine', status: 'disagrees', observed: [], text: '--timeout 30 declared; kills 10 s after the last request' },
        { setting: 'workers', declared: 3, declaredFrom: 'appCommandLine', status: 'agrees', observed: [], text: '3 workers declared and booted' },
      ],
      disagreements: [],
    };
    expect(declaredVersusLogs(section)).toEqual({
      declaredRead: true,
      checks: [
        { setting: 'timeoutSec', status: 'disagrees', text: '--timeout 30 declared; kills 10 s after the last request' },
        { setting: 'workers', status: 'agrees', text: '3 workers declared and booted' },
      ],
    });
  });

  it('says the configuration was not read when the source has none', () => {
    expect(declaredVersusLogs({ inferred: [], declared: null, checks: [], disagreements: [] })).toEqual({ declaredRead: false, checks: [] });
    expect(declaredVersusLogs([segment])).toEqual({ declaredRead: false, checks: [] });
  });
});
