import { FRAME } from '../../../shared/frame-contract';
import { clustersFrame, markersFrame, RANGE, seriesFrame, T0, windowsFrame } from '../test-support/frames';
import { timelineFromFrames } from './timeline-from-frames';

describe('timelineFromFrames', () => {
  const model = timelineFromFrames([seriesFrame(), markersFrame(), clustersFrame(), windowsFrame()], RANGE);

  it('reads the series by field name, keeping a missing bin as null', () => {
    expect(model.series?.time).toHaveLength(4);
    expect(model.series?.values.errPct).toEqual([0, 12.5, null, 0.8]);
    expect(model.series?.values.p99[2]).toBe(30050);
    expect(model.series?.binMs).toBe(60_000);
  });

  it('keeps each marker’s source line for the tooltip and its row index for evidence pointers', () => {
    expect(model.markers.map((marker) => [marker.index, marker.kind])).toEqual([
      [0, 'worker-timeout'],
      [1, 'worker-boot'],
    ]);
    expect(model.markers[0].sourceLine).toContain('[CRITICAL] WORKER TIMEOUT (pid:1908)');
  });

  it('reads clusters with their TimeTaken boundary and windows with their hypothesis', () => {
    expect(model.clusters[0]).toMatchObject({ from: T0 + 60_000, to: T0 + 100_000, count: 37, boundaryMs: 30000 });
    expect(model.windows.map((window) => window.hypothesis)).toEqual(['H1', 'T1']);
    expect(model.problems).toEqual([]);
  });

  it('prefers the unsplit series frame over per-path frames', () => {
    const perPath = seriesFrame();
    perPath.fields.forEach((field) => (field.labels = { path: '/api/slow' }));
    perPath.fields[1].values = [1, 1, 1, 1];
    const totals = timelineFromFrames([perPath, seriesFrame()], RANGE);
    expect(totals.series?.values.requests).toEqual([120, 480, 510, 130]);
  });

  it('names the missing series frame and still draws the other layers', () => {
    const partial = timelineFromFrames([markersFrame()], RANGE);
    expect(partial.series).toBeUndefined();
    expect(partial.markers).toHaveLength(2);
    expect(partial.problems).toEqual([expect.stringContaining(`no "${FRAME.series}" frame`)]);
  });
});
