import fc from 'fast-check';
import { KqlLiteralError, kqlDatetime, kqlString, kqlStringList, kqlTimespan } from './kql-literal';

/** Reads one KQL double-quoted literal back, the way Kusto would, to prove the escaping round-trips. */
function decodeKqlString(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  let out = '';
  for (let index = 1; index < literal.length - 1; index++) {
    const char = literal[index];
    if (char === '"') {
      throw new Error(`unescaped quote at ${index} in ${literal}`);
    }
    if (char !== '\\') {
      out += char;
      continue;
    }
    const next = literal[++index];
    if (next === 'u') {
      out += String.fromCharCode(parseInt(literal.slice(index + 1, index + 5), 16));
      index += 4;
    } else {
      out += next;
    }
  }
  return out;
}

describe('kqlString', () => {
  it('round-trips any string and emits only printable ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const literal = kqlString(value);
        expect(decodeKqlString(literal)).toBe(value);
        expect(/^[\x20-\x7e]*$/.test(literal)).toBe(true);
      })
    );
  });

  it('cannot be closed early by quotes, backslashes or newlines', () => {
    const hostile = 'x" | take 1 //\\"\n| where 1==1';
    const literal = kqlString(hostile);
    expect(literal).toBe('"x\\" | take 1 //\\\\\\"\\u000a| where 1==1"');
    expect(decodeKqlString(literal)).toBe(hostile);
  });

  it('refuses non-strings', () => {
    expect(() => kqlString(42 as unknown as string)).toThrow(KqlLiteralError);
  });
});

describe('kqlStringList / kqlDatetime / kqlTimespan', () => {
  it('lists escape each value and refuse empty lists', () => {
    expect(kqlStringList(['/slow', 'a"b'])).toBe('("/slow", "a\\"b")');
    expect(() => kqlStringList([])).toThrow(/at least one value/);
  });

  it('datetimes are ISO and refuse NaN', () => {
    expect(kqlDatetime(Date.UTC(2026, 3, 4, 5, 35))).toBe('datetime(2026-04-04T05:35:00.000Z)');
    expect(() => kqlDatetime(Number.NaN)).toThrow(/not a valid time/);
  });

  it('timespans use the largest exact unit and refuse fractions', () => {
    expect(kqlTimespan(60_000)).toBe('1m');
    expect(kqlTimespan(90_000)).toBe('90s');
    expect(kqlTimespan(250)).toBe('250ms');
    expect(() => kqlTimespan(1.5)).toThrow(KqlLiteralError);
    expect(() => kqlTimespan(0)).toThrow(KqlLiteralError);
  });
});
