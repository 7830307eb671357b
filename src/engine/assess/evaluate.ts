// The shared evaluator: rule findings → evidence, score, verdict, windows and summary.
import { TimeRange } from '../model/input';
import { AssessContext } from './context';
import { HypothesisDefinition } from './rule';
import { formatTime, spanOf } from './signal-math';
import { Evidence, HypothesisWindow, Verdict } from './types';

/** A hypothesis needs at least this many distinct supporting signals: one signal is a hint, not a diagnosis. */
export const MIN_SUPPORTING_SIGNALS = 2;
/** Score from which two or more supporting signals make a hypothesis `supported`: most of its checkable evidence is there. */
export const SUPPORTED_MIN_SCORE = 0.5;
/** Weakening evidence counts half as much as support in the score: the playbook's weakening bullets are softer tests. */
export const WEAKENING_PENALTY = 0.5;
/** Ceiling on the score of a hypothesis lacking two supporting signals or a decisive one: a hint must stay below alerting levels. */
export const UNDECIDED_SCORE_CAP = 0.4;
/** Fewer failed requests than this explain nothing: a lone 499 is a caller giving up, not an incident. */
export const MIN_FAILURES_TO_EXPLAIN = 3;

export interface Evaluation {
  verdict: Verdict;
  score: number;
  evidence: Evidence[];
  windows: HypothesisWindow[];
  summary: string;
}

interface CollectedEvidence {
  evidence: Evidence[];
  /** Per evidence item: the stretches it was seen in. */
  pieces: TimeRange[][];
}

export function collectEvidence(definition: HypothesisDefinition, context: AssessContext): CollectedEvidence {
  const pieces: TimeRange[][] = [];
  const evidence = definition.rules.map((rule): Evidence => {
    const finding = rule.check(context);
    const stretches = finding.pieces ?? (finding.window ? [finding.window] : []);
    pieces.push(finding.status === 'met' ? stretches : []);
    const effect =
      finding.status === 'no-data'
        ? 'no-data'
        : finding.status === 'not-met'
          ? 'not-seen'
          : rule.role === 'supporting'
            ? 'supports'
            : 'weakens';
    const strength = finding.status === 'met' ? Math.max(0, Math.min(1, finding.strength ?? 1)) : 0;
    return {
      signal: rule.signal,
      role: rule.role,
      effect,
      observed: finding.observed,
      expectation: rule.expectation,
      strength,
      weight: rule.weight,
      window: finding.window ?? spanOf(stretches),
      pointers: finding.pointers ?? [],
    };
  });
  return { evidence, pieces };
}

function weightedShare(evidence: Evidence[], role: Evidence['role']): { share: number; mass: number } {
  const checked = evidence.filter((item) => item.role === role && item.effect !== 'no-data');
  const possible = checked.reduce((total, item) => total + item.weight, 0);
  const mass = checked.reduce((total, item) => total + item.weight * item.strength, 0);
  return { share: possible > 0 ? mass / possible : 0, mass };
}

/**
 * Share of the checkable supporting evidence that was seen, less half the share of the weakening
 * evidence. Signals without data are left out of both shares: no data is neither for nor against.
 */
export function scoreEvidence(evidence: Evidence[]): number {
  const support = weightedShare(evidence, 'supporting');
  const weakening = weightedShare(evidence, 'weakening');
  return Math.max(0, Math.min(1, support.share - WEAKENING_PENALTY * weakening.share));
}

/** Where the supporting signals were seen, as merged stretches (joined when less than `gapMs` apart). */
export function mergeWindows(collected: CollectedEvidence, gapMs: number): HypothesisWindow[] {
  const pieces = collected.evidence
    .flatMap((item, index) => (item.effect === 'supports' ? collected.pieces[index].map((piece) => ({ from: piece.from, to: piece.to, signals: [item.signal] })) : []))
    .sort((a, b) => a.from - b.from);
  const merged: HypothesisWindow[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && piece.from <= last.to + gapMs) {
      last.to = Math.max(last.to, piece.to);
      for (const signal of piece.signals) {
        if (!last.signals.includes(signal)) {
          last.signals.push(signal);
        }
      }
    } else {
      merged.push({ ...piece, signals: [...piece.signals] });
    }
  }
  return merged;
}

