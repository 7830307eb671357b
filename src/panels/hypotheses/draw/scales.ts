// Drawing maths for the timeline: linear scales, nice ticks, band and marker placement.
// Pure numbers in, pixels out, so every rule is tested without a browser.

export interface LinearScale {
  (value: number): number;
  domain: [number, number];
  range: [number, number];
}

export function linearScale(domain: [number, number], range: [number, number]): LinearScale {
  const [d0, d1] = domain;
  const span = d1 - d0 || 1;
  const scale = ((value: number) => range[0] + ((value - d0) / span) * (range[1] - range[0])) as LinearScale;
  scale.domain = domain;
  scale.range = range;
  return scale;
}

/** Step of 1, 2 or 5 × 10^k giving about `count` ticks over [0, max]. */
export function niceStep(max: number, count: number): number {
  if (!(max > 0) || count < 1) {
    return 1;
  }
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const factor = residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1;
  return factor * magnitude;
}

/** Ticks from 0 to the first multiple of the step at or above max (the axis top). */
export function niceTicks(max: number, count = 4): number[] {
  const step = niceStep(max, count);
  const top = Math.max(step, Math.ceil(max / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let value = 0; value <= top + step / 2; value += step) {
    ticks.push(Number(value.toPrecision(12)));
  }
  return ticks;
}

const TIME_STEPS_MS = [1, 2, 5, 10, 15, 30].map((s) => s * 1000).concat([1, 2, 5, 10, 15, 30].map((m) => m * 60_000), [1, 2, 3, 6, 12, 24].map((h) => h * 3_600_000));

/** Time ticks aligned to whole steps (UTC), about `count` of them, inside [from, to]. */
export function timeTicks(from: number, to: number, count = 6): number[] {
  const span = to - from;
  if (!(span > 0)) {
    return [];
  }
  const step = TIME_STEPS_MS.find((candidate) => span / candidate <= count) ?? TIME_STEPS_MS[TIME_STEPS_MS.length - 1];
  const ticks: number[] = [];
  for (let tick = Math.ceil(from / step) * step; tick <= to; tick += step) {
    ticks.push(tick);
  }
  return ticks;
}

export interface Band {
  x: number;
  width: number;
  /** Whether the band was cut at the left or right edge of the plot. */
  clipped: boolean;
}

/**
 * A time range as a band on the plot: clipped to the visible range, at least `minWidth` px wide
 * so a one-second cluster stays visible and clickable; undefined when wholly outside.
 */
export function placeBand(from: number, to: number, x: LinearScale, minWidth = 3): Band | undefined {
  const [left, right] = x.range;
  const [start, end] = [Math.min(from, to), Math.max(from, to)];
  if (end < x.domain[0] || start > x.domain[1]) {
    return undefined;
  }
  const x0 = Math.max(left, x(start));
  const x1 = Math.min(right, x(end));
  const width = Math.max(minWidth, x1 - x0);
  const centred = Math.min(Math.max(left, (x0 + x1) / 2 - width / 2), right - width);
  return { x: x1 - x0 >= minWidth ? x0 : centred, width, clipped: x(start) < left || x(end) > right };
}

/** Lanes for overlapping bands: each band gets the first lane free at its start (interval colouring). */
export function assignLanes<T extends { from: number; to: number }>(bands: T[]): Array<T & { lane: number }> {
  const laneEnds: number[] = [];
  return [...bands]
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map((band) => {
      let lane = laneEnds.findIndex((end) => end <= band.from);
      if (lane === -1) {
        lane = laneEnds.length;
      }
      laneEnds[lane] = band.to;
      return { ...band, lane };
    });
}

/** An SVG path through the points, broken at nulls (a missing bin is a gap, not a zero). */
export function linePath(times: number[], values: Array<number | null>, x: LinearScale, y: LinearScale): string {
  let path = '';
  let drawing = false;
  times.forEach((time, i) => {
    const value = values[i];
    if (value === null || value === undefined || !Number.isFinite(value)) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${x(time).toFixed(1)},${y(value).toFixed(1)}`;
    drawing = true;
  });
  return path;
}

/** Index of the bin holding `time` (bins start at `times[i]`, ascending), or -1 before the first. */
export function binAt(times: number[], time: number): number {
  let low = 0;
  let high = times.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (times[middle] <= time) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
