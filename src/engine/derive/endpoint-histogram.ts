// Exact whole-window percentiles per path without a second sort: a 1-ms histogram per path for
// TimeTaken below 65 536 ms, and a plain list for the (rare) longer requests.
import { nearestRank } from './percentile';

const DIRECT_LIMIT = 65_536;

export class EndpointHistogram {
  private readonly histograms: Array<Uint32Array | undefined>;
  private readonly overflow: number[][];
  private readonly counts: Float64Array;

  constructor(keys: number) {
    this.histograms = new Array(keys).fill(undefined);
    this.overflow = Array.from({ length: keys }, () => []);
    this.counts = new Float64Array(keys);
  }

  add(key: number, value: number): void {
    this.counts[key]++;
    if (value < DIRECT_LIMIT) {
      let histogram = this.histograms[key];
      if (!histogram) {
        histogram = new Uint32Array(DIRECT_LIMIT);
        this.histograms[key] = histogram;
      }
      histogram[value]++;
    } else {
      this.overflow[key].push(value);
    }
  }

  count(key: number): number {
    return this.counts[key];
  }

  /** Nearest-rank percentiles (ascending `ps`, 100 = max) for one key; nulls when it has no values. */
  percentiles(key: number, ps: number[]): Array<number | null> {
    const total = this.counts[key];
    if (total === 0) {
      return ps.map(() => null);
    }
    const ranks = ps.map((p) => nearestRank(p, total));
    const result: Array<number | null> = [];
    const histogram = this.histograms[key];
    let seen = 0;
    let next = 0;
    if (histogram) {
      for (let value = 0; value < DIRECT_LIMIT && next < ranks.length; value++) {
        seen += histogram[value];
        while (next < ranks.length && ranks[next] <= seen) {
          result.push(value);
          next++;
        }
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
