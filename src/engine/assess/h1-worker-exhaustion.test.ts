import { corpusLab, effectOf } from './testing/fixtures';

describe('H1 worker concurrency exhaustion on real exports', () => {
  it('intermittent-5xx: supported from 499 clusters, a stalled fast path and load, with no 5xx at all', () => {
    const lab = corpusLab('intermittent-5xx');
    const h1 = lab.hypothesis('H1');
    expect(lab.signals.totals.err5xx).toBe(0);
    expect(h1.verdict).toBe('supported');
    expect(lab.assessment.ranking[0]).toBe('H1');
    expect(effectOf(h1, 'client-abort-clusters')).toBe('supports');
    expect(effectOf(h1, 'fast-path-stalled')).toBe('supports');
    expect(effectOf(h1, 'failures-rise-with-load')).toBe('supports');
    const clusters = h1.evidence.find((item) => item.signal === 'client-abort-clusters');
    expect(clusters?.observed).toContain('44.4 s');
    expect(clusters?.pointers.filter((pointer) => pointer.kind === 'cluster')).toHaveLength(3);
  });

  it('intermittent-5xx: an empty console export is "no data", never a missing WORKER TIMEOUT (trap 1)', () => {
    const h1 = corpusLab('intermittent-5xx').hypothesis('H1');
    expect(effectOf(h1, 'worker-timeout-lines')).toBe('no-data');
    expect(effectOf(h1, 'no-worker-timeout-lines')).toBe('no-data');
    expect(effectOf(h1, 'few-sync-workers')).toBe('no-data');
  });

  it('intermittent-5xx: the windows stay inside each run instead of spanning the 14 h gap (trap 10)', () => {
    const h1 = corpusLab('intermittent-5xx').hypothesis('H1');
    expect(h1.windows.length).toBeGreaterThanOrEqual(2);
    for (const window of h1.windows) {
      expect(window.to - window.from).toBeLessThan(60 * 60_000);
    }
  });

  it('snat-exhaustion: supported, reading 4 sync workers and the WORKER TIMEOUT lines', () => {
    const h1 = corpusLab('snat-exhaustion').hypothesis('H1');
    expect(h1.verdict).toBe('supported');
    expect(effectOf(h1, 'worker-timeout-lines')).toBe('supports');
    expect(h1.evidence.find((item) => item.signal === 'few-sync-workers')?.observed).toContain('4 sync worker(s)');
  });

  it('suggests the playbook timeline query for this app and a worker-model change', () => {
    const h1 = corpusLab('intermittent-5xx').hypothesis('H1');
    const timeline = h1.nextChecks.find((check) => check.kind === 'kql');
    expect(timeline?.text).toContain('CsHost in~ ("app-lab5xx-o4evin7tt76tc.<azurewebsites-domain-redacted>")');
    expect(timeline?.text).toContain('by bin(TimeGenerated, 1m)');
    expect(h1.nextChecks.some((check) => check.kind === 'config' && check.text.includes('gthread'))).toBe(true);
  });
});
