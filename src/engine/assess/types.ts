// Shapes of the hypothesis catalogue and its results. Evidence is plain data so the CLI, the
// backend frames and the panel all render the same thing.
import { EpochMs, TimeRange } from '../model/input';

export type HypothesisId = 'H1' | 'H2' | 'H3' | 'H4' | 'T1' | 'M1' | 'C1';
export type Verdict = 'supported' | 'weakened' | 'inconclusive';

/** What one rule found: it backs the hypothesis, counts against it, was checked and not seen, or could not be checked. */
export type EvidenceEffect = 'supports' | 'weakens' | 'not-seen' | 'no-data';

/** Where a reader can find what a rule looked at. */
export type EvidencePointer =
  | { kind: 'bins'; from: EpochMs; to: EpochMs; count: number }
  | { kind: 'cluster'; index: number }
  | { kind: 'marker'; index: number }
  | { kind: 'event'; table: 'console' | 'platform'; row: number }
  | { kind: 'path'; path: string }
  | { kind: 'divergence'; index: number }
  | { kind: 'worker-model'; index: number };

export interface Evidence {
  /** The rule's name, e.g. `client-abort-clusters`. */
  signal: string;
  /** `supporting` rules can only support; `weakening` rules can only weaken. */
  role: 'supporting' | 'weakening';
  effect: EvidenceEffect;
  /** What the data shows, in a sentence with the numbers. */
  observed: string;
  /** What the playbook expects for this signal. */
  expectation: string;
  /** 0..1: how strongly the observation meets the rule (0 unless supports/weakens). */
  strength: number;
  weight: number;
  /** When it was seen. */
  window?: TimeRange;
  pointers: EvidencePointer[];
}

export type NextCheckKind = 'kql' | 'az' | 'config' | 'portal';

export interface NextCheck {
  kind: NextCheckKind;
  /** Why to run it, in a line. */
  title: string;
  /** The query, command or setting, ready to paste. */
  text: string;
}

export interface HypothesisWindow extends TimeRange {
  /** Which signals put this window here. */
  signals: string[];
}

export interface HypothesisAssessment {
  id: HypothesisId;
  title: string;
  verdict: Verdict;
  score: number;
  summary: string;
  evidence: Evidence[];
  windows: HypothesisWindow[];
  nextChecks: NextCheck[];
}

/** Per-bin score of each hypothesis over a sliding window ending at that bin (for alerting). */
export interface ScoreSeries {
  /** Bin start, as `Signals.series.time`. */
  time: EpochMs[];
  windowMs: number;
  scores: Record<HypothesisId, number[]>;
}

export interface Assessment {
  hypotheses: HypothesisAssessment[];
  /** Ids, most likely first. */
  ranking: HypothesisId[];
  scoreSeries: ScoreSeries;
}
