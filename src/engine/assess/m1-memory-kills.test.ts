import { corpusLab, effectOf } from './testing/fixtures';

describe('M1 memory pressure (OOM kills) on real exports', () => {
  it('snat-exhaustion: "Perhaps out of memory?" after WORKER TIMEOUT is Gunicorn\'s own kill, not OOM (trap 4)', () => {
    const m1 = corpusLab('snat-exhaustion').hypothesis('M1');
    expect(m1.verdict).toBe('weakened');
    expect(effectOf(m1, 'kills-without-timeout')).toBe('not-seen');
    expect(m1.evidence.find((item) => item.signal === 'kills-explained-by-timeouts')?.observed).toBe(
      '13 of 14 SIGKILL(s) follow a WORKER TIMEOUT of the same pid'
    );
    // The 14th kill's timeout line is cut off by the 500-row cap: undecidable, not an OOM suspect.
    expect(m1.evidence.find((item) => item.signal === 'kills-without-timeout')?.observed).toContain('1 undecidable');
    expect(effectOf(m1, 'memory-usage')).toBe('no-data');
  });
});
