import { MetricPoint, MetricSeriesInput, MetricsInput } from '../model/metrics';
import { parseMetricsResponse } from '../parse/metrics-response';
import { derive } from './derive';
import { deriveFromBins } from './from-bins';
import { binMetrics } from './metric-bins';
import { findScaleEvents, SAME_INSTANCE_RETURN_MS } from './scale-events';
import { binWindow } from './window';

const T0 = Date.parse('2026-11-21T10:00:00Z');
const SECOND = 1000;

type PointValues = Omit<MetricPoint, 'time'>;

/** A Metrics-List body as `az monitor metrics list --interval PT1S` prints it. */
function metricsListBody(metrics: Array<{ name: string; unit: string; series: Array<{ instance?: string; data: Array<PointValues & { time: number }> }> }>) {
  return {
    interval: 'PT1S',
    namespace: 'Microsoft.Web/serverFarms',
    value: metrics.map((metric) => ({
      name: { value: metric.name, localizedValue: metric.name },
      unit: metric.unit,
      errorCode: 'Success',
      timeseries: metric.series.map((series) => ({
        metadatavalues: series.instance ? [{ name: { value: 'Instance' }, value: series.instance }] : [],
        data: series.data.map(({ time, ...values }) => ({ timeStamp: new Date(time).toISOString(), ...values })),
      })),
    })),
  };
}

/** One point per second from `from` for `seconds`, the value from `valueAt(second)`. */
function perSecond(from: number, seconds: number, valueAt: (second: number) => PointValues) {
  return Array.from({ length: seconds }, (_, second) => ({ time: from + second * SECOND, ...valueAt(second) }));
}

function cpuSeries(instance: string, times: number[], average = 50): MetricSeriesInput {
  return { name: 'CpuPercentage', unit: 'Percent', instance, grainMs: SECOND, origin: 'test', points: times.map((time) => ({ time, average })) };
}

function seconds(from: number, count: number, skip: number[] = []): number[] {
  return Array.from({ length: count }, (_, second) => second).filter((second) => !skip.includes(second)).map((second) => T0 + (from + second) * SECOND);
}

