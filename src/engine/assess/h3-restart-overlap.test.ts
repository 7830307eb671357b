import { corpusLab, effectOf } from './testing/fixtures';

describe('H3 health probe / restart overlap on real exports', () => {
  it('intermittent-5xx: 499s are client aborts, not 5xx, so container starts cannot support H3 (trap 2)', () => {
    const h3 = corpusLab('intermittent-5xx').hypothesis('H3');
    expect(h3.verdict).not.toBe('supported');
    expect(effectOf(h3, '5xx-near-transitions')).toBe('not-seen');
    expect(h3.score).toBe(0);
  });

  it('snat-exhaustion: the 503s of the failed 04-03 startup line up with start failures, and only that run', () => {
    const h3 = corpusLab('snat-exhaustion').hypothesis('H3');
    expect(effectOf(h3, 'unavailable-near-transitions')).toBe('supports');
    expect(effectOf(h3, 'probe-or-start-failures')).toBe('supports');
    const secondRun = Date.UTC(2026, 3, 4);
    expect(h3.windows.length).toBeGreaterThan(0);
    for (const window of h3.windows.filter((item) => item.signals.includes('unavailable-near-transitions'))) {
      expect(window.to).toBeLessThan(secondRun);
    }
  });
});
