import { assess } from './assess';
import { UNDECIDED_SCORE_CAP } from './evaluate';
import { CPU_HIGH_PERCENT } from './metric-profile';
import { corpusLab, effectOf, hypothesisOf } from './testing/fixtures';
import { derive } from '../derive/derive';
import { buildHttpTable } from '../table/http-table-builder';
import { INCIDENT_FROM, INCIDENT_TO, INSTANCE, ScenarioOptions, scenarioHttpTable, scenarioMetrics, scenarioSignals } from './testing/metrics-scenario';

describe('C1 CPU saturation without platform metrics', () => {
  it.each(['intermittent-5xx', 'snat-exhaustion'] as const)('%s: CPU signals are "no data" and the verdict stays inconclusive', (lab) => {
    const c1 = corpusLab(lab).hypothesis('C1');
    expect(c1.verdict).toBe('inconclusive');
    expect(effectOf(c1, 'cpu-sustained-high')).toBe('no-data');
    expect(effectOf(c1, 'cpu-moderate-while-slow-paths-queue')).toBe('no-data');
    expect(c1.score).toBeLessThanOrEqual(0.4);
    expect(c1.summary).toContain('platform metrics');
  });
});

describe('C1 with platform metrics (synthetic incident: load triples at 10:05, both paths queue for seconds)', () => {
  const assessed = (options: ScenarioOptions) => assess(scenarioSignals(options));
  const c1Of = (options: ScenarioOptions) => hypothesisOf(assessed(options), 'C1');

  it('CPU 95% on the failing instance during the incident: cpu-sustained-high supports, C1 supported and first, H1 below it', () => {
    const assessment = assessed({ cpu: { calm: 30, incident: 95 } });
    const c1 = hypothesisOf(assessment, 'C1');
    const h1 = hypothesisOf(assessment, 'H1');
    const evidence = c1.evidence.find((item) => item.signal === 'cpu-sustained-high');
    expect(evidence?.effect).toBe('supports');
    expect(evidence?.observed).toBe(
      `100% of 100 failures in bins where the failing instance held CpuPercentage ≥ ${CPU_HIGH_PERCENT}% (5 of 5 instance-bin(s)): ${INSTANCE} 2026-11-21T10:05:00Z – 2026-11-21T10:10:00Z (5 bin(s)): mean 95% (peak 97%), 100 failure(s)`
    );
    expect(evidence?.window).toEqual({ from: INCIDENT_FROM, to: INCIDENT_TO });
    expect(c1.verdict).toBe('supported');
    expect(assessment.ranking[0]).toBe('C1');
    expect(h1.score).toBeLessThan(c1.score);
    expect(assessment.ranking.indexOf('H1')).toBeGreaterThan(assessment.ranking.indexOf('C1'));
    expect(c1.nextChecks.map((check) => check.text).join('\n')).toContain(`CPU saturated on ${INSTANCE}`);
  });

  it('CPU 35%: cpu-moderate-while-slow-paths-queue weakens C1 and its verdict is weakened', () => {
    const assessment = assessed({ cpu: { calm: 20, incident: 35 } });
    const c1 = hypothesisOf(assessment, 'C1');
    expect(effectOf(c1, 'cpu-sustained-high')).toBe('not-seen');
    expect(effectOf(c1, 'cpu-moderate-while-slow-paths-queue')).toBe('weakens');
    expect(c1.verdict).toBe('weakened');
    expect(c1.summary).toContain(`CPU was not sustained at ≥ ${CPU_HIGH_PERCENT}%`);
  });

  it('CPU 70%: neither high nor moderate — both CPU rules not seen, C1 stays inconclusive', () => {
    const c1 = c1Of({ cpu: { calm: 20, incident: 70 } });
    expect(effectOf(c1, 'cpu-sustained-high')).toBe('not-seen');
    expect(effectOf(c1, 'cpu-moderate-while-slow-paths-queue')).toBe('not-seen');
    expect(c1.verdict).toBe('inconclusive');
  });

  it('judged by failures, not bins: CPU 95% in 10:05–10:08 and 30% in 10:09 covers 80 of 100 failures (met); only in 10:05–10:06, 40 (not met)', () => {
    const until = (minutes: number) => (second: number) => (second >= 300 && second < minutes * 60 ? 95 : 30);
    expect(c1Of({ cpu: until(9) }).evidence.find((item) => item.signal === 'cpu-sustained-high')?.observed).toMatch(/^80% of 100 failures .* \(4 of 5 instance-bin\(s\)\)/);
    expect(effectOf(c1Of({ cpu: until(9) }), 'cpu-sustained-high')).toBe('supports');
    expect(effectOf(c1Of({ cpu: until(7) }), 'cpu-sustained-high')).toBe('not-seen');
  });

  it('a burst filling 40 s of a minute: the median (100%) holds where the mean (67%) would not', () => {
    const burst = (second: number) => (second >= 300 && (second % 60 >= 20 || second >= 540) ? 100 : 0);
    const evidence = c1Of({ cpu: burst }).evidence.find((item) => item.signal === 'cpu-sustained-high');
    expect(evidence?.effect).toBe('supports');
    expect(evidence?.observed).toContain('median 100% (mean 67%–100%, peak 100%)');
  });

  it('only the failing instance counts: a second instance at 95% while the failing one sits at 35% does not support C1', () => {
    const metrics = scenarioMetrics({ cpu: { calm: 20, incident: 35 } });
    const busyNeighbour = metrics && { ...metrics.series[0], instance: 'lw1sdlwk000143', points: metrics.series[0].points.map((point) => ({ ...point, average: 95, maximum: 97 })) };
    const signals = derive({ http: buildHttpTable([scenarioHttpTable()]), metrics: { series: [...(metrics?.series ?? []), ...(busyNeighbour ? [busyNeighbour] : [])], issues: [] } });
    const c1 = hypothesisOf(assess(signals), 'C1');
    expect(effectOf(c1, 'cpu-sustained-high')).toBe('not-seen');
    expect(c1.evidence.find((item) => item.signal === 'cpu-moderate-while-slow-paths-queue')?.observed).toContain(`${INSTANCE} 2026-11-21T10:05:00Z`);
    expect(c1.evidence.find((item) => item.signal === 'cpu-moderate-while-slow-paths-queue')?.observed).not.toContain('lw1sdlwk000143');
  });

  it('metrics with memory only: the CPU rules say which metric is missing', () => {
    const c1 = c1Of({ memory: () => 40 });
    const evidence = c1.evidence.find((item) => item.signal === 'cpu-sustained-high');
    expect(evidence).toMatchObject({ effect: 'no-data', observed: 'the platform metrics hold no CpuPercentage series' });
  });

  it('metrics under another instance name than the HTTP rows: every reporting instance counts, and the observation says so', () => {
    const c1 = c1Of({ cpu: { calm: 30, incident: 95 }, metricsInstance: 'RD0003FF' });
    const evidence = c1.evidence.find((item) => item.signal === 'cpu-sustained-high');
    expect(evidence?.effect).toBe('supports');
    expect(evidence?.observed).toContain('the HTTP rows do not name these instances: every reporting instance counted');
    expect(evidence?.observed).toContain('RD0003FF 2026-11-21T10:05:00Z – 2026-11-21T10:10:00Z (5 bin(s)): mean 95%');
  });

  it('without metrics the synthetic incident leaves C1 capped and inconclusive, as before', () => {
    const c1 = c1Of({});
    expect(effectOf(c1, 'cpu-sustained-high')).toBe('no-data');
    expect(c1.verdict).toBe('inconclusive');
    expect(c1.score).toBeLessThanOrEqual(UNDECIDED_SCORE_CAP);
  });
});
