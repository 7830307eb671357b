import fc from 'fast-check';
import { assignLanes, binAt, linearScale, linePath, niceTicks, placeBand, timeTicks } from './scales';

describe('linearScale', () => {
  it('maps the domain ends onto the range ends, inverted ranges too', () => {
    const y = linearScale([0, 100], [200, 0]);
    expect([y(0), y(50), y(100)]).toEqual([200, 100, 0]);
  });
});

describe('niceTicks', () => {
  it('uses 1/2/5 steps and covers the maximum', () => {
    expect(niceTicks(29, 4)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(30050, 4)).toEqual([0, 10000, 20000, 30000, 40000]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('always ends at or above the maximum with at most 2×count+1 ticks (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1e9, noNaN: true }), fc.integer({ min: 1, max: 8 }), (max, count) => {
        const ticks = niceTicks(max, count);
        expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max * (1 - 1e-9));
        expect(ticks.length).toBeLessThanOrEqual(2 * count + 2);
      })
    );
  });
});

describe('timeTicks', () => {
  it('aligns ticks to whole minutes for a 10-minute range', () => {
    const from = Date.UTC(2026, 0, 1, 9, 0, 20);
    const ticks = timeTicks(from, from + 10 * 60_000, 6);
    expect(ticks[0]).toBe(Date.UTC(2026, 0, 1, 9, 2));
    expect(ticks.every((tick) => tick % 120_000 === 0)).toBe(true);
  });
});

describe('placeBand', () => {
  const x = linearScale([1000, 2000], [0, 500]);

  it('places a range proportionally', () => {
    expect(placeBand(1200, 1400, x)).toEqual({ x: 100, width: 100, clipped: false });
  });

  it('clips at the plot edges and says so', () => {
    expect(placeBand(500, 1100, x)).toEqual({ x: 0, width: 50, clipped: true });
  });

  it('keeps an instant visible with the minimum width, centred on it', () => {
    expect(placeBand(1500, 1500, x, 4)).toEqual({ x: 248, width: 4, clipped: false });
  });

  it('drops bands wholly outside the range', () => {
    expect(placeBand(2100, 2200, x)).toBeUndefined();
  });

  it('never leaves the plot (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (a, b) => {
        const band = placeBand(a, b, x);
        if (band) {
          expect(band.x).toBeGreaterThanOrEqual(0);
          expect(band.x + band.width).toBeLessThanOrEqual(500 + 1e-9);
        }
      })
    );
  });
});

describe('assignLanes', () => {
  it('puts overlapping bands in different lanes and reuses a lane once free', () => {
    const lanes = assignLanes([
      { id: 'a', from: 0, to: 10 },
      { id: 'b', from: 5, to: 15 },
      { id: 'c', from: 12, to: 20 },
    ]);
    expect(lanes.map((band) => [band.id, band.lane])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 0],
    ]);
  });
});

describe('linePath', () => {
  it('breaks the line at a missing bin instead of drawing it as zero', () => {
    const x = linearScale([0, 3], [0, 30]);
    const y = linearScale([0, 10], [10, 0]);
    expect(linePath([0, 1, 2, 3], [0, 10, null, 5], x, y)).toBe('M0.0,10.0L10.0,0.0M30.0,5.0');
  });
});

describe('binAt', () => {
  const times = [0, 10, 20, 30];
  it('finds the bin whose start is the last at or before the time', () => {
    expect([binAt(times, 0), binAt(times, 9.9), binAt(times, 10), binAt(times, 35)]).toEqual([0, 0, 1, 3]);
  });
  it('is -1 before the first bin and for no bins', () => {
    expect(binAt(times, -1)).toBe(-1);
    expect(binAt([], 5)).toBe(-1);
  });
});
