// Signals → the assessment of every hypothesis: verdict, score, evidence, windows, next checks,
// a ranking, and per-bin sliding scores.
import { DeclaredWorkerModel } from '../config/declared-worker-model';
import { Signals } from '../model/signals';
import { HYPOTHESES } from './catalogue';
import { buildContext, DataCoverage } from './context';
import { evaluate } from './evaluate';
import { AppIdentity } from './next-checks/app-identity';
import { PreparedSignals } from './prepared-signals';
import { slidingScores, DEFAULT_SCORE_WINDOW_MS } from './sliding-scores';
import { Assessment, HypothesisAssessment, Verdict } from './types';

export interface AssessOptions {
  /** Row spans of the console and platform tables; without it, events alone show which tables had rows. */
  coverage?: DataCoverage;
  app?: AppIdentity;
  /** The worker model the site's configuration declares (see engine/config). */
  declared?: DeclaredWorkerModel;
  /** Sliding score window, default 15 min. */
  scoreWindowMs?: number;
}

const VERDICT_ORDER: Record<Verdict, number> = { supported: 0, inconclusive: 1, weakened: 2 };

/** Supported before inconclusive before weakened; then by score, then by how many signals support. */
export function rankHypotheses(hypotheses: HypothesisAssessment[]): HypothesisAssessment[] {
  const supportCount = (item: HypothesisAssessment) => item.evidence.filter((evidence) => evidence.effect === 'supports').length;
  return hypotheses
    .map((item, order) => ({ item, order }))
    .sort(
      (a, b) =>
        VERDICT_ORDER[a.item.verdict] - VERDICT_ORDER[b.item.verdict] ||
        b.item.score - a.item.score ||
        supportCount(b.item) - supportCount(a.item) ||
        a.order - b.order
    )
    .map((entry) => entry.item);
}

export function assess(signals: Signals, options: AssessOptions = {}): Assessment {
  const prepared = new PreparedSignals(signals, options.coverage, options.declared);
  const context = buildContext(prepared, signals.window);
  const app = options.app ?? { hosts: [] };
  const hypotheses = HYPOTHESES.map((definition): HypothesisAssessment => {
    const evaluation = evaluate(definition, context);
    return { id: definition.id, title: definition.title, ...evaluation, nextChecks: definition.nextChecks(context, app) };
  });
  return {
    hypotheses,
    ranking: rankHypotheses(hypotheses).map((item) => item.id),
    scoreSeries: slidingScores(prepared, options.scoreWindowMs ?? DEFAULT_SCORE_WINDOW_MS),
  };
}
