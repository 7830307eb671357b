import { assess } from './assess';
import { SCALE_LEAD_MS } from './scale-before-failures';
import { effectOf, hypothesisOf } from './testing/fixtures';
import { MINUTE, ScenarioOptions, scenarioSignals, T0 } from './testing/metrics-scenario';

const SIGNAL = 'failures-align-with-scale-events';
const h3Of = (options: ScenarioOptions) => hypothesisOf(assess(scenarioSignals(options)), 'H3');
const cpu = { calm: 30, incident: 40 };

describe(`H3: failures beginning within ${SCALE_LEAD_MS / 60_000} min after a scale event (synthetic: failures from 10:05, requests up to 5 s long)`, () => {
  it('a second instance reporting from 10:03 is a scale-out 1 → 2 that supports H3, pointing at its marker, with the lead time', () => {
    const signals = scenarioSignals({ cpu, scaleOutAt: T0 + 3 * MINUTE });
    const evidence = hypothesisOf(assess(signals), 'H3').evidence.find((item) => item.signal === SIGNAL);
    expect(evidence?.effect).toBe('supports');
    expect(evidence?.observed).toBe(
      '100 of 100 failures in 1 of 1 episode(s) next to a scale event, e.g. scale-out 1 → 2 instance(s) (+lw1sdlwk000143) at 2026-11-21T10:03:00Z, 115.0 s before failures from 2026-11-21T10:04:54.996Z'
    );
    const pointed = evidence?.pointers.flatMap((pointer) => (pointer.kind === 'marker' ? [signals.markers[pointer.index].kind] : []));
    expect(pointed).toEqual(['scale-out']);
  });

  it('a scale-out after the failures began is autoscale answering the load: not seen', () => {
    expect(effectOf(h3Of({ cpu, scaleOutAt: T0 + 7 * MINUTE }), SIGNAL)).toBe('not-seen');
  });

  it('per-instance metrics without any scale event: no data (H3\'s triggers are alternatives); no metrics: no data', () => {
    expect(h3Of({ cpu }).evidence.find((item) => item.signal === SIGNAL)).toMatchObject({
      effect: 'no-data',
      observed: 'no scale event: the 1 instance(s) reporting plan metrics did not change',
    });
    expect(h3Of({}).evidence.find((item) => item.signal === SIGNAL)).toMatchObject({ effect: 'no-data', observed: expect.stringContaining('scale events are read from the instances reporting plan metrics') });
  });
});
