// Frames → verdict cards. The backend's `hypotheses` frame has one row per hypothesis.
import type { DataFrame } from '@grafana/data';

export type Verdict = 'supported' | 'weakened' | 'inconclusive';

export interface VerdictCard {
  id: string;
  title: string;
  verdict: Verdict;
  score: number;
  summary: string;
}

const VERDICTS: readonly string[] = ['supported', 'weakened', 'inconclusive'];

function column(frame: DataFrame, name: string): unknown[] | undefined {
  const field = frame.fields.find((f) => f.name === name);
  return field ? Array.from(field.values as ArrayLike<unknown>) : undefined;
}

/** Cards from every frame named `hypotheses`, most likely (highest score) first. */
export function verdictCards(frames: DataFrame[]): VerdictCard[] {
  const cards: VerdictCard[] = [];
  for (const frame of frames) {
    if (frame.name !== 'hypotheses') {
      continue;
    }
    const ids = column(frame, 'id');
    if (!ids) {
      continue;
    }
    const titles = column(frame, 'title') ?? [];
    const verdicts = column(frame, 'verdict') ?? [];
    const scores = column(frame, 'score') ?? [];
    const summaries = column(frame, 'summary') ?? [];
    ids.forEach((id, row) => {
      const verdict = String(verdicts[row] ?? 'inconclusive');
      cards.push({
        id: String(id),
        title: String(titles[row] ?? id),
        verdict: (VERDICTS.includes(verdict) ? verdict : 'inconclusive') as Verdict,
        score: Number(scores[row] ?? 0),
        summary: String(summaries[row] ?? ''),
      });
    });
  }
  return cards.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
