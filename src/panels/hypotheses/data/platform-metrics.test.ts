import { clustersFrame, instanceSeriesFrame, markersFrame, platformFrames, T0 } from '../test-support/frames';
import { failingInstance, metricLinesFromFrames, platformFromFrames, platformReadout } from './platform-metrics';

describe('platform metrics from frames', () => {
  it('reads CPU and memory lines per instance, leaving site metrics and the instance count out', () => {
    const lines = metricLinesFromFrames(platformFrames());
    expect(lines.map((line) => [line.metric, line.instance])).toEqual([
      ['CpuPercentage', 'lw0sdlwk000001'],
      ['CpuPercentage', 'lw0sdlwk000002'],
      ['MemoryPercentage', 'lw0sdlwk000001'],
    ]);
    expect(lines[1].values).toEqual([20, 22, null, 18]);
    expect(lines[0].time[1] - lines[0].time[0]).toBe(60_000);
  });

  it('the failing instance: most 5xx + 499 in series split by instance', () => {
    const frames = [...platformFrames(), instanceSeriesFrame('lw0sdlwk000001', [0, 1, 0, 0], [0, 0, 0, 0]), instanceSeriesFrame('lw0sdlwk000002', [3, 4, 0, 0], [2, 0, 0, 0])];
    expect(platformFromFrames(frames)?.failingInstance).toBe('lw0sdlwk000002');
  });

  it('without split series: the instance named by clusters and worker timeouts', () => {
    expect(failingInstance([clustersFrame(), markersFrame()], ['lw0sdlwk000001', 'lw0sdlwk000002'])).toBe('lw0sdlwk000001');
  });

  it('no instance stands out (a tie, or no failures): none is highlighted', () => {
    expect(failingInstance([instanceSeriesFrame('a', [1], [0]), instanceSeriesFrame('b', [0], [1])], ['a', 'b'])).toBeUndefined();
    expect(failingInstance([], ['a', 'b'])).toBeUndefined();
  });

  it('reads out CPU and memory of the failing instance at a bin, else the highest across instances', () => {
    const lines = metricLinesFromFrames(platformFrames());
    expect(platformReadout({ lines, failingInstance: 'lw0sdlwk000002' }, T0 + 60_000)).toBe('CPU 22%');
    expect(platformReadout({ lines }, T0 + 120_000)).toBe('CPU 97% · mem 55%');
    expect(platformReadout({ lines, failingInstance: 'lw0sdlwk000002' }, T0 + 120_000)).toBe('');
  });

  it('no metrics frames: no platform lane', () => {
    expect(platformFromFrames([markersFrame()])).toBeUndefined();
  });
});
