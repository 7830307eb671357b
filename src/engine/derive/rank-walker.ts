// Per-key percentiles from one walk over a bin's values in sorted order: each key counts its own
// values as they pass and records the value at each of its nearest ranks (p50, p95, p99, max).
import { nearestRank } from './percentile';
import { PERCENTILE_SLOTS, SeriesGrid } from './series-grid';

export const PERCENTILE_POINTS = [50, 95, 99, 100];

/** Tracks, per key of a split, how many of its sorted values were seen and which rank comes next. */
export class RankWalker {
  private readonly seen: Int32Array;
  private readonly nextPoint: Int32Array;
  private readonly nextRank: Int32Array;
  private readonly ranks: Float64Array;

  constructor(
    private readonly grid: SeriesGrid,
    keys: number,
  ) {
    this.seen = new Int32Array(keys);
    this.nextPoint = new Int32Array(keys);
    this.nextRank = new Int32Array(keys);
    this.ranks = new Float64Array(keys * PERCENTILE_SLOTS);
  }

  startBin(bin: number): void {
    this.seen.fill(0);
    this.nextPoint.fill(0);
    for (let key = 0; key < this.seen.length; key++) {
      const count = this.grid.requests(key, bin);
      for (let point = 0; point < PERCENTILE_SLOTS; point++) {
        this.ranks[key * PERCENTILE_SLOTS + point] = count === 0 ? -1 : nearestRank(PERCENTILE_POINTS[point], count);
      }
      this.nextRank[key] = this.ranks[key * PERCENTILE_SLOTS];
    }
  }

  /** Counts one more sorted value for `key`; records it when its rank is the next percentile. */
  visit(key: number, value: number, bin: number): void {
    if (++this.seen[key] === this.nextRank[key]) {
      this.record(key, value, bin);
    }
  }

  private record(key: number, value: number, bin: number): void {
    const seen = this.seen[key];
    const out = (key * this.grid.bins + bin) * PERCENTILE_SLOTS;
    let point = this.nextPoint[key];
    while (point < PERCENTILE_SLOTS && this.ranks[key * PERCENTILE_SLOTS + point] === seen) {
      this.grid.percentiles[out + point] = value;
      point++;
    }
    this.nextPoint[key] = point;
    this.nextRank[key] = point < PERCENTILE_SLOTS ? this.ranks[key * PERCENTILE_SLOTS + point] : -1;
  }
}

