// What clicking a card lights up on the timeline: the clusters and markers its evidence points
// at, and the windows it applies to (from the windows frame, or else the card's own windows).
import type { TimelineWindow } from './timeline.types';
import type { VerdictCard } from './verdict-card.types';

export interface Highlight {
  clusters: Set<number>;
  markers: Set<number>;
}

export const NOTHING_HIGHLIGHTED: Highlight = { clusters: new Set(), markers: new Set() };

export function highlightFor(card: VerdictCard | undefined): Highlight {
  if (!card) {
    return NOTHING_HIGHLIGHTED;
  }
  const highlight: Highlight = { clusters: new Set(), markers: new Set() };
  for (const item of card.evidence) {
    if (item.effect !== 'supports' && item.effect !== 'weakens') {
      continue;
    }
    for (const pointer of item.pointers ?? []) {
      if (pointer.kind === 'cluster') {
        highlight.clusters.add(pointer.index);
      } else if (pointer.kind === 'marker') {
        highlight.markers.add(pointer.index);
      }
    }
  }
  return highlight;
}

/** The windows frame when the query returned one; otherwise the windows carried by the cards. */
export function windowsToDraw(fromFrame: TimelineWindow[], cards: VerdictCard[]): TimelineWindow[] {
  if (fromFrame.length > 0) {
    return fromFrame;
  }
  return cards.flatMap((card) => card.windows.map((window) => ({ hypothesis: card.id, verdict: card.verdict, from: window.from, to: window.to, title: `${card.id} ${card.title}` })));
}