describe('binMetrics: 1-second points on the signals bins', () => {
  const body = metricsListBody([
    { name: 'CpuPercentage', unit: 'Percent', series: [{ instance: 'lw0', data: perSecond(T0, 120, (s) => ({ average: s < 60 ? 20 : 90, maximum: s < 60 ? 30 : 99 })) }] },
    { name: 'Requests', unit: 'Count', series: [{ instance: 'lw0', data: perSecond(T0, 120, () => ({ total: 3 })) }] },
    { name: 'MemoryPercentage', unit: 'Percent', series: [{ instance: 'lw0', data: perSecond(T0, 120, (s) => ({ average: 40 + s / 10 })) }] },
  ]);
  const input = parseMetricsResponse(body, 'PlatformMetrics.json');

  it('60 s bins: CPU is the mean of the averages, max the highest maximum; Requests are summed', () => {
    const { metrics } = binMetrics(input, binWindow({ from: T0, to: T0 + 120 * SECOND }, 60_000, false));
    const cpu = metrics.series.find((series) => series.name === 'CpuPercentage');
    const requests = metrics.series.find((series) => series.name === 'Requests');
    expect(cpu).toMatchObject({ instance: 'lw0', unit: 'Percent', values: [20, 90], max: [30, 99] });
    expect(requests?.values).toEqual([180, 180]);
    expect(metrics.instanceCount).toEqual([1, 1]);
    expect(metrics.origins).toEqual(['PlatformMetrics.json']);
    expect(metrics.span).toEqual({ from: T0, to: T0 + 119 * SECOND });
  });

  it('10 s bins: twelve bins, the memory mean rising with the points, max = average when no maximum was given', () => {
    const { metrics } = binMetrics(input, binWindow({ from: T0, to: T0 + 120 * SECOND }, 10_000, false));
    const memory = metrics.series.find((series) => series.name === 'MemoryPercentage');
    expect(memory?.values).toHaveLength(12);
    expect(memory?.values[0]).toBeCloseTo(40.45, 6);
    expect(memory?.values[11]).toBeCloseTo(51.45, 6);
    expect(memory?.max[11]).toBeCloseTo(51.9, 6);
    expect(metrics.series.find((series) => series.name === 'Requests')?.values).toEqual(Array(12).fill(30));
  });

  it('the median is the level held for half the bin: 15 idle seconds pull the mean to 75% but not the median', () => {
    const burst = parseMetricsResponse(
      metricsListBody([{ name: 'CpuPercentage', unit: 'Percent', series: [{ instance: 'lw0', data: perSecond(T0, 60, (s) => ({ average: s < 15 ? 0 : 100 })) }] }]),
      'burst.json'
    );
    const { metrics } = binMetrics(burst, binWindow({ from: T0, to: T0 + 60 * SECOND }, 60_000, false));
    expect(metrics.series[0]).toMatchObject({ values: [75], median: [100], max: [100] });
    const { metrics: perRequests } = binMetrics(input, binWindow({ from: T0, to: T0 + 120 * SECOND }, 60_000, false));
    expect(perRequests.series.find((series) => series.name === 'Requests')?.median).toBeUndefined();
  });

  it('bins without a point are null, points outside the window are left out', () => {
    const { metrics } = binMetrics(input, binWindow({ from: T0 - 60_000, to: T0 + 60_000 }, 60_000, false));
    const cpu = metrics.series.find((series) => series.name === 'CpuPercentage');
    expect(cpu?.values).toEqual([null, 20]);
    expect(metrics.instanceCount).toEqual([null, 1]);
  });

  it('keeps the parser issues and names a series with a bad grain', () => {
    const withIssues: MetricsInput = {
      series: [{ ...cpuSeries('lw0', seconds(0, 5)), grainMs: 0 }],
      issues: [{ where: 'x.json', message: 'metric "Foo" is not one this product reads' }],
    };
    const { metrics } = binMetrics(withIssues, binWindow({ from: T0, to: T0 + 60_000 }, 60_000, false));
    expect(metrics.issues.map((issue) => issue.message)).toEqual([
      'metric "Foo" is not one this product reads',
      'CpuPercentage Instance=lw0: time grain 0 ms is not positive; scale events not read from it',
    ]);
  });
});

