// The hot path: one pass over the window's rows (already time-ordered, so each bin is a contiguous
// range), one radix sort per bin, and one walk of the sorted keys for the per-path/instance percentiles.
// Each sort key packs TimeTaken (high bits) with the row's (path slot, instance slot) combination
// (low bits), so the split percentiles need no sort of their own.
import { HttpTable } from '../model/http-table';
import { DIRECT_BITS, EndpointHistogram } from './endpoint-histogram';
import { nearestRank } from './percentile';
import { RadixSorter } from './radix-sort';
import { PERCENTILE_POINTS, RankWalker } from './rank-walker';
import { PERCENTILE_SLOTS, SeriesGrid } from './series-grid';
import { chooseSplitKeys, SplitKeys } from './split-keys';
import { STATUS_CLASS_COUNT, STATUS_CLASS_OF, StatusClass } from './status-class';
import { BinnedWindow, lowerBound } from './window';

export interface HttpSeriesResult {
  total: SeriesGrid;
  byPath: SeriesGrid;
  byInstance: SeriesGrid;
  paths: SplitKeys;
  instances: SplitKeys;
  endpoints: EndpointHistogram;
  scmRequests: number;
  outsideWindow: number;
  /** Per bin: end time of the first and last counted row (NaN when empty), for activity runs. */
  binFirst: Float64Array;
  binLast: Float64Array;
  /** Rows that took at least `slowMs`, the slowest per second: candidates for divergence pairs. */
  slowRows: number[];
  /** Site (non-SCM) rows with status 499, in time order: input for 499 clusters. */
  abortRows: number[];
}


function bitsFor(count: number): number {
  return Math.max(1, Math.ceil(Math.log2(Math.max(2, count))));
}

export function computeHttpSeries(table: HttpTable, window: BinnedWindow, maxSplitKeys: number, slowMs: number): HttpSeriesResult {
  const { time, status, timeTaken, pathId, instanceId, hostId } = table;
  // Module imports compile to getter calls; the hot loop reads local copies instead.
  const statusClassOf = STATUS_CLASS_OF;
  const classCount = STATUS_CLASS_COUNT;
  const isScm = Uint8Array.from(table.hostIsScm, (flag) => (flag ? 1 : 0));
  const lo = lowerBound(time, window.from);
  const hi = lowerBound(time, window.to, lo);
  const counted = (row: number) => isScm[hostId[row]] === 0;
  const paths = chooseSplitKeys(pathId, table.paths, lo, hi, counted, maxSplitKeys);
  const instances = chooseSplitKeys(instanceId, table.instances, lo, hi, counted, maxSplitKeys);
  const bins = window.bins;
  const total = new SeriesGrid(1, bins);
  const byPath = new SeriesGrid(Math.max(1, paths.names.length), bins);
  const byInstance = new SeriesGrid(Math.max(1, instances.names.length), bins);
  const endpoints = new EndpointHistogram(byPath.keys);
  // combo = pathSlot << instanceBits | instanceSlot; sort key = TimeTaken << comboBits | combo.
  const instanceBits = bitsFor(byInstance.keys);
  const instanceMask = (1 << instanceBits) - 1;
  const comboBits = bitsFor(byPath.keys) + instanceBits;
  const comboMask = (1 << comboBits) - 1;
  const packedLimit = 2 ** (32 - comboBits);
  const pathWalker = new RankWalker(byPath, byPath.keys);
  const instanceWalker = new RankWalker(byInstance, byInstance.keys);
  const binFirst = new Float64Array(bins).fill(NaN);
  const binLast = new Float64Array(bins).fill(NaN);
  const slowRows: number[] = [];
  const comboCount = 1 << comboBits;
  // Per bin: counts by (path slot, instance slot, status class); folded into the three grids per bin.
  const comboClassCounts = new Int32Array(comboCount * classCount);
  const pathSlotOf = paths.slotOf;
  const instanceSlotOf = instances.slotOf;
  const sorter = new RadixSorter();
  const histogram = endpoints.direct;
  const directLimit = 1 << DIRECT_BITS;
  const abortClass = StatusClass.S499;
  const abortRows: number[] = [];
  let keys = new Uint32Array(1024);
  let scmRequests = 0;
  let row = lo;
  for (let bin = 0; bin < bins; bin++) {
    const binEnd = window.from + (bin + 1) * window.binMs;
    const start = row;
    while (row < hi && time[row] < binEnd) {
      row++;
    }
    if (keys.length < row - start) {
      keys = new Uint32Array(row - start);
    }
    let count = 0;
    let maxKey = 0;
    const longRequests: number[] = [];
    let slowRow = -1;
    let slowSecond = -1;
    comboClassCounts.fill(0);
    for (let r = start; r < row; r++) {
      if (isScm[hostId[r]] === 1) {
        scmRequests++;
        continue;
      }
      const pathSlot = pathSlotOf[pathId[r]];
      const combo = (pathSlot << instanceBits) | instanceSlotOf[instanceId[r]];
      const statusClass = statusClassOf[status[r]];
      comboClassCounts[combo * classCount + statusClass]++;
      if (statusClass === abortClass) {
        abortRows.push(r);
      }
      const taken = timeTaken[r];
      if (taken < directLimit) {
        histogram[(pathSlot << DIRECT_BITS) | taken]++;
      } else {
        endpoints.addLong(pathSlot, taken);
      }
      if (taken < packedLimit) {
        const key = ((taken << comboBits) | combo) >>> 0;
        keys[count++] = key;
        if (key > maxKey) {
          maxKey = key;
        }
      } else {
        longRequests.push(taken, combo);
      }
      if (taken >= slowMs) {
        const second = Math.floor(time[r] / 1000);
        if (second !== slowSecond) {
          if (slowRow >= 0) {
            slowRows.push(slowRow);
          }
          slowSecond = second;
          slowRow = r;
        } else if (taken > timeTaken[slowRow]) {
          slowRow = r;
        }
      }
    }
    if (row > start) {
      binFirst[bin] = time[start];
      binLast[bin] = time[row - 1];
    }
    foldComboCounts(comboClassCounts, instanceBits, bin, total, byPath, byInstance);
    if (slowRow >= 0) {
      slowRows.push(slowRow);
    }
    const requests = count + longRequests.length / 2;
    if (requests === 0) {
      continue;
    }
    const sorted = sorter.sort(keys, count, maxKey);
    const longSorted = sortPairsByValue(longRequests);
    const valueAtRank = (rank: number) => (rank <= count ? sorted[rank - 1] >>> comboBits : longSorted[(rank - count - 1) * 2]);
    PERCENTILE_POINTS.forEach((p, point) => {
      total.percentiles[bin * PERCENTILE_SLOTS + point] = valueAtRank(nearestRank(p, requests));
    });
    pathWalker.startBin(bin);
    instanceWalker.startBin(bin);
    for (let i = 0; i < count; i++) {
      const key = sorted[i];
      const value = key >>> comboBits;
      const combo = key & comboMask;
      pathWalker.visit(combo >>> instanceBits, value, bin);
      instanceWalker.visit(combo & instanceMask, value, bin);
    }
    for (let i = 0; i < longSorted.length; i += 2) {
      pathWalker.visit(longSorted[i + 1] >>> instanceBits, longSorted[i], bin);
      instanceWalker.visit(longSorted[i + 1] & instanceMask, longSorted[i], bin);
    }
  }
  for (let key = 0; key < byPath.keys; key++) {
    endpoints.setCount(key, byPath.totalRequests(key));
  }
  return {
    total, byPath, byInstance, paths, instances, endpoints, scmRequests,
    outsideWindow: table.length - (hi - lo), binFirst, binLast, slowRows, abortRows,
  };
}

