import type { TimelineMarker } from '../data/timeline.types';
import { groupMarkers } from './marker-groups';
import { linearScale } from './scales';

const marker = (index: number, time: number, kind: string): TimelineMarker => ({ index, time, kind, title: kind, sourceLine: '', instance: 'i' });

describe('groupMarkers', () => {
  const x = linearScale([0, 1000], [0, 1000]);

  it('merges markers closer than the gap and keeps distant ones apart', () => {
    const groups = groupMarkers([marker(0, 100, 'worker-boot'), marker(1, 105, 'restart'), marker(2, 500, 'worker-timeout')], x, 14);
    expect(groups.map((group) => group.markers.map((member) => member.index))).toEqual([[0, 1], [2]]);
  });

  it('shows the most alarming family of a group', () => {
    const [group] = groupMarkers([marker(0, 100, 'worker-boot'), marker(1, 101, 'worker-kill'), marker(2, 102, 'restart')], x);
    expect([group.family, group.kind]).toEqual(['kill', 'worker-kill']);
  });

  it('a scale event outranks a boot but not a timeout', () => {
    expect(groupMarkers([marker(0, 100, 'worker-boot'), marker(1, 101, 'scale-out')], x)[0].family).toBe('scale-out');
    expect(groupMarkers([marker(0, 100, 'scale-in'), marker(1, 101, 'worker-timeout')], x)[0].family).toBe('timeout');
  });

  it('leaves out markers outside the plot', () => {
    expect(groupMarkers([marker(0, -5, 'restart'), marker(1, 1200, 'restart')], x)).toEqual([]);
  });
});