describe('instance count and scale events', () => {
  it('counts distinct instances reporting a plan metric per bin', () => {
    const input: MetricsInput = { series: [cpuSeries('lw0', seconds(0, 120)), cpuSeries('lw1', seconds(60, 60))], issues: [] };
    const { metrics } = binMetrics(input, binWindow({ from: T0, to: T0 + 120 * SECOND }, 60_000, false));
    expect(metrics.instanceCount).toEqual([1, 2]);
  });

  it('an instance that starts reporting later is a scale-out, one that stops early a scale-in', () => {
    const input: MetricsInput = { series: [cpuSeries('lw0', seconds(0, 120)), cpuSeries('lw1', seconds(30, 60))], issues: [] };
    const { metrics, markers } = binMetrics(input, binWindow({ from: T0, to: T0 + 120 * SECOND }, 60_000, false));
    expect(metrics.scaleEvents).toEqual([
      { time: T0 + 30 * SECOND, from: 1, to: 2, added: ['lw1'], removed: [] },
      { time: T0 + 90 * SECOND, from: 2, to: 1, added: [], removed: ['lw1'] },
    ]);
    expect(markers.map((marker) => [marker.kind, marker.instance, marker.title])).toEqual([
      ['scale-out', 'lw1', 'scale-out 1 → 2 instance(s) (+lw1)'],
      ['scale-in', 'lw1', 'scale-in 2 → 1 instance(s) (−lw1)'],
    ]);
    expect(markers[0].source).toEqual({ table: 'metrics', row: 0, line: 'test: CpuPercentage Instance=lw1 first reports at 2026-11-21T10:00:30.000Z' });
  });

  it('ignores a single missing point, a single-point flap and an instance missing only the first or last point', () => {
    const input: MetricsInput = {
      series: [
        cpuSeries('lw0', seconds(0, 120, [40])),
        cpuSeries('lw1', seconds(1, 118)),
        cpuSeries('lw2', [T0 + 70 * SECOND]),
      ],
      issues: [],
    };
    expect(findScaleEvents(input.series)).toEqual([]);
  });

  it('an instance gone for more than 5 min and back is a scale-in then a scale-out; back sooner, it was restarting', () => {
    const events = findScaleEvents([cpuSeries('lw0', seconds(0, 900)), cpuSeries('lw1', seconds(0, 900).filter((time) => time < T0 + 100_000 || time >= T0 + 500_000))]).map(
      (finding) => finding.event
    );
    expect(events).toEqual([
      { time: T0 + 100 * SECOND, from: 2, to: 1, added: [], removed: ['lw1'] },
      { time: T0 + 500 * SECOND, from: 1, to: 2, added: ['lw1'], removed: [] },
    ]);
    const restart = seconds(0, 900).filter((time) => time < T0 + 100_000 || time >= T0 + 99_000 + SAME_INSTANCE_RETURN_MS);
    expect(findScaleEvents([cpuSeries('lw0', seconds(0, 900)), cpuSeries('lw1', restart)])).toEqual([]);
  });

  it('one-minute grain: two missing points and a return after 5 min are a real gap', () => {
    const perMinute = (instance: string, minutes: number[]): MetricSeriesInput => ({ ...cpuSeries(instance, minutes.map((minute) => T0 + minute * 60_000)), grainMs: 60_000 });
    const events = findScaleEvents([perMinute('lw0', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), perMinute('lw1', [0, 1, 2, 8, 9])]).map((finding) => finding.event);
    expect(events.map((event) => [new Date(event.time).toISOString(), event.from, event.to])).toEqual([
      ['2026-11-21T10:03:00.000Z', 2, 1],
      ['2026-11-21T10:08:00.000Z', 1, 2],
    ]);
  });

  it('the only instance going silent (a restart in the lab) is not a scale-in to 0 and back', () => {
    const silent = seconds(0, 900).filter((time) => time < T0 + 100_000 || time >= T0 + 700_000);
    expect(findScaleEvents([cpuSeries('lw0', silent)])).toEqual([]);
  });

  it('instances added together are one event with instance "" on its marker; MemoryPercentage serves when CPU is absent', () => {
    const memory = (instance: string, times: number[]): MetricSeriesInput => ({ ...cpuSeries(instance, times), name: 'MemoryPercentage' });
    const input: MetricsInput = { series: [memory('lw0', seconds(0, 60)), memory('lw1', seconds(20, 40)), memory('lw2', seconds(20, 40))], issues: [] };
    const { metrics, markers } = binMetrics(input, binWindow({ from: T0, to: T0 + 60 * SECOND }, 60_000, false));
    expect(metrics.scaleEvents).toEqual([{ time: T0 + 20 * SECOND, from: 1, to: 3, added: ['lw1', 'lw2'], removed: [] }]);
    expect(markers[0]).toMatchObject({ kind: 'scale-out', instance: '' });
  });
});

describe('derive and deriveFromBins carry the metrics', () => {
  const input: MetricsInput = { series: [cpuSeries('lw0', seconds(0, 180)), cpuSeries('lw1', seconds(100, 80))], issues: [] };

  it('without HTTP or log data the metrics span is the window; scale markers join the markers', () => {
    const signals = derive({ metrics: input });
    expect(signals.window).toEqual({ from: T0, to: T0 + 180 * SECOND });
    expect(signals.metrics?.instanceCount).toEqual([1, 2, 2]);
    expect(signals.markers.map((marker) => marker.kind)).toEqual(['scale-out']);
  });

  it('an explicit window wins and the metrics are put on its bins', () => {
    const signals = derive({ metrics: input }, { window: { from: T0 + 60_000, to: T0 + 120_000 }, binMs: 10_000 });
    expect(signals.metrics?.series[0].values).toHaveLength(6);
    expect(signals.markers).toHaveLength(1);
  });

  it('no metrics in, no metrics out', () => {
    expect(derive({}).metrics).toBeUndefined();
  });

  it('deriveFromBins passes them through', () => {
    const signals = deriveFromBins({ bins: [], metrics: input });
    expect(signals.metrics?.series.map((series) => series.instance)).toEqual(['lw0', 'lw1']);
    expect(signals.metrics?.scaleEvents).toHaveLength(1);
  });
});
