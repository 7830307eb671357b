import { formatClock, formatCount, formatMs, formatPercent } from './format';

describe('format', () => {
  it('durations switch from ms to s at one second', () => {
    expect([formatMs(85), formatMs(1500), formatMs(30010)]).toEqual(['85 ms', '1.5 s', '30 s']);
  });
  it('counts and percentages stay short', () => {
    expect([formatCount(480), formatCount(1530), formatCount(25000)]).toEqual(['480', '1.5k', '25k']);
    expect([formatPercent(2.5), formatPercent(12.5), formatPercent(40), formatPercent(0)]).toEqual(['2.5%', '13%', '40%', '0%']);
  });
  it('clock times are UTC', () => {
    expect(formatClock(Date.UTC(2026, 10, 21, 9, 5, 7), true)).toBe('09:05:07');
  });
});
