// One card per hypothesis, as the panel and the Investigate page show it.
import type { Evidence, HypothesisWindow, NextCheck } from '../../../engine/assess/types';
import type { Verdict } from '../../../shared/frame-contract';

export type { Evidence, HypothesisWindow, NextCheck };

export interface VerdictCard {
  id: string;
  title: string;
  verdict: Verdict;
  /** 0..1 */
  score: number;
  summary: string;
  evidence: Evidence[];
  windows: HypothesisWindow[];
  nextChecks: NextCheck[];
}
