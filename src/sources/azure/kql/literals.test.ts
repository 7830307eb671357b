import fc from 'fast-check';
import { analyzeKql } from '../testing/kusto-language-service';
import { KqlValueError, kqlCount, kqlDatetime, kqlString, kqlStringList, parseTimespan, timespanFromMs } from './literals';

describe('kqlString', () => {
  it('decodes (per the Kusto language service) back to exactly the input, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        const analysis = analyzeKql(`print v = ${kqlString(value)}`);
        expect(analysis.diagnostics).toEqual([]);
        expect(analysis.stringLiterals).toEqual([value]);
      }),
      { numRuns: 150 }
    );
  });

  it('emits only printable ASCII, with quotes, backslashes and line breaks escaped', () => {
    expect(kqlString('a"b\\c\nd\u2028e')).toBe('"a\\"b\\\\c\\u000ad\\u2028e"');
    expect(kqlString("it's")).toBe('"it\'s"');
    expect(kqlString('😀')).toBe('"\\ud83d\\ude00"');
  });

  it('refuses a non-string instead of printing it', () => {
    expect(() => kqlString(42 as unknown as string)).toThrow(KqlValueError);
  });
});

describe('kqlStringList', () => {
  it('refuses an empty list, naming the filter', () => {
    expect(() => kqlStringList([], 'paths')).toThrow(/paths: an empty list/);
  });
  it('joins escaped literals', () => {
    expect(kqlStringList(['/a', 'b"'], 'paths')).toBe('("/a", "b\\"")');
  });
});

describe('timespans', () => {
  it.each([
    ['1m', 60_000, '1m'],
    ['30s', 30_000, '30s'],
    ['90s', 90_000, '90s'],
    ['120m', 7_200_000, '2h'],
    ['1d', 86_400_000, '1d'],
    ['1500ms', 1500, '1500ms'],
    [' 5m ', 300_000, '5m'],
  ])('%s → %d ms → %s', (text, ms, kql) => {
    expect(parseTimespan(text, 'bin')).toEqual({ milliseconds: ms, kql });
  });

  it.each(['1 m', '1m | take 1', '-1m', '1.5m', '1w', 'auto', '', '0s', '999ms', '8d', '1m;', "1m'"])(
    'refuses %j with a message naming the setting',
    (text) => {
      expect(() => parseTimespan(text, 'query.bin')).toThrow(/query\.bin/);
    }
  );

  it('refuses a non-integral millisecond bin', () => {
    expect(() => timespanFromMs(1000.5, 'bin')).toThrow(KqlValueError);
  });
});

describe('kqlDatetime and kqlCount', () => {
  it('prints an ISO instant and refuses NaN', () => {
    expect(kqlDatetime(Date.UTC(2026, 3, 4, 5, 6, 7, 89), 'from')).toBe('datetime(2026-04-04T05:06:07.089Z)');
    expect(() => kqlDatetime(Number.NaN, 'window.from')).toThrow(/window\.from/);
  });
  it('accepts whole counts within bounds only', () => {
    expect(kqlCount(5, 'cap', 10)).toBe('5');
    expect(() => kqlCount(0, 'cap', 10)).toThrow(/cap/);
    expect(() => kqlCount(11, 'cap', 10)).toThrow(/cap/);
    expect(() => kqlCount(2.5, 'cap', 10)).toThrow(/cap/);
  });
});
