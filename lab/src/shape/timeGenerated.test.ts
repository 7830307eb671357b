import fc from 'fast-check';
import { formatTimeGenerated, parseNginxMsec } from './timeGenerated';

describe('TimeGenerated formatting', () => {
  it('writes seven fractional digits and Z', () => {
    // 0.25 ms is exact in a double; epoch-ms doubles resolve only ~0.24 µs near 2026.
    expect(formatTimeGenerated(Date.UTC(2026, 3, 4, 5, 35, 37, 961) + 0.25)).toBe('2026-04-04T05:35:37.9612500Z');
    expect(formatTimeGenerated(Date.UTC(2026, 3, 4, 5, 35, 37, 0))).toBe('2026-04-04T05:35:37.0000000Z');
  });

  it('carries a rounded-up tick into the next millisecond', () => {
    expect(formatTimeGenerated(Date.UTC(2026, 0, 1, 0, 0, 0, 999) + 0.99999)).toBe('2026-01-01T00:00:01.0000000Z');
  });

  it('round-trips to within the precision of an epoch-ms double', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.6e12, max: 1.9e12, noNaN: true }), (t) => {
        const s = formatTimeGenerated(t);
        const back = Date.parse(`${s.slice(0, 19)}Z`) + Number(`0.${s.slice(20, 27)}`) * 1000;
        expect(Math.abs(back - t)).toBeLessThan(0.0006);
      }),
    );
  });

  it('parses nginx $msec exactly and rejects other shapes', () => {
    expect(parseNginxMsec('1763715600.123')).toBe(1763715600123);
    expect(() => parseNginxMsec('1763715600')).toThrow('is not <seconds>.<milliseconds>');
  });
});
