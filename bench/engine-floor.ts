// The floor the engine's derive is measured against: one pass over the window's times to find each
// bin's rows, plus a sort of the same TimeTaken values per bin — the least any exact per-bin
// percentile computation must do. Returns a checksum so the work cannot be optimised away.
import { HttpTable } from '../src/engine';

export function floorBaseline(table: HttpTable, from: number, to: number, binMs: number): number {
  const { time, timeTaken } = table;
  let row = 0;
  while (row < table.length && time[row] < from) {
    row++;
  }
  let scratch = new Uint32Array(1024);
  let checksum = 0;
  for (let binEnd = from + binMs; binEnd <= to; binEnd += binMs) {
    const start = row;
    while (row < table.length && time[row] < binEnd) {
      row++;
    }
    const count = row - start;
    if (count === 0) {
      continue;
    }
    if (scratch.length < count) {
      scratch = new Uint32Array(count);
    }
    const values = scratch.subarray(0, count);
    values.set(timeTaken.subarray(start, row));
    values.sort();
    checksum += values[Math.ceil(0.95 * count) - 1];
  }
  return checksum;
}
