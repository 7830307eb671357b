import fc from 'fast-check';
import { RadixSorter } from './radix-sort';

describe('RadixSorter', () => {
  it('sorts like the native sort for any keys, small or large', () => {
    const sorter = new RadixSorter();
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 3000 }), (values) => {
        const keys = Uint32Array.from(values);
        const maxKey = values.reduce((max, value) => Math.max(max, value), 0);
        const sorted = Array.from(sorter.sort(keys, keys.length, maxKey));
        expect(sorted).toEqual([...values].sort((a, b) => a - b));
      }),
      { numRuns: 60 },
    );
  });

  it('sorts only the first `length` keys', () => {
    const keys = Uint32Array.from({ length: 2000 }, (_, i) => (i < 1000 ? 5000 - i : 1));
    const sorted = new RadixSorter().sort(keys, 1000, 5000);
    expect(sorted.length).toBe(1000);
    expect(sorted[0]).toBe(4001);
    expect(sorted[999]).toBe(5000);
  });
});
