/** What the cap kept and dropped, reported in the manifest. */
export interface CapReport {
  tracebacks: number;
  /** Tracebacks past the full-traceback limit, reduced to their structural and exception lines. */
  reducedTracebacks: number;
  framesKept: number;
  framesDropped: number;
}

export interface CapLimits {
  /** Frame lines kept before each exception line. */
  framesPerException: number;
  /** Tracebacks (per stream) that keep frames; later ones keep no frame lines at all. */
  fullTracebacks: number;
}

const CHAIN_MARKERS = new Set([
  'During handling of the above exception, another exception occurred:',
  'The above exception was the direct cause of the following exception:',
]);

const isIndented = (line: string) => /^[ \t]/.test(line);

/**
 * Shortens Python tracebacks inside a line stream: keeps every structural line
 * ("Traceback …", chain markers, exception lines) and the last `framesPerException`
 * indented lines before each exception line; drops the other frame lines. After
 * `fullTracebacks` tracebacks, no frame lines are kept. Other lines pass through untouched.
 */
export function capTracebacks<T>(items: T[], text: (item: T) => string, limits: CapLimits, report: CapReport): T[] {
  const out: T[] = [];
  let block: T[] = [];
  let afterException = false;

  const flush = () => {
    const reduced = report.tracebacks > limits.fullTracebacks;
    if (reduced) {
      report.reducedTracebacks += 1;
    }
    const framesPerException = reduced ? 0 : limits.framesPerException;
    let pendingFrames: T[] = [];
    for (const item of block) {
      const line = text(item);
      if (isIndented(line)) {
        pendingFrames.push(item);
        continue;
      }
      const structural = line.startsWith('Traceback (') || CHAIN_MARKERS.has(line) || line.trim() === '';
      if (!structural) {
        const kept = framesPerException > 0 ? pendingFrames.slice(-framesPerException) : [];
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
