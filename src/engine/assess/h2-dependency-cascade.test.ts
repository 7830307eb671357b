import { corpusLab, effectOf } from './testing/fixtures';

describe('H2 dependency latency cascade on real exports', () => {
  it('snat-exhaustion: supported — workers died waiting in outbound reads/connects on /outbound', () => {
    const h2 = corpusLab('snat-exhaustion').hypothesis('H2');
    expect(h2.verdict).toBe('supported');
    expect(effectOf(h2, 'workers-stuck-in-remote-calls')).toBe('supports');
    expect(effectOf(h2, 'failures-on-dependency-paths')).toBe('supports');
    // The export has no explicit timeout/refused/reset line: the stall shows only in aborted tracebacks.
    expect(effectOf(h2, 'dependency-error-lines')).toBe('not-seen');
    expect(h2.evidence.find((item) => item.signal === 'failures-on-dependency-paths')?.observed).toContain('/outbound');
  });

  it('intermittent-5xx: without console rows the dependency signals are "no data" and H2 is not weakened by them', () => {
    const h2 = corpusLab('intermittent-5xx').hypothesis('H2');
    expect(effectOf(h2, 'dependency-error-lines')).toBe('no-data');
    expect(effectOf(h2, 'no-dependency-signatures')).toBe('no-data');
    expect(h2.verdict).toBe('inconclusive');
    expect(h2.summary).toContain('Not checkable with this data');
  });
});
