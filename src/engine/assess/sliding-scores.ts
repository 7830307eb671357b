// Each hypothesis scored over a window sliding by one bin, so alert rules can say "H1 score > 0.7".
import { buildContext } from './context';
import { HYPOTHESES } from './catalogue';
import { evaluate } from './evaluate';
import { PreparedSignals } from './prepared-signals';
import { HypothesisId, ScoreSeries } from './types';

/** Fifteen minutes: long enough to hold a burst and its aftermath, short enough to end with the incident. */
export const DEFAULT_SCORE_WINDOW_MS = 15 * 60_000;

export function slidingScores(prepared: PreparedSignals, windowMs = DEFAULT_SCORE_WINDOW_MS): ScoreSeries {
  const { series, binMs } = prepared.signals;
  const scores = Object.fromEntries(HYPOTHESES.map((definition) => [definition.id, [] as number[]])) as Record<HypothesisId, number[]>;
  for (let index = 0; index < series.time.length; index++) {
    const to = series.time[index] + binMs;
    const window = { from: to - Math.max(windowMs, binMs), to };
    const context = buildContext(prepared, window);
    const idle = context.requests === 0 && context.events.length === 0 && context.markers.length === 0;
    for (const definition of HYPOTHESES) {
      scores[definition.id].push(idle ? 0 : evaluate(definition, context).score);
    }
  }
  return { time: [...series.time], windowMs, scores };
}
