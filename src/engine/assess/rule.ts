// A hypothesis is data: named signal rules with thresholds, the signals that must be among the
// support before it can be called supported, and the next checks to suggest.
import { TimeRange } from '../model/input';
import { AssessContext } from './context';
import { AppIdentity } from './next-checks/app-identity';
import { EvidencePointer, HypothesisId, NextCheck } from './types';

/** What a rule saw: met or not, or the data it needs was not there. */
export interface RuleFinding {
  status: 'met' | 'not-met' | 'no-data';
  /** The observation with its numbers, e.g. `11 client aborts ended within 20 ms at 44.4 s`. */
  observed: string;
  /** 0..1 when met (default 1): how far past the threshold. */
  strength?: number;
  window?: TimeRange;
  /** Separate stretches where it was seen (kept apart in the hypothesis windows; `window` defaults to their span). */
  pieces?: TimeRange[];
  pointers?: EvidencePointer[];
}

export interface SignalRule {
  signal: string;
  role: 'supporting' | 'weakening';
  /** Relative importance inside the hypothesis (1 = an ordinary playbook bullet). */
  weight: number;
  /** What the playbook expects, shown next to the observation. */
  expectation: string;
  check(context: AssessContext): RuleFinding;
}

export interface HypothesisDefinition {
  id: HypothesisId;
  title: string;
  rules: SignalRule[];
  /**
   * Signals that tell this hypothesis apart from its neighbours: without one of them supporting, the
   * verdict stays inconclusive however much else fits (e.g. H4 needs outbound-specific errors).
   */
  decisiveSignals: string[];
  /** Said in the summary when no decisive signal supports (a function when the reason depends on what data there was). */
  undecidedBecause: string | ((context: AssessContext) => string);
  /** True for hypotheses that explain failed HTTP requests: no failures, nothing to explain. */
  explainsHttpFailures: boolean;
  nextChecks(context: AssessContext, app: AppIdentity): NextCheck[];
}

export function met(observed: string, extra: Omit<RuleFinding, 'status' | 'observed'> = {}): RuleFinding {
  return { status: 'met', observed, ...extra };
}

export function notMet(observed: string, extra: Omit<RuleFinding, 'status' | 'observed'> = {}): RuleFinding {
  return { status: 'not-met', observed, ...extra };
}

export function noData(observed: string): RuleFinding {
  return { status: 'no-data', observed };
}
