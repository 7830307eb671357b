// Plan the HttpBins pushdown so each answer stays under the Log Analytics limits: rows are
// bounded by bins × split keys (1 unsplit + busiest paths + busiest instances). Too many rows →
// a coarser bin when the bin was chosen automatically, or the window split into aligned chunks
// when the caller fixed the bin (and coarser anyway past the chunk ceiling).
import type { TimeRange } from '../../../engine';
import { DEFAULT_SPLIT_LIMITS, SplitLimits } from '../kql/http-bins-query';
import { KqlTimespan, MAX_BIN_MS, timespanFromMs } from '../kql/literals';
import { httpBinsRowBudget } from './log-analytics-limits';

/** Bin sizes the planner steps through when it must coarsen (Grafana-like round intervals). */
export const BIN_LADDER_MS = [
  1_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000,
  10_800_000, 21_600_000, 43_200_000, 86_400_000, MAX_BIN_MS,
];

/** More chunks than this would break the "≤ 4 queries per refresh" economy for little gain. */
export const MAX_WINDOW_CHUNKS = 4;

export interface HttpBinsPlanRequest {
  window: TimeRange;
  binMs: number;
  /** True when the user fixed the bin; false when it came from the panel interval (auto). */
  binIsFixed: boolean;
  /** Number of path / instance filter values (they bound the keys further). */
  pathFilterCount?: number;
  instanceFilterCount?: number;
  splitLimits?: SplitLimits;
  /** Overridable for tests; defaults to the Log Analytics limits with headroom. */
  rowBudget?: number;
}

export interface HttpBinsPlan {
  bin: KqlTimespan;
  /** One query per window; consecutive, bin-aligned, covering the requested window. */
  windows: TimeRange[];
  /** Upper bound of rows per query. */
  rowsPerQuery: number;
  warnings: string[];
}

function keysPerBin(request: HttpBinsPlanRequest): number {
  const limits = request.splitLimits ?? DEFAULT_SPLIT_LIMITS;
  const paths = request.pathFilterCount ? Math.min(request.pathFilterCount, limits.maxPaths) : limits.maxPaths;
  const instances = request.instanceFilterCount ? Math.min(request.instanceFilterCount, limits.maxInstances) : limits.maxInstances;
  return 1 + paths + instances;
}

const binsIn = (window: TimeRange, binMs: number) =>
  Math.floor((window.to - 1) / binMs) - Math.floor(window.from / binMs) + 1;

/** Split `[from, to)` into `count` chunks whose inner boundaries fall on bin boundaries. */
function alignedChunks(window: TimeRange, binMs: number, count: number): TimeRange[] {
  const firstBin = Math.floor(window.from / binMs);
  const totalBins = binsIn(window, binMs);
  const perChunk = Math.ceil(totalBins / count);
  const chunks: TimeRange[] = [];
  for (let start = 0; start < totalBins; start += perChunk) {
    const from = start === 0 ? window.from : (firstBin + start) * binMs;
    const to = Math.min(window.to, (firstBin + start + perChunk) * binMs);
    chunks.push({ from, to });
  }
  return chunks;
}

export function planHttpBins(request: HttpBinsPlanRequest): HttpBinsPlan {
  const budget = request.rowBudget ?? httpBinsRowBudget();
  const keys = keysPerBin(request);
  const warnings: string[] = [];
  let binMs = Math.max(1000, Math.ceil(request.binMs / 1000) * 1000);
  if (binMs !== request.binMs) {
    warnings.push(`HttpBins: bin ${request.binMs} ms rounded up to ${binMs / 1000} s (the finest bin the pushdown uses)`);
  }
  const rowsFor = (ms: number) => binsIn(request.window, ms) * keys;
  const estimate = rowsFor(binMs);
  if (estimate <= budget) {
    return { bin: timespanFromMs(binMs, 'bin'), windows: [request.window], rowsPerQuery: estimate, warnings };
  }
  const limitText = `up to ${estimate.toLocaleString('en-US')} rows (${binsIn(request.window, binMs)} bins × ${keys} keys) exceeds the ${budget.toLocaleString('en-US')}-row plan budget under the Log Analytics limits (500,000 rows, 64 MB)`;
  const chunksNeeded = Math.ceil(estimate / budget);
  if (request.binIsFixed && chunksNeeded <= MAX_WINDOW_CHUNKS) {
    const windows = alignedChunks(request.window, binMs, chunksNeeded);
    warnings.push(`HttpBins: ${limitText}; the window is split into ${windows.length} queries to keep the fixed ${timespanFromMs(binMs, 'bin').kql} bin`);
    return { bin: timespanFromMs(binMs, 'bin'), windows, rowsPerQuery: Math.max(...windows.map((w) => binsIn(w, binMs) * keys)), warnings };
  }
  const coarser = BIN_LADDER_MS.find((ms) => ms > binMs && rowsFor(ms) <= budget);
  if (coarser !== undefined) {
    const bin = timespanFromMs(coarser, 'bin');
    warnings.push(`HttpBins: ${limitText}; aggregated further with ${bin.kql} bins`);
    return { bin, windows: [request.window], rowsPerQuery: rowsFor(coarser), warnings };
  }
  // Even week-long bins are too many (a window of decades): split at the coarsest bin.
  const bin = timespanFromMs(MAX_BIN_MS, 'bin');
  const windows = alignedChunks(request.window, MAX_BIN_MS, Math.ceil(rowsFor(MAX_BIN_MS) / budget));
  warnings.push(`HttpBins: ${limitText}; using ${bin.kql} bins split into ${windows.length} queries`);
  return { bin, windows, rowsPerQuery: Math.max(...windows.map((w) => binsIn(w, MAX_BIN_MS) * keys)), warnings };
}
