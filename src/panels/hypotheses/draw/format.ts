// Axis and tooltip text: durations in ms or s, counts with k, percentages, UTC clock times.

export function formatMs(ms: number): string {
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  const seconds = ms / 1000;
  return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
}

export function formatCount(count: number): string {
  return count >= 10_000 ? `${Math.round(count / 1000)}k` : count >= 1000 ? `${(count / 1000).toFixed(1)}k` : String(Math.round(count));
}

export function formatPercent(percent: number): string {
  return `${percent < 10 && percent % 1 !== 0 ? percent.toFixed(1) : Math.round(percent)}%`;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** HH:MM (or HH:MM:SS when the step needs seconds), in UTC like the App Service logs. */
export function formatClock(epochMs: number, withSeconds = false): string {
  const date = new Date(epochMs);
  const clock = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  return withSeconds ? `${clock}:${pad(date.getUTCSeconds())}` : clock;
}
