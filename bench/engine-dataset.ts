// Deterministic synthetic AppServiceHTTPLogs batches for the engine benchmark: ~20 paths, 3 instances,
// lognormal latency per path, a few 5xx, and bursts of 499 whose TimeTaken sits just under a 15 s
// client timeout. Rows come in time order, in Log Analytics REST shape, with 7 fractional digits.
import { LogTable } from '../src/engine';

export const DATASET_START = Date.UTC(2026, 3, 4, 0, 0, 0);
export const DATASET_SPAN_MS = 24 * 3_600_000;
export const BURST_BOUNDARY_MS = 14_400;

const PATHS: Array<[path: string, weight: number, medianMs: number]> = [
  ['/', 10, 12], ['/health', 8, 3], ['/fast', 12, 8], ['/slow', 4, 2500], ['/api/orders', 9, 120],
  ['/api/orders/detail', 6, 180], ['/api/users', 7, 60], ['/api/search', 5, 450], ['/api/cart', 5, 90],
  ['/api/checkout', 2, 900], ['/static/app.js', 6, 4], ['/static/app.css', 4, 3], ['/diag/env', 1, 7],
  ['/diag/stats', 1, 300], ['/outbound', 3, 1500], ['/api/report', 1, 4000], ['/api/login', 3, 150],
  ['/api/logout', 1, 40], ['/api/profile', 4, 70], ['/api/notifications', 3, 110],
];
const INSTANCES = ['lw1sdlwk0001', 'lw1sdlwk0002', 'lw1sdlwk0003'];
const HOST = 'app-bench.azurewebsites.net';
const COLUMNS = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'CsUriStem', type: 'string' },
  { name: 'ScStatus', type: 'int' },
  { name: 'TimeTaken', type: 'int' },
  { name: 'CsHost', type: 'string' },
  { name: 'ComputerName', type: 'string' },
];

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function isoWith7Digits(time: number, extra: number): string {
  return `${new Date(Math.floor(time)).toISOString().slice(0, 23)}${String(extra).padStart(4, '0')}Z`;
}

/** Yields `rows` rows in batches of `batchSize`, spread evenly over 24 h from DATASET_START. */
export function* benchBatches(rows: number, batchSize = 65_536, seed = 42): Generator<LogTable> {
  const next = random(seed);
  const cumulative: number[] = [];
  let sum = 0;
  for (const [, weight] of PATHS) {
    sum += weight;
    cumulative.push(sum);
  }
  const step = DATASET_SPAN_MS / rows;
  // A burst every 20 minutes lasting ~2 s: /slow requests aborted by a 15 s client timeout.
  const burstEvery = 20 * 60_000;
  for (let first = 0; first < rows; first += batchSize) {
    const batch: unknown[][] = [];
    for (let i = first; i < Math.min(rows, first + batchSize); i++) {
      const time = DATASET_START + i * step + next() * step * 0.5;
      const inBurst = time % burstEvery < 2000;
      const pick = next() * sum;
      let p = 0;
      while (cumulative[p] < pick) {
        p++;
      }
      const instance = INSTANCES[Math.floor(next() * INSTANCES.length)];
      let path = PATHS[p][0];
      let status = 200;
      const normal = Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
      let taken = Math.max(0, Math.round(PATHS[p][2] * Math.exp(0.8 * normal)));
      if (inBurst && next() < 0.5) {
        path = '/slow';
        status = 499;
        taken = BURST_BOUNDARY_MS - Math.floor(next() * 120);
      } else {
        const roll = next();
        status = roll < 0.004 ? 500 : roll < 0.006 ? 502 : roll < 0.007 ? 503 : roll < 0.0075 ? 504 : roll < 0.03 ? 404 : roll < 0.05 ? 304 : 200;
      }
      batch.push([isoWith7Digits(time, Math.floor(next() * 10_000)), path, status, taken, HOST, instance]);
    }
    yield { name: 'PrimaryResult', columns: COLUMNS, rows: batch };
  }
}