/** Adds one bin's (path, instance, class) counts into the total, per-path and per-instance grids. */
function foldComboCounts(counts: Int32Array, instanceBits: number, bin: number, total: SeriesGrid, byPath: SeriesGrid, byInstance: SeriesGrid): void {
  const bins = total.bins;
  const instanceMask = (1 << instanceBits) - 1;
  for (let combo = 0; combo * STATUS_CLASS_COUNT < counts.length; combo++) {
    const pathSlot = combo >>> instanceBits;
    const instanceSlot = combo & instanceMask;
    if (pathSlot >= byPath.keys || instanceSlot >= byInstance.keys) {
      continue;
    }
    const pathBase = (pathSlot * bins + bin) * STATUS_CLASS_COUNT;
    const instanceBase = (instanceSlot * bins + bin) * STATUS_CLASS_COUNT;
    for (let statusClass = 0; statusClass < STATUS_CLASS_COUNT; statusClass++) {
      const count = counts[combo * STATUS_CLASS_COUNT + statusClass];
      if (count !== 0) {
        total.counts[bin * STATUS_CLASS_COUNT + statusClass] += count;
        byPath.counts[pathBase + statusClass] += count;
        byInstance.counts[instanceBase + statusClass] += count;
      }
    }
  }
}

/** Sorts a flat [value, tag, value, tag, …] list by value. */
function sortPairsByValue(pairs: number[]): number[] {
  if (pairs.length <= 2) {
    return pairs;
  }
  const order = Array.from({ length: pairs.length / 2 }, (_, i) => i).sort((a, b) => pairs[a * 2] - pairs[b * 2]);
  return order.flatMap((i) => [pairs[i * 2], pairs[i * 2 + 1]]);
}
