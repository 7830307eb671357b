import { corpusLab, effectOf } from './testing/fixtures';

describe('T1 Gunicorn --timeout too short on real exports', () => {
  it('snat-exhaustion: WORKER TIMEOUT, then the kill, and 92 aborts at 119.4 s against --timeout=120', () => {
    const t1 = corpusLab('snat-exhaustion').hypothesis('T1');
    expect(t1.verdict).toBe('supported');
    expect(effectOf(t1, 'worker-timeouts')).toBe('supports');
    expect(effectOf(t1, 'kills-follow-timeouts')).toBe('supports');
    expect(t1.evidence.find((item) => item.signal === 'requests-die-at-timeout')?.observed).toContain('119.4 s');
    expect(t1.evidence.find((item) => item.signal === 'timeout-below-platform-limit')?.observed).toBe('--timeout 120 s');
    expect(t1.nextChecks.find((check) => check.kind === 'config')?.text).toContain('--timeout 230');
  });

  it('intermittent-5xx: no console rows, so nothing about timeouts can be said either way', () => {
    const t1 = corpusLab('intermittent-5xx').hypothesis('T1');
    expect(t1.verdict).toBe('inconclusive');
    expect(t1.evidence.every((item) => item.effect === 'no-data')).toBe(true);
  });
});
