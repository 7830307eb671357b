// Which paths / instances get their own series: all of them, or the most requested `maxKeys` plus `(other)`.
import { OTHER_KEY } from '../model/signals';

export interface SplitKeys {
  /** slotOf[dictionary id] = series slot. */
  slotOf: Int32Array;
  /** Name of each slot. */
  names: string[];
}

export function chooseSplitKeys(
  ids: Uint32Array | Uint16Array,
  values: string[],
  from: number,
  to: number,
  isCounted: (row: number) => boolean,
  maxKeys: number,
): SplitKeys {
  const slotOf = new Int32Array(values.length);
  if (values.length <= maxKeys) {
    for (let id = 0; id < values.length; id++) {
      slotOf[id] = id;
    }
    return { slotOf, names: [...values] };
  }
  const counts = new Float64Array(values.length);
  for (let row = from; row < to; row++) {
    if (isCounted(row)) {
      counts[ids[row]]++;
    }
  }
  const byCount = Array.from(values.keys()).sort((a, b) => counts[b] - counts[a] || a - b);
  const names: string[] = [];
  slotOf.fill(maxKeys);
  byCount.slice(0, maxKeys).forEach((id, slot) => {
    slotOf[id] = slot;
    names.push(values[id]);
  });
  names.push(OTHER_KEY);
  return { slotOf, names };
}
