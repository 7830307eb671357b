// LSD radix sort for the per-bin Uint32 keys. Keys pack TimeTaken with a small slot id, so most bins
// need only two 11-bit passes; that beats a comparison sort on nearly-distinct keys.

const DIGIT_BITS = 11;
const DIGIT_VALUES = 1 << DIGIT_BITS;
const DIGIT_MASK = DIGIT_VALUES - 1;
/** Below this many keys the native sort is cheaper than clearing and summing the digit counts. */
const NATIVE_SORT_BELOW = 512;

export class RadixSorter {
  private scratch = new Uint32Array(1024);
  private readonly counts = new Uint32Array(DIGIT_VALUES);

  /**
   * Sorts `keys[0..length)` ascending, all of which are <= `maxKey`. Returns the sorted view, which is
   * either a view of `keys` or of an internal buffer reused by the next call.
   */
  sort(keys: Uint32Array, length: number, maxKey: number): Uint32Array {
    if (length < NATIVE_SORT_BELOW) {
      return keys.subarray(0, length).sort();
    }
    if (this.scratch.length < length) {
      this.scratch = new Uint32Array(length);
    }
    const counts = this.counts;
    const keyBits = 32 - Math.clz32(maxKey);
    let source: Uint32Array = keys;
    let target: Uint32Array = this.scratch;
    for (let shift = 0; shift < keyBits; shift += DIGIT_BITS) {
      counts.fill(0);
      for (let i = 0; i < length; i++) {
        counts[(source[i] >>> shift) & DIGIT_MASK]++;
      }
      let offset = 0;
      for (let digit = 0; digit < DIGIT_VALUES; digit++) {
        const count = counts[digit];
        counts[digit] = offset;
        offset += count;
      }
      for (let i = 0; i < length; i++) {
        const key = source[i];
        target[counts[(key >>> shift) & DIGIT_MASK]++] = key;
      }
      const swap = source;
      source = target;
      target = swap;
    }
    return source.subarray(0, length);
  }
}
