// Per-path totals over the window: requests, error rates and exact nearest-rank latency percentiles.
import { EndpointStats } from '../model/findings';
import { KeyedSeries } from '../model/series';
import { EndpointHistogram } from './endpoint-histogram';
import { errorPercent } from './series-grid';

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** `byPath` are the per-path series in slot order; `histogram` holds their TimeTaken values. */
export function endpointStats(byPath: Array<{ slot: number; keyed: KeyedSeries }>, histogram: EndpointHistogram): EndpointStats[] {
  return byPath
    .filter(({ keyed }) => keyed.requests > 0)
    .map(({ slot, keyed }) => {
      const requests = keyed.requests;
      const err5xx = sum(keyed.series.err5xx);
      const s499 = sum(keyed.series.s499);
      const [p50, p95, p99, max] = histogram.percentiles(slot, [50, 95, 99, 100]);
      return {
        path: keyed.key,
        requests,
        err5xx,
        errPct: errorPercent(err5xx, requests),
        s499,
        failPct: errorPercent(err5xx + s499, requests),
        p50,
        p95,
        p99,
        max,
      };
    });
}
