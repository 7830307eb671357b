// `hypotheses` frames → verdict cards, most likely first. Evidence, windows and next checks
// arrive as JSON strings (frame contract); one unreadable cell costs only that cell.
import type { DataFrame } from '@grafana/data';
import { FRAME, type Verdict } from '../../../shared/frame-contract';
import { column, framesNamed, jsonArrayAt, numberAt, stringAt } from './frames';
import type { Evidence, HypothesisWindow, NextCheck, VerdictCard } from './verdict-card.types';

const VERDICTS: readonly string[] = ['supported', 'weakened', 'inconclusive'];
/** Supported before inconclusive before weakened when scores tie: the likelier story first. */
const VERDICT_ORDER: Record<Verdict, number> = { supported: 0, inconclusive: 1, weakened: 2 };

export function toVerdict(value: string): Verdict {
  return (VERDICTS.includes(value) ? value : 'inconclusive') as Verdict;
}

export function rankCards(cards: VerdictCard[]): VerdictCard[] {
  return [...cards].sort((a, b) => b.score - a.score || VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || a.id.localeCompare(b.id));
}

export interface CardsResult {
  cards: VerdictCard[];
  problems: string[];
}

export function verdictCards(frames: DataFrame[]): CardsResult {
  const problems: string[] = [];
  const cards: VerdictCard[] = [];
  for (const frame of framesNamed(frames, FRAME.hypotheses)) {
    const ids = column(frame, 'id');
    if (!ids) {
      problems.push(`frame "${FRAME.hypotheses}" has no "id" field`);
      continue;
    }
    const [titles, verdicts, scores, summaries, evidence, windows, nextChecks] = ['title', 'verdict', 'score', 'summary', 'evidence', 'windows', 'nextChecks'].map(
      (name) => column(frame, name)
    );
    ids.forEach((value, row) => {
      const id = String(value);
      cards.push({
        id,
        title: stringAt(titles, row, id),
        verdict: toVerdict(stringAt(verdicts, row)),
        score: Math.min(1, Math.max(0, numberAt(scores, row) ?? 0)),
        summary: stringAt(summaries, row),
        evidence: jsonArrayAt<Evidence>(evidence, row, `${id} evidence`, problems),
        windows: jsonArrayAt<HypothesisWindow>(windows, row, `${id} windows`, problems),
        nextChecks: jsonArrayAt<NextCheck>(nextChecks, row, `${id} next checks`, problems),
      });
    });
  }
  return { cards: rankCards(cards), problems };
}

/** The evidence worth showing first: what supports or weakens, strongest first. */
export function topEvidence(card: VerdictCard, count: number): Evidence[] {
  return card.evidence
    .filter((item) => item.effect === 'supports' || item.effect === 'weakens')
    .sort((a, b) => b.strength * b.weight - a.strength * a.weight)
    .slice(0, Math.max(0, count));
}
