import { corpusLab, effectOf } from './testing/fixtures';

describe('C1 CPU saturation without platform metrics', () => {
  it.each(['intermittent-5xx', 'snat-exhaustion'] as const)('%s: CPU signals are "no data" and the verdict stays inconclusive', (lab) => {
    const c1 = corpusLab(lab).hypothesis('C1');
    expect(c1.verdict).toBe('inconclusive');
    expect(effectOf(c1, 'cpu-sustained-high')).toBe('no-data');
    expect(effectOf(c1, 'cpu-moderate-while-slow-paths-queue')).toBe('no-data');
    expect(c1.score).toBeLessThanOrEqual(0.4);
    expect(c1.summary).toContain('platform metrics');
  });
});
