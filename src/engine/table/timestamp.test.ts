import { parseIsoTimestamp, toEpochMs } from './timestamp';

describe('parseIsoTimestamp', () => {
  it('keeps sub-millisecond fractions with 4 to 7 digits (trap 11)', () => {
    const base = Date.UTC(2026, 3, 4, 5, 36, 25);
    expect(parseIsoTimestamp('2026-04-04T05:36:25.52436Z')).toBeCloseTo(base + 524.36, 6);
    expect(parseIsoTimestamp('2026-04-04T05:51:38.7555626Z')).toBeCloseTo(Date.UTC(2026, 3, 4, 5, 51, 38) + 755.5626, 3);
    expect(parseIsoTimestamp('2026-04-04T05:36:25.5243Z')).toBeCloseTo(base + 524.3, 6);
  });

  it('accepts 0 to 3 fractional digits, a space separator and no zone as UTC', () => {
    expect(parseIsoTimestamp('2026-04-04T11:21:55Z')).toBe(Date.UTC(2026, 3, 4, 11, 21, 55));
    expect(parseIsoTimestamp('2026-04-04 11:21:55')).toBe(Date.UTC(2026, 3, 4, 11, 21, 55));
    expect(parseIsoTimestamp('2026-04-04T11:21:55.5Z')).toBe(Date.UTC(2026, 3, 4, 11, 21, 55, 500));
    expect(parseIsoTimestamp('2026-04-04T11:21:55.123Z')).toBe(Date.UTC(2026, 3, 4, 11, 21, 55, 123));
  });

  it('applies offsets with and without a colon', () => {
    const utc = Date.UTC(2026, 3, 4, 5, 0, 0);
    expect(parseIsoTimestamp('2026-04-04T14:00:00+09:00')).toBe(utc);
    expect(parseIsoTimestamp('2026-04-04 05:00:00 +0000'.replace(' +', '+'))).toBe(utc);
    expect(parseIsoTimestamp('2026-04-03T23:30:00-05:30')).toBe(utc);
  });

  it('orders values the way the clock does even where string order is wrong', () => {
    // Trailing zeros are trimmed, so `.524361Z` sorts before `.52436Z` as text but is later in time.
    const earlier = '2026-04-04T05:36:25.52436Z';
    const later = '2026-04-04T05:36:25.524361Z';
    expect(later < earlier).toBe(true);
    expect(parseIsoTimestamp(later)).toBeGreaterThan(parseIsoTimestamp(earlier));
  });

  it('matches Date.parse on millisecond timestamps across years and leap days', () => {
    for (const text of ['1970-01-01T00:00:00.000Z', '2000-02-29T23:59:59.999Z', '2024-12-31T12:00:00.001Z', '1999-03-01T00:00:00.000Z']) {
      expect(parseIsoTimestamp(text)).toBe(Date.parse(text));
    }
  });

  it('rejects text that is not a timestamp', () => {
    for (const text of ['', 'yesterday', '2026-13-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-04-04T24:00:00Z', '2026-04-04T05:00:00.Z', '2026-04-04T05:00:00Zjunk']) {
      expect(parseIsoTimestamp(text)).toBeNaN();
    }
  });
});

describe('toEpochMs', () => {
  it('takes numbers as epoch ms and Dates as their time', () => {
    expect(toEpochMs(1_775_280_000_000)).toBe(1_775_280_000_000);
    expect(toEpochMs(new Date(5))).toBe(5);
    expect(toEpochMs(' 2026-04-04T05:00:00Z ')).toBe(Date.UTC(2026, 3, 4, 5));
    expect(toEpochMs(null)).toBeNaN();
    expect(toEpochMs(Infinity)).toBeNaN();
  });
});
