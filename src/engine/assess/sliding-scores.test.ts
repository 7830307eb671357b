import { corpusLab } from './testing/fixtures';

describe('sliding-window scores', () => {
  it('intermittent-5xx: one H1 score per bin, high during the burst and zero in the quiet hours between runs', () => {
    const { signals, assessment } = corpusLab('intermittent-5xx');
    const scores = assessment.scoreSeries.scores.H1;
    expect(assessment.scoreSeries.time).toEqual(signals.series.time);
    expect(scores).toHaveLength(signals.series.time.length);
    const burst = signals.series.time.findIndex((time) => time === Date.UTC(2026, 3, 4, 5, 35));
    expect(scores[burst]).toBeGreaterThan(0.7);
    const night = signals.series.time.findIndex((time) => time === Date.UTC(2026, 3, 3, 22, 0));
    expect(scores[night]).toBe(0);
    expect(Math.max(...scores)).toBeLessThanOrEqual(1);
  });

  it('no hypothesis without failures to explain scores above the alerting level in any window', () => {
    const { assessment } = corpusLab('intermittent-5xx');
    for (const id of ['H2', 'H3', 'H4', 'C1'] as const) {
      expect(Math.max(...assessment.scoreSeries.scores[id])).toBeLessThanOrEqual(0.4);
    }
  });
});
