// Orders the HTTP columns by end time, ties kept in input order (stable on sourceRow, trap 11).
// Exports are usually newest-first, so the common cases (ascending, descending) avoid a full sort.

export interface TimeOrderedColumns {
  time: Float64Array;
  sourceRow: Uint32Array;
  others: Array<Uint16Array | Uint32Array>;
}

function isNonDecreasing(time: Float64Array): boolean {
  for (let i = 1; i < time.length; i++) {
    if (time[i] < time[i - 1]) {
      return false;
    }
  }
  return true;
}

function isNonIncreasing(time: Float64Array): boolean {
  for (let i = 1; i < time.length; i++) {
    if (time[i] > time[i - 1]) {
      return false;
    }
  }
  return true;
}

type Column = Float64Array | Uint16Array | Uint32Array;

function reverseRange(column: Column, from: number, to: number): void {
  for (let left = from, right = to - 1; left < right; left++, right--) {
    const swap = column[left];
    column[left] = column[right];
    column[right] = swap;
  }
}

/** Reverses newest-first input in place, then restores input order inside runs of equal times. */
function reverseKeepingTies(columns: TimeOrderedColumns): void {
  const all: Column[] = [columns.time, columns.sourceRow, ...columns.others];
  const length = columns.time.length;
  for (const column of all) {
    reverseRange(column, 0, length);
  }
  const time = columns.time;
  let runStart = 0;
  for (let i = 1; i <= length; i++) {
    if (i === length || time[i] !== time[runStart]) {
      if (i - runStart > 1) {
        for (const column of all) {
          reverseRange(column, runStart, i);
        }
      }
      runStart = i;
    }
  }
}

function permute<T extends Column>(column: T, order: Uint32Array): T {
  const result = new (column.constructor as new (length: number) => T)(order.length);
  for (let i = 0; i < order.length; i++) {
    result[i] = column[order[i]];
  }
  return result;
}

/**
 * Returns the columns in time order; may reuse (and reorder in place) the given arrays.
 * Precondition: the columns are in input order, i.e. `sourceRow` is ascending.
 */
export function sortColumnsByTime(columns: TimeOrderedColumns): TimeOrderedColumns {
  const { time, sourceRow } = columns;
  if (isNonDecreasing(time)) {
    return columns;
  }
  if (isNonIncreasing(time)) {
    reverseKeepingTies(columns);
    return columns;
  }
  const order = new Uint32Array(time.length);
  for (let i = 0; i < order.length; i++) {
    order[i] = i;
  }
  order.sort((a, b) => time[a] - time[b] || sourceRow[a] - sourceRow[b]);
  return {
    time: permute(time, order),
    sourceRow: permute(sourceRow, order),
    others: columns.others.map((column) => permute(column, order)),
  };
}
