import { corpusLab } from '../assess/testing/fixtures';
import type { MetricSignals } from '../model/metrics';
import { buildReport } from './build-report';

const lab = corpusLab('snat-exhaustion');
const bins = lab.signals.series.time.length;
const T = lab.signals.series.time;

const metrics: MetricSignals = {
  series: [
    { name: 'CpuPercentage', unit: 'Percent', instance: 'lw1', values: [10, 30, null, ...new Array<number>(bins - 3).fill(20)], max: [15, 95, null, ...new Array<number>(bins - 3).fill(25)] },
    { name: 'MemoryPercentage', unit: 'Percent', instance: 'lw0', values: new Array<number>(bins).fill(50), max: new Array<number | null>(bins).fill(null) },
    { name: 'Requests', unit: 'Count', instance: '', values: new Array<number | null>(bins).fill(null), max: new Array<number | null>(bins).fill(null) },
    { name: 'Http5xx', unit: 'Count', instance: 'lw1', values: [4, 9, ...new Array<number>(bins - 2).fill(1)], max: [1, 3, ...new Array<number>(bins - 2).fill(1)] },
  ],
  instanceCount: [1, 2, null, ...new Array<number>(bins - 3).fill(2)],
  scaleEvents: [{ time: T[1] + 1500, from: 1, to: 2, added: ['lw1'], removed: [] }],
  origins: ['PlatformMetrics.json'],
  issues: [{ where: 'PlatformMetrics.json value[3]', message: 'no timeseries' }],
};

describe('the report metrics section', () => {
  it('is absent when the signals carry no metrics', () => {
    expect('metrics' in buildReport(lab.signals, lab.assessment, { spec: 's', description: 'd' })).toBe(false);
  });

  it('per metric and instance: mean of the bins, highest maximum, per-bin points; count range, scale events with ISO times, issues', () => {
    const report = buildReport({ ...lab.signals, metrics }, lab.assessment, { spec: 's', description: 'd' });
    const section = report.metrics!;
    expect(section.instances).toEqual(['lw0', 'lw1']);
    const cpuMean = (10 + 30 + 20 * (bins - 3)) / (bins - 1);
    expect(section.perMetric[0]).toEqual({ name: 'CpuPercentage', unit: 'Percent', instance: 'lw1', mean: Math.round(cpuMean * 1000) / 1000, max: 95, points: metrics.series[0].values });
    // No maxima reported: the highest mean stands in.
    expect(section.perMetric[1]).toMatchObject({ mean: 50, max: 50 });
    expect(section.perMetric[2]).toMatchObject({ mean: null, max: null, total: 0 });
    // Per-bin sums: the busiest bin and the total, not the busiest second.
    expect(section.perMetric[3]).toMatchObject({ max: 9, total: 13 + (bins - 2) });
    expect(section.perMetric[0]).not.toHaveProperty('total');
    expect(section.perMetric[0].points).toHaveLength(report.series.time.length);
    expect(section.instanceCount).toEqual({ min: 1, max: 2 });
    expect(section.scaleEvents).toEqual([{ time: new Date(T[1] + 1500).toISOString(), from: 1, to: 2, added: ['lw1'], removed: [] }]);
    expect(section.issues).toEqual(metrics.issues);
    expect(section.origins).toEqual(['PlatformMetrics.json']);
  });
});
