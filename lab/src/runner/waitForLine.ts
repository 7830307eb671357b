import { CapturedLine } from './processes';

/** Resolves when a captured line from `source` matches, or rejects after timeoutMs. */
export async function waitForLine(lines: CapturedLine[], source: string, pattern: RegExp, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (lines.some((l) => l.source === source && pattern.test(l.line))) {return;}
    await new Promise((r) => setTimeout(r, 100));
  }
  const seen = lines.filter((l) => l.source === source).map((l) => l.line).slice(-5).join(' | ');
  throw new Error(`${source} did not print ${pattern} within ${timeoutMs} ms (last lines: ${seen || 'none'})`);
}