function listSignals(evidence: Evidence[]): string {
  return evidence.map((item) => `${item.signal} (${item.observed})`).join('; ');
}

function describeWindows(windows: HypothesisWindow[]): string {
  const shown = windows.slice(0, 3).map((window) => `${formatTime(window.from)} – ${formatTime(window.to)}`);
  return `Where: ${shown.join(', ')}${windows.length > 3 ? ` and ${windows.length - 3} more` : ''}.`;
}

function summarize(
  definition: HypothesisDefinition,
  verdict: Verdict,
  score: number,
  evidence: Evidence[],
  blockers: string[],
  windows: HypothesisWindow[]
): string {
  const supports = evidence.filter((item) => item.effect === 'supports');
  const weakens = evidence.filter((item) => item.effect === 'weakens');
  const missing = evidence.filter((item) => item.effect === 'no-data');
  const parts = [`${definition.id} ${definition.title}: ${verdict} (score ${score.toFixed(2)}).`];
  parts.push(supports.length > 0 ? `For it: ${listSignals(supports)}.` : 'Nothing in the data supports it.');
  if (weakens.length > 0) {
    parts.push(`Against it: ${listSignals(weakens)}.`);
  }
  if (windows.length > 0) {
    parts.push(describeWindows(windows));
  }
  parts.push(...blockers);
  if (missing.length > 0) {
    parts.push(`Not checkable with this data: ${missing.map((item) => item.signal).join(', ')}.`);
  }
  return parts.join(' ');
}

export function evaluate(definition: HypothesisDefinition, context: AssessContext): Evaluation {
  const collected = collectEvidence(definition, context);
  const evidence = collected.evidence;
  const nothingToExplain = definition.explainsHttpFailures && context.failures === 0;
  const supports = evidence.filter((item) => item.effect === 'supports');
  const decided = supports.length >= MIN_SUPPORTING_SIGNALS && supports.some((item) => definition.decisiveSignals.includes(item.signal));
  const rawScore = nothingToExplain ? 0 : scoreEvidence(evidence);
  const score = decided ? rawScore : Math.min(rawScore, UNDECIDED_SCORE_CAP);
  const weakens = evidence.filter((item) => item.effect === 'weakens');
  const supportMass = supports.reduce((total, item) => total + item.weight * item.strength, 0);
  const weakenMass = weakens.reduce((total, item) => total + item.weight * item.strength, 0);

  const blockers: string[] = [];
  if (definition.explainsHttpFailures && context.failures < MIN_FAILURES_TO_EXPLAIN) {
    blockers.push(
      `Only ${context.failures} failed request(s) (5xx or 499) in the window: too few to explain (at least ${MIN_FAILURES_TO_EXPLAIN}).`
    );
  }
  if (!supports.some((item) => definition.decisiveSignals.includes(item.signal))) {
    blockers.push(typeof definition.undecidedBecause === 'function' ? definition.undecidedBecause(context) : definition.undecidedBecause);
  }
  if (supports.length < MIN_SUPPORTING_SIGNALS && supports.length > 0) {
    blockers.push(`A single supporting signal is not enough to call it supported.`);
  }

  let verdict: Verdict = 'inconclusive';
  if (weakens.length > 0 && weakenMass >= supportMass) {
    verdict = 'weakened';
  } else if (
    blockers.length === 0 &&
    supports.length >= MIN_SUPPORTING_SIGNALS &&
    score >= SUPPORTED_MIN_SCORE &&
    weakenMass < supportMass
  ) {
    verdict = 'supported';
  }
  const windows = mergeWindows(collected, context.binMs);
  return {
    verdict,
    score,
    evidence,
    windows,
    summary: summarize(definition, verdict, score, evidence, verdict === 'supported' ? [] : blockers, windows),
  };
}
