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
    const series = emptySeries();
    for (let bin = 0; bin < this.bins; bin++) {
      const base = (key * this.bins + bin) * STATUS_CLASS_COUNT;
      const count = (c: number) => this.counts[base + c];
      const err5xx = count(StatusClass.S500) + count(StatusClass.S502) + count(StatusClass.S503) + count(StatusClass.S504) + count(StatusClass.S5xxOther);
      const requests = this.requests(key, bin);
      const p = (key * this.bins + bin) * PERCENTILE_SLOTS;
      const value = (slot: number) => (Number.isNaN(this.percentiles[p + slot]) ? null : this.percentiles[p + slot]);
      series.time.push(binStart + bin * binMs);
      series.requests.push(requests);
      series.err5xx.push(err5xx);
      series.errPct.push(errorPercent(err5xx, requests));
      series.s2xx.push(count(StatusClass.S2xx));
      series.s3xx.push(count(StatusClass.S3xx));
      series.s4xx.push(count(StatusClass.S4xxOther) + count(StatusClass.S499));
      series.s499.push(count(StatusClass.S499));
      series.s500.push(count(StatusClass.S500));
      series.s502.push(count(StatusClass.S502));
      series.s503.push(count(StatusClass.S503));
      series.s504.push(count(StatusClass.S504));
      series.s5xxOther.push(count(StatusClass.S5xxOther));
      series.sOther.push(count(StatusClass.Other));
      series.p50.push(value(0));
      series.p95.push(value(1));
      series.p99.push(value(2));
      series.max.push(value(3));
    }
    return series;
  }
}

/** 100 · errors / requests, defined as 0 for an empty bin (as the playbook's KQL `iif(total == 0, 1, total)`). */
export function errorPercent(errors: number, requests: number): number {
  return requests === 0 ? 0 : (100 * errors) / requests;
}

export function emptySeries(): Series {
  return {
    time: [], requests: [], err5xx: [], errPct: [], s2xx: [], s3xx: [], s4xx: [], s499: [], s500: [], s502: [],
    s503: [], s504: [], s5xxOther: [], sOther: [], p50: [], p95: [], p99: [], max: [],
  };
}
