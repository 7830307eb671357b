// Scale events end to end: platform metrics where a second instance reports for a while → derive's
// scale-out / scale-in markers → the markers frame (titles, tags, kinds), the kinds filter, the
// metrics frames on the same bins and the report's scale events.
import { tableFromIPC } from 'apache-arrow';
import { derive, type MetricSeriesInput } from '../../engine';
import { buildReport } from '../../engine/report';
import { assess } from '../../engine/assess';
import { formatText } from '../../cli/format-text';
import { parseAppQuery } from '../queries/parse-query';
import { encodeFrame } from '../frames/arrow-frame-encoder';
import { buildMarkersFrame, selectMarkers } from './event-frames';
import { buildMetricsFrames } from './metrics-frames';

const T0 = Date.parse('2026-11-21T10:00:00Z');
const SECOND = 1000;

function cpu(instance: string, fromSecond: number, count: number, average: number): MetricSeriesInput {
  const points = Array.from({ length: count }, (_, i) => ({ time: T0 + (fromSecond + i) * SECOND, average, maximum: average + 2 }));
  return { name: 'CpuPercentage', unit: 'Percent', instance, grainMs: SECOND, origin: 'PlatformMetrics.json', points };
}

const signals = derive({ metrics: { series: [cpu('lw0', 0, 240, 90), cpu('lw1', 60, 120, 30)], issues: [] } }, { binMs: 60_000 });

describe('scale events through frames and the report', () => {
  it('derive finds the scale-out and scale-in (so the rest is not vacuous)', () => {
    expect(signals.markers.map((marker) => [marker.kind, marker.instance])).toEqual([
      ['scale-out', 'lw1'],
      ['scale-in', 'lw1'],
    ]);
  });

  it('markers frame: kind, instance, engine title and tags; a markers query can ask for scale kinds only', () => {
    const parsed = parseAppQuery({ refId: 'A', queryType: 'markers', kinds: ['scale-out', 'scale-in'] });
    const kinds = parsed.ok ? parsed.query.kinds : [];
    const frame = buildMarkersFrame(selectMarkers(signals, kinds), 'A');
    const table = tableFromIPC(encodeFrame(frame));
    const column = (name: string) => table.getChild(name)!.toArray() as unknown[];
    expect(column('kind')).toEqual(['scale-out', 'scale-in']);
    expect(column('title')).toEqual(signals.markers.map((marker) => marker.title));
    expect(frame.fields.find((field) => field.name === 'tags')!.values).toEqual([
      ['scale-out', 'lw1'],
      ['scale-in', 'lw1'],
    ]);
    // A plan-wide scale event (no instance) carries no empty tag.
    const planWide = buildMarkersFrame([{ ...signals.markers[0], instance: '' }], 'A');
    expect(planWide.fields.find((field) => field.name === 'tags')!.values).toEqual([['scale-out']]);
  });

  it('metrics frames put both instances on the same bins; the instance count steps 1 → 2 → 1', () => {
    const frames = buildMetricsFrames(signals, { refId: 'M', names: [], instances: [], fromAlert: false }, () => 'unused');
    const count = frames.find((frame) => frame.name === 'instance-count')!;
    expect(count.fields[1].values).toEqual([1, 2, 2, 1]);
    const lw1 = frames.find((frame) => frame.fields[1].labels?.instance === 'lw1')!;
    expect(lw1.fields[1].values).toEqual([null, 30, 30, null]);
  });

  it('report and text list the scale events', () => {
    const report = buildReport(signals, assess(signals), { spec: 'test', description: 'synthetic metrics' });
    expect(report.metrics?.scaleEvents.map((event) => [event.from, event.to, event.added, event.removed])).toEqual([
      [1, 2, ['lw1'], []],
      [2, 1, [], ['lw1']],
    ]);
    const text = formatText(report);
    expect(text).toContain('2026-11-21 10:01:00  scale-out 1 → 2 instance(s) (+lw1)');
    expect(text).toContain('2026-11-21 10:03:00  scale-in 2 → 1 instance(s) (−lw1)');
  });
});
