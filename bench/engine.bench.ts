// `npm run bench`: build-table and derive over 6 h and 24 h windows at 1-min bins on deterministic
// 1M- and 10M-row datasets, against a floor baseline (one pass + per-bin sort of the same values).
// Usage: node --expose-gc --import tsx bench/engine.bench.ts [rows…]   (default: 1000000 10000000)
import { derive, HttpTable, HttpTableBuilder } from '../src/engine';
import { benchBatches, DATASET_START } from './engine-dataset';
import { floorBaseline } from './engine-floor';

const BIN_MS = 60_000;
const REPEATS = 5;
const WINDOWS_HOURS = [6, 24];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
// Twice: array-buffer backing stores freed by the first collection are only uncounted after the second,
// otherwise a baseline can still hold the previous table and a later reading falls below it.
const collect = () => {
  gc();
  gc();
};

function liveBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Row {
  dataset: string;
  step: string;
  ms: number;
  floorMs?: number;
  peakBytes: number;
  rows: number;
}

// Forced GCs make V8 drop optimised code, so timed runs never call gc(). Memory comes from a second,
// untimed build that collects garbage after every batch, so it counts live bytes only.
function timeBuild(rows: number): number {
  const builder = new HttpTableBuilder({ expectedRows: rows });
  let ms = 0;
  for (const batch of benchBatches(rows)) {
    const started = performance.now();
    builder.append(batch);
    ms += performance.now() - started;
  }
  const started = performance.now();
  builder.finish();
  return ms + performance.now() - started;
}

function measureBuild(rows: number): { table: HttpTable; peakBytes: number; liveBytes: number } {
  collect();
  const baseline = liveBytes();
  const builder = new HttpTableBuilder({ expectedRows: rows });
  let peakBytes = 0;
  for (const batch of benchBatches(rows)) {
    builder.append(batch);
    collect();
    peakBytes = Math.max(peakBytes, liveBytes() - baseline);
  }
  const table = builder.finish();
  peakBytes = Math.max(peakBytes, liveBytes() - baseline);
  collect();
  return { table, peakBytes, liveBytes: liveBytes() - baseline };
}

function benchDerive(table: HttpTable, hours: number, tableBytes: number): { ms: number; floorMs: number; peakBytes: number } {
  const window = { from: DATASET_START, to: DATASET_START + hours * 3_600_000 };
  const run = () => derive({ http: table }, { window, binMs: BIN_MS });
  const deriveTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let warmup = 0; warmup < 2; warmup++) {
    floorBaseline(table, window.from, window.to, BIN_MS);
    run();
  }
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    let started = performance.now();
    floorBaseline(table, window.from, window.to, BIN_MS);
    floorTimes.push(performance.now() - started);
    started = performance.now();
    const signals = run();
    deriveTimes.push(performance.now() - started);
    if (signals.totals.requests === 0) {
      throw new Error('benchmark window has no requests');
    }
  }
  // Untimed: derive's working set (result and garbage included) on top of the table's live bytes.
  collect();
  const before = liveBytes();
  const signals = run();
  const peakBytes = tableBytes + liveBytes() - before;
  if (signals.totals.requests === 0) {
    throw new Error('benchmark window has no requests');
  }
  return { ms: median(deriveTimes), floorMs: median(floorTimes), peakBytes };
}

function format(rows: Row[]): string {
  const header = ['dataset', 'step', 'time ms', 'floor ms', 'ratio', 'peak MB', 'bytes/row'];
  const lines = rows.map((row) => [
    row.dataset,
    row.step,
    row.ms.toFixed(0),
    row.floorMs === undefined ? '-' : row.floorMs.toFixed(0),
    row.floorMs === undefined ? '-' : (row.ms / row.floorMs).toFixed(2),
    (row.peakBytes / 1e6).toFixed(1),
    (row.peakBytes / row.rows).toFixed(1),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  const render = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...lines.map(render)].join('\n');
}

function main(): void {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const datasets = sizes.length > 0 ? sizes : [1_000_000, 10_000_000];
  if (!(globalThis as { gc?: unknown }).gc) {
    console.warn('run with node --expose-gc for memory figures of live data only');
  }
  // Warm the JIT on a small table so the first measured run is not an interpreter run.
  const warm = measureBuild(300_000).table;
  timeBuild(300_000);
  WINDOWS_HOURS.forEach((hours) => benchDerive(warm, hours, 0));
  const rows: Row[] = [];
  for (const count of datasets) {
    const dataset = `${count / 1e6}M rows`;
    // Memory first: a table left over from the timed build could still be uncollected at its baseline.
    const built = measureBuild(count);
    const buildMs = timeBuild(count);
    rows.push({ dataset, step: 'build table', ms: buildMs, peakBytes: built.peakBytes, rows: count });
    const tableBytes = built.liveBytes;
    for (const hours of WINDOWS_HOURS) {
      const result = benchDerive(built.table, hours, tableBytes);
      rows.push({ dataset, step: `derive ${hours} h, 1-min bins`, ms: result.ms, floorMs: result.floorMs, peakBytes: result.peakBytes, rows: count });
    }
  }
  console.log(format(rows));
  console.log(`median of ${REPEATS} runs; floor = one pass over the window + Uint32Array.prototype.sort of each bin's TimeTaken;`);
  console.log('peak = live bytes (heap + array buffers) above the pre-build baseline, GC after each batch; derive = table + its working set.');
}

main();
