import { buildContext } from './context';
import { evaluate, UNDECIDED_SCORE_CAP } from './evaluate';
import { PreparedSignals } from './prepared-signals';
import { HypothesisDefinition, met, noData, notMet, RuleFinding, SignalRule } from './rule';
import { corpusLab } from './testing/fixtures';

function rule(signal: string, role: SignalRule['role'], finding: RuleFinding): SignalRule {
  return { signal, role, weight: 1, expectation: `${signal} expected`, check: () => finding };
}

function definition(rules: SignalRule[], decisiveSignals: string[] = rules.map((item) => item.signal)): HypothesisDefinition {
  return { id: 'H1', title: 'test', rules, decisiveSignals, undecidedBecause: 'no decisive signal', explainsHttpFailures: true, nextChecks: () => [] };
}

// A real context (intermittent-5xx, 31 failures) so the evaluator runs on what it runs on in production.
const { signals, coverage } = corpusLab('intermittent-5xx');
const context = buildContext(new PreparedSignals(signals, coverage), signals.window);

describe('evaluate', () => {
  it('never calls a hypothesis supported on a single signal, and caps its score below alerting', () => {
    const result = evaluate(definition([rule('a', 'supporting', met('seen')), rule('b', 'supporting', noData('missing'))]), context);
    expect(result.verdict).toBe('inconclusive');
    expect(result.score).toBe(UNDECIDED_SCORE_CAP);
    expect(result.summary).toContain('A single supporting signal is not enough');
  });

  it('supports with two signals, one of them decisive', () => {
    const result = evaluate(definition([rule('a', 'supporting', met('seen')), rule('b', 'supporting', met('seen too'))], ['a']), context);
    expect(result.verdict).toBe('supported');
    expect(result.score).toBe(1);
  });

  it('stays inconclusive without a decisive signal, however much else fits', () => {
    const result = evaluate(definition([rule('a', 'supporting', met('seen')), rule('b', 'supporting', met('seen'))], ['c']), context);
    expect(result.verdict).toBe('inconclusive');
    expect(result.summary).toContain('no decisive signal');
  });

  it('treats "no data" as neither support nor weakening', () => {
    const withGap = evaluate(
      definition([rule('a', 'supporting', met('x')), rule('b', 'supporting', met('y')), rule('c', 'weakening', noData('no rows'))]),
      context
    );
    expect(withGap.verdict).toBe('supported');
    expect(withGap.score).toBe(1);
    expect(withGap.evidence.find((item) => item.signal === 'c')?.effect).toBe('no-data');
  });

  it('is weakened when weakening evidence outweighs support, and scores support minus half the weakening share', () => {
    const result = evaluate(
      definition([rule('a', 'supporting', met('x')), rule('b', 'supporting', notMet('y')), rule('c', 'weakening', met('z')), rule('d', 'weakening', met('w'))]),
      context
    );
    expect(result.verdict).toBe('weakened');
    expect(result.evidence.map((item) => item.effect)).toEqual(['supports', 'not-seen', 'weakens', 'weakens']);
    expect(result.score).toBe(0);
  });
});
