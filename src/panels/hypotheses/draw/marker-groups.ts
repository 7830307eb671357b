// Markers closer than a glyph's width share one glyph: a container restart brings a burst of
// boot lines within milliseconds, and stacked glyphs could be neither read nor hovered.
import type { TimelineMarker } from '../data/timeline.types';
import { markerFamily, type MarkerFamily } from './palette';
import type { LinearScale } from './scales';

export interface MarkerGroup {
  x: number;
  markers: TimelineMarker[];
  /** The family the glyph shows: the most alarming one in the group. */
  family: MarkerFamily;
  /** The kind whose colour the glyph uses (first marker of that family). */
  kind: string;
}

const SEVERITY: MarkerFamily[] = ['kill', 'restart', 'timeout', 'scale-out', 'scale-in', 'boot', 'other'];

export function groupMarkers(markers: TimelineMarker[], x: LinearScale, minGapPx = 14): MarkerGroup[] {
  const [left, right] = x.range;
  const visible = markers.filter((marker) => x(marker.time) >= left && x(marker.time) <= right).sort((a, b) => a.time - b.time);
  const groups: TimelineMarker[][] = [];
  for (const marker of visible) {
    const last = groups[groups.length - 1];
    if (last && x(marker.time) - x(last[0].time) < minGapPx) {
      last.push(marker);
    } else {
      groups.push([marker]);
    }
  }
  return groups.map((members) => {
    const family = SEVERITY.find((candidate) => members.some((marker) => markerFamily(marker.kind) === candidate)) ?? 'other';
    const lead = members.find((marker) => markerFamily(marker.kind) === family) ?? members[0];
    return { x: x(members[0].time), markers: members, family, kind: lead.kind };
  });
}
