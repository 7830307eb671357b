import { hypothesesFrame } from '../test-support/frames';
import { rankCards, topEvidence, verdictCards } from './verdicts';

describe('verdictCards', () => {
  const { cards, problems } = verdictCards([hypothesesFrame()]);

  it('orders the cards most likely first', () => {
    expect(cards.map((card) => card.id)).toEqual(['H1', 'T1', 'H2']);
  });

  it('parses evidence, windows and next checks from their JSON strings', () => {
    expect(cards[0].evidence).toHaveLength(3);
    expect(cards[0].windows).toHaveLength(1);
    expect(cards[0].nextChecks[0].text).toContain('ScStatus == 499');
  });

  it('an unreadable evidence cell costs only that cell, and is named', () => {
    expect(cards.find((card) => card.id === 'T1')?.evidence).toEqual([]);
    expect(cards.find((card) => card.id === 'T1')?.nextChecks).toHaveLength(1);
    expect(problems).toEqual([expect.stringMatching(/^T1 evidence: not valid JSON/)]);
  });

  it('breaks score ties by verdict, supported first', () => {
    const base = { title: '', summary: '', evidence: [], windows: [], nextChecks: [], score: 0.5 };
    const ranked = rankCards([
      { ...base, id: 'H2', verdict: 'weakened' },
      { ...base, id: 'H4', verdict: 'supported' },
      { ...base, id: 'H3', verdict: 'inconclusive' },
    ]);
    expect(ranked.map((card) => card.id)).toEqual(['H4', 'H3', 'H2']);
  });
});

describe('topEvidence', () => {
  it('shows supporting and weakening evidence, strongest first, leaving out what was not seen', () => {
    const [h1] = verdictCards([hypothesesFrame()]).cards;
    expect(topEvidence(h1, 5).map((item) => item.signal)).toEqual(['client-abort-clusters', 'few-sync-workers']);
    expect(topEvidence(h1, 1)).toHaveLength(1);
  });
});
