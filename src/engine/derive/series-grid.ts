// Dense per-(key, bin) counters and percentiles, turned into plain `Series` at the end.
import { Series } from '../model/series';
import { STATUS_CLASS_COUNT, StatusClass } from './status-class';

/** Number of percentile slots per (key, bin): p50, p95, p99, max. */
export const PERCENTILE_SLOTS = 4;

export class SeriesGrid {
  /** counts[(key · bins + bin) · STATUS_CLASS_COUNT + class] */
  readonly counts: Int32Array;
  /** percentiles[(key · bins + bin) · 4 + slot]; NaN when the bin is empty. */
  readonly percentiles: Float64Array;

  constructor(
    readonly keys: number,
    readonly bins: number,
  ) {
    this.counts = new Int32Array(keys * bins * STATUS_CLASS_COUNT);
    this.percentiles = new Float64Array(keys * bins * PERCENTILE_SLOTS).fill(NaN);
  }

  requests(key: number, bin: number): number {
    const base = (key * this.bins + bin) * STATUS_CLASS_COUNT;
    let sum = 0;
    for (let c = 0; c < STATUS_CLASS_COUNT; c++) {
      sum += this.counts[base + c];
    }
    return sum;
  }

  totalRequests(key: number): number {
    let sum = 0;
    for (let bin = 0; bin < this.bins; bin++) {
      sum += this.requests(key, bin);
    }
    return sum;
  }

  toSeries(key: number, binStart: number, binMs: number): Series {
    const bins = this.bins;
    const series = emptySeries(bins);
    const counts = this.counts;
    const percentiles = this.percentiles;
    for (let bin = 0; bin < bins; bin++) {
      const base = (key * bins + bin) * STATUS_CLASS_COUNT;
      const s499 = counts[base + StatusClass.S499];
      const s500 = counts[base + StatusClass.S500];
      const s502 = counts[base + StatusClass.S502];
      const s503 = counts[base + StatusClass.S503];
      const s504 = counts[base + StatusClass.S504];
      const s5xxOther = counts[base + StatusClass.S5xxOther];
      const err5xx = s500 + s502 + s503 + s504 + s5xxOther;
      const s2xx = counts[base + StatusClass.S2xx];
      const s3xx = counts[base + StatusClass.S3xx];
      const s4xx = counts[base + StatusClass.S4xxOther] + s499;
      const sOther = counts[base + StatusClass.Other];
      const requests = s2xx + s3xx + s4xx + err5xx + sOther;
      const p = (key * bins + bin) * PERCENTILE_SLOTS;
      series.time[bin] = binStart + bin * binMs;
      series.requests[bin] = requests;
      series.err5xx[bin] = err5xx;
      series.errPct[bin] = errorPercent(err5xx, requests);
      series.s2xx[bin] = s2xx;
      series.s3xx[bin] = s3xx;
      series.s4xx[bin] = s4xx;
      series.s499[bin] = s499;
      series.s500[bin] = s500;
      series.s502[bin] = s502;
      series.s503[bin] = s503;
      series.s504[bin] = s504;
      series.s5xxOther[bin] = s5xxOther;
      series.sOther[bin] = sOther;
      series.p50[bin] = nullIfNaN(percentiles[p]);
      series.p95[bin] = nullIfNaN(percentiles[p + 1]);
      series.p99[bin] = nullIfNaN(percentiles[p + 2]);
      series.max[bin] = nullIfNaN(percentiles[p + 3]);
    }
    return series;
  }
}

function nullIfNaN(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/** 100 · errors / requests, defined as 0 for an empty bin (as the playbook's KQL `iif(total == 0, 1, total)`). */
export function errorPercent(errors: number, requests: number): number {
  return requests === 0 ? 0 : (100 * errors) / requests;
}

/** A series of `bins` bins (zeros and nulls until filled). */
export function emptySeries(bins = 0): Series {
  const zeros = () => new Array<number>(bins).fill(0);
  const nulls = () => new Array<number | null>(bins).fill(null);
  return {
    time: zeros(), requests: zeros(), err5xx: zeros(), errPct: zeros(), s2xx: zeros(), s3xx: zeros(), s4xx: zeros(),
    s499: zeros(), s500: zeros(), s502: zeros(), s503: zeros(), s504: zeros(), s5xxOther: zeros(), sOther: zeros(),
    p50: nulls(), p95: nulls(), p99: nulls(), max: nulls(),
  };
}
