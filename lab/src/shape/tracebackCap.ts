/** What the cap kept and dropped, reported in the manifest. */
export interface CapReport {
  tracebacks: number;
  framesKept: number;
  framesDropped: number;
}

const CHAIN_MARKERS = new Set([
  'During handling of the above exception, another exception occurred:',
  'The above exception was the direct cause of the following exception:',
]);

const isIndented = (line: string) => /^[ \t]/.test(line);

/**
 * Shortens Python tracebacks inside a line stream: keeps every structural line
 * ("Traceback …", chain markers, exception lines) and the last `framesPerException`
 * indented lines before each exception line; drops the other frame lines.
 * Lines outside tracebacks pass through untouched.
 */
export function capTracebacks<T>(items: T[], text: (item: T) => string, framesPerException: number, report: CapReport): T[] {
  const out: T[] = [];
  let block: T[] = [];
  let afterException = false;

  const flush = () => {
    let pendingFrames: T[] = [];
    for (const item of block) {
      const line = text(item);
      if (isIndented(line)) {
        pendingFrames.push(item);
        continue;
      }
      const structural = line.startsWith('Traceback (') || CHAIN_MARKERS.has(line) || line.trim() === '';
      if (!structural) {
        const kept = pendingFrames.slice(-framesPerException);
        report.framesKept += kept.length;
        report.framesDropped += pendingFrames.length - kept.length;
        out.push(...kept);
      } else {
        report.framesDropped += pendingFrames.length;
      }
      pendingFrames = [];
      out.push(item);
    }
    report.framesDropped += pendingFrames.length;
    block = [];
    afterException = false;
  };

  for (const item of items) {
    const line = text(item);
    if (block.length > 0 && afterException) {
      if (line.trim() === '' || CHAIN_MARKERS.has(line)) {
        block.push(item);
        afterException = false;
        continue;
      }
      flush();
    }
    if (block.length === 0) {
      if (line.startsWith('Traceback (most recent call last):')) {
        report.tracebacks += 1;
        block.push(item);
      } else {
        out.push(item);
      }
      continue;
    }
    if (isIndented(line) || line.startsWith('Traceback (') || CHAIN_MARKERS.has(line) || line.trim() === '') {
      block.push(item);
      continue;
    }
    block.push(item);
    afterException = true;
  }
  if (block.length > 0) {flush();}
  return out;
}
