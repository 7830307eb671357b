// One-character-per-bin bar charts for a terminal.

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** Scaled to the largest value; null (no requests in the bin) prints as a space, zero as the lowest bar. */
export function sparkline(values: Array<number | null>): string {
  const numbers = values.filter((value): value is number => value !== null);
  const max = Math.max(0, ...numbers);
  return values
    .map((value) => {
      if (value === null) {
        return ' ';
      }
      if (max === 0 || value <= 0) {
        return BARS[0];
      }
      return BARS[Math.min(BARS.length - 1, Math.max(1, Math.ceil((value / max) * (BARS.length - 1))))];
    })
    .join('');
}
