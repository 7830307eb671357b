// Exact whole-window percentiles per path without a second sort: a 1-ms histogram per path for
// TimeTaken below 65 536 ms (incremented directly by the hot loop), and a list for longer requests.
import { nearestRank } from './percentile';

/** Values below 2^16 ms are counted directly: `direct[key << 16 | value]`. */
export const DIRECT_BITS = 16;
const DIRECT_LIMIT = 1 << DIRECT_BITS;

export class EndpointHistogram {
  /** Flat per-key histograms; the hot loop increments it directly. */
  readonly direct: Uint32Array;
  private readonly overflow: number[][];
  private readonly counts: Float64Array;

  constructor(keys: number) {
    this.direct = new Uint32Array(keys * DIRECT_LIMIT);
    this.overflow = Array.from({ length: keys }, () => []);
    this.counts = new Float64Array(keys);
  }

  /** Adds a value of 2^16 ms or more (shorter ones go straight into `direct`). */
  addLong(key: number, value: number): void {
    this.overflow[key].push(value);
  }

  /** Sets how many values a key has in all (direct and long), once they have been added. */
  setCount(key: number, count: number): void {
    this.counts[key] = count;
  }

  /** Nearest-rank percentiles (ascending `ps`, 100 = max) for one key; nulls when it has no values. */
  percentiles(key: number, ps: number[]): Array<number | null> {
    const total = this.counts[key];
    if (total === 0) {
      return ps.map(() => null);
    }
    const ranks = ps.map((p) => nearestRank(p, total));
    const result: Array<number | null> = [];
    const base = key * DIRECT_LIMIT;
    let seen = 0;
    let next = 0;
    for (let value = 0; value < DIRECT_LIMIT && next < ranks.length; value++) {
      seen += this.direct[base + value];
      while (next < ranks.length && ranks[next] <= seen) {
        result.push(value);
        next++;
      }
    }
    const overflow = this.overflow[key].sort((a, b) => a - b);
    while (next < ranks.length) {
      result.push(overflow[ranks[next] - seen - 1]);
      next++;
    }
    return result;
  }
}
