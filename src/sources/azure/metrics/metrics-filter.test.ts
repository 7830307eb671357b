import { MAX_FILTERED_INSTANCES, MetricsFilterError, instanceFilter, odataString } from './metrics-filter';
import { MAX_POINTS_PER_SERIES, metricsGrain } from './metrics-grain';

/** Split an OData filter into its `or` clauses, honouring quoted strings ('' inside a literal). */
function clauses(filter: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < filter.length; i++) {
    const char = filter[i];
    if (char === "'") {
      quoted = !quoted;
    }
    if (!quoted && filter.startsWith(' or ', i)) {
      out.push(current);
      current = '';
      i += 3;
      continue;
    }
    current += char;
  }
  return [...out, current];
}

describe('instanceFilter', () => {
  it('all instances by default, or when too many are named to list', () => {
    expect(instanceFilter()).toBe("Instance eq '*'");
    expect(instanceFilter([])).toBe("Instance eq '*'");
    expect(instanceFilter(Array.from({ length: MAX_FILTERED_INSTANCES + 1 }, (_, i) => `i${i}`))).toBe("Instance eq '*'");
  });

  it('named instances, each once, joined with or', () => {
    expect(instanceFilter(['a', 'b', 'a'])).toBe("Instance eq 'a' or Instance eq 'b'");
  });

  it.each([["x' or Instance eq '*"], ["'"], ["''"], ["a' and Role eq 'b"], ['*'], ['% &=?#']])('hostile %p stays one clause with one literal', (hostile) => {
    const parts = clauses(instanceFilter([hostile, 'ok']));
    expect(parts).toHaveLength(2);
    const literal = /^Instance eq '((?:[^']|'')*)'$/.exec(parts[0]);
    expect(literal?.[1].split("''").join("'")).toBe(hostile);
    expect(parts[1]).toBe("Instance eq 'ok'");
  });

  it('refuses control characters rather than sending them', () => {
    expect(() => odataString('a\nb')).toThrow(MetricsFilterError);
    expect(() => instanceFilter(['ok', 'tab\there'])).toThrow(/control characters/);
  });
});

describe('metricsGrain', () => {
  const hour = { from: 0, to: 3_600_000 };
  it.each([
    [1000, 'PT1M'],
    [60_000, 'PT1M'],
    [120_000, 'PT1M'],
    [300_000, 'PT5M'],
    [3_600_000, 'PT1H'],
    [7 * 86_400_000, 'P1D'],
  ])('bin %d ms over an hour → %s', (binMs, iso) => {
    expect(metricsGrain(binMs, hour).iso).toBe(iso);
  });

  it('coarsens when a long window would need more points than is useful', () => {
    const week = { from: 0, to: 7 * 86_400_000 };
    const grain = metricsGrain(60_000, week);
    expect(grain.iso).toBe('PT15M');
    expect(week.to / grain.ms).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
  });
});
