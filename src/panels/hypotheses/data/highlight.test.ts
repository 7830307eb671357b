import { hypothesesFrame } from '../test-support/frames';
import { highlightFor, windowsToDraw } from './highlight';
import { verdictCards } from './verdicts';

describe('highlightFor', () => {
  const { cards } = verdictCards([hypothesesFrame()]);

  it('collects the clusters and markers the card’s evidence points at', () => {
    expect([...highlightFor(cards[0]).clusters]).toEqual([0]);
    expect(highlightFor(cards[0]).markers.size).toBe(0);
  });

  it('highlights nothing without a selected card', () => {
    expect(highlightFor(undefined).clusters.size).toBe(0);
  });
});

describe('windowsToDraw', () => {
  const { cards } = verdictCards([hypothesesFrame()]);

  it('falls back to the cards’ windows when no windows frame came back', () => {
    expect(windowsToDraw([], cards)).toEqual([expect.objectContaining({ hypothesis: 'H1', verdict: 'supported' })]);
  });

  it('prefers the windows frame', () => {
    const fromFrame = [{ hypothesis: 'T1', verdict: 'supported' as const, from: 1, to: 2, title: 'T1' }];
    expect(windowsToDraw(fromFrame, cards)).toBe(fromFrame);
  });
});
