/**
 * Formats an epoch time as Log Analytics exports do: seven fractional digits and "Z"
 * (100 ns ticks), e.g. 2026-04-04T05:35:37.9612345Z.
 */
export function formatTimeGenerated(epochMs: number): string {
  if (!Number.isFinite(epochMs)) {
    throw new Error(`cannot format time ${epochMs}: not a finite number`);
  }
  let wholeMs = Math.floor(epochMs);
  let ticks = Math.round((epochMs - wholeMs) * 10000);
  if (ticks === 10000) {
    wholeMs += 1;
    ticks = 0;
  }
  const iso = new Date(wholeMs).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}${String(ticks).padStart(4, '0')}Z`;
}

/** Parses nginx's $msec ("1763715600.123") into integer epoch ms without float drift. */
export function parseNginxMsec(msec: string): number {
  const match = /^(\d+)\.(\d{1,3})$/.exec(msec);
  if (!match) {
    throw new Error(`nginx $msec "${msec}" is not <seconds>.<milliseconds>`);
  }
  return Number(match[1]) * 1000 + Number(match[2].padEnd(3, '0'));
}
