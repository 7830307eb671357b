import type { DiagnosisReport, ReportMetricSeries } from '../../../engine/report/report-types';
import { platformFromReport } from './platform-from-report';

const TIME = ['2026-11-21T10:00:00.000Z', '2026-11-21T10:01:00.000Z'];
const metric = (name: ReportMetricSeries['name'], instance: string, points: Array<number | null>): ReportMetricSeries => ({ name, unit: name === 'Http5xx' ? 'Count' : 'Percent', instance, mean: null, max: null, points });

function report(perMetric: ReportMetricSeries[] | undefined, extra: Partial<DiagnosisReport> = {}): DiagnosisReport {
  return {
    series: { time: TIME },
    clusters: [],
    markers: [],
    ...(perMetric ? { metrics: { origins: [], instances: [], perMetric, instanceCount: { min: 1, max: 2 }, scaleEvents: [], issues: [] } } : {}),
    ...extra,
  } as unknown as DiagnosisReport;
}

describe('platformFromReport', () => {
  it('CPU and memory lines on the report bins; the instance with most Http5xx is the failing one', () => {
    const platform = platformFromReport(
      report([metric('CpuPercentage', 'lw0', [90, 95]), metric('CpuPercentage', 'lw1', [20, null]), metric('MemoryPercentage', 'lw0', [40, 41]), metric('Http5xx', 'lw0', [3, 4]), metric('Http5xx', 'lw1', [0, 1])])
    );
    expect(platform?.lines.map((line) => [line.metric, line.instance, line.values])).toEqual([
      ['CpuPercentage', 'lw0', [90, 95]],
      ['CpuPercentage', 'lw1', [20, null]],
      ['MemoryPercentage', 'lw0', [40, 41]],
    ]);
    expect(platform?.lines[0].time).toEqual(TIME.map((iso) => Date.parse(iso)));
    expect(platform?.failingInstance).toBe('lw0');
  });

  it('without Http5xx per instance: worker timeouts and 499 clusters name the failing instance', () => {
    const markers = [{ kind: 'worker-timeout', instance: 'lw1' }, { kind: 'worker-boot', instance: 'lw0' }];
    expect(platformFromReport(report([metric('CpuPercentage', 'lw0', [1, 2]), metric('CpuPercentage', 'lw1', [3, 4])], { markers } as never))?.failingInstance).toBe('lw1');
  });

  it('no metrics section, or no CPU/memory in it: no lane', () => {
    expect(platformFromReport(report(undefined))).toBeUndefined();
    expect(platformFromReport(report([metric('Http5xx', 'lw0', [1, 1])]))).toBeUndefined();
  });
});
