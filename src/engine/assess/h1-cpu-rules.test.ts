import { assess } from './assess';
import { CPU_MODERATE_PERCENT } from './metric-profile';
import { effectOf, hypothesisOf } from './testing/fixtures';
import { INSTANCE, ScenarioOptions, scenarioSignals } from './testing/metrics-scenario';

const h1Of = (options: ScenarioOptions) => hypothesisOf(assess(scenarioSignals(options)), 'H1');

describe('H1 and platform CPU (synthetic incident: load triples at 10:05, both paths queue for seconds)', () => {
  it('CPU 35% while p95 climbs and 499s appear supports H1 and raises its score', () => {
    const without = h1Of({});
    const h1 = h1Of({ cpu: { calm: 20, incident: 35 } });
    const evidence = h1.evidence.find((item) => item.signal === 'cpu-moderate-while-latency-climbs');
    expect(evidence?.effect).toBe('supports');
    expect(evidence?.observed).toContain(
      `100% of 100 failures in bins where the failing instance held CpuPercentage < ${CPU_MODERATE_PERCENT}% (5 of 5 instance-bin(s)): ${INSTANCE} 2026-11-21T10:05:00Z – 2026-11-21T10:10:00Z (5 bin(s)): mean 35% (peak 37%), 100 failure(s)`
    );
    expect(evidence?.observed).toContain('p95 rose ≥ 3× the usual median on /fast 20 ms → p95 5.00 s, /work 300 ms → p95 5.00 s');
    expect(evidence?.observed).toContain('50 client abort(s) (499)');
    expect(effectOf(h1, 'cpu-saturated-on-failing-instance')).toBe('not-seen');
    expect(h1.verdict).toBe('supported');
    expect(h1.score).toBeGreaterThan(without.score);
  });

  it('CPU 35% but every failure a 502 (no 499): not met — nothing shows callers giving up in the queue', () => {
    const h1 = h1Of({ cpu: { calm: 20, incident: 35 }, no499: true });
    const evidence = h1.evidence.find((item) => item.signal === 'cpu-moderate-while-latency-climbs');
    expect(evidence?.effect).toBe('not-seen');
    expect(evidence?.observed).toContain('0 client abort(s) (499)');
  });

  it('CPU 95% on the failing instance weakens H1 and takes it out of "supported"', () => {
    const h1 = h1Of({ cpu: { calm: 30, incident: 95 } });
    expect(effectOf(h1, 'cpu-saturated-on-failing-instance')).toBe('weakens');
    expect(effectOf(h1, 'cpu-moderate-while-latency-climbs')).toBe('not-seen');
    expect(h1.verdict).not.toBe('supported');
    expect(h1.summary).toContain('Against it: cpu-saturated-on-failing-instance (100% of 100 failures in bins where the failing instance held CpuPercentage ≥ 85%');
  });

  it('without metrics both CPU rules say no data and the verdict is what it was', () => {
    const h1 = h1Of({});
    expect(effectOf(h1, 'cpu-moderate-while-latency-climbs')).toBe('no-data');
    expect(effectOf(h1, 'cpu-saturated-on-failing-instance')).toBe('no-data');
    expect(h1.evidence.find((item) => item.signal === 'cpu-saturated-on-failing-instance')?.observed).toContain('it needs platform metrics');
    expect(h1.verdict).toBe('supported');
  });
});
