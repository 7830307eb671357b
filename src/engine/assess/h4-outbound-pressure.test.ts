import { corpusLab, effectOf } from './testing/fixtures';

describe('H4 outbound connection pressure on real exports', () => {
  it('snat-exhaustion: not provable from these files — no SNAT metric, no EADDRNOTAVAIL — and says so', () => {
    const h4 = corpusLab('snat-exhaustion').hypothesis('H4');
    expect(h4.verdict).toBe('inconclusive');
    expect(effectOf(h4, 'snat-port-usage')).toBe('no-data');
    expect(effectOf(h4, 'address-not-available')).toBe('not-seen');
    expect(effectOf(h4, 'workers-stuck-opening-connections')).toBe('supports');
    expect(h4.summary).toContain('cannot be told apart from a slow remote (H2)');
    expect(h4.score).toBeLessThanOrEqual(0.4);
  });

  it('points at the SNAT detector and connection reuse as next steps', () => {
    const h4 = corpusLab('snat-exhaustion').hypothesis('H4');
    expect(h4.nextChecks.some((check) => check.kind === 'portal' && check.text.includes('SNAT Port Exhaustion'))).toBe(true);
    expect(h4.nextChecks.some((check) => check.kind === 'config' && check.text.includes('keep-alive'))).toBe(true);
  });
});
