// The Gunicorn worker model in force during a window, reduced to what queueing depends on: request slots.
import { WorkerModelSegment } from '../model/findings';
import { AssessContext } from './context';

/** Worker classes that serve one request per worker (or thread) at a time. */
const BLOCKING_CLASSES = new Set(['sync', 'gthread']);

export interface RequestSlots {
  segmentIndex: number;
  instance: string;
  workerClass: string;
  workers: number;
  threads: number;
  /** workers × threads for blocking classes: requests served at once per instance. */
  slots: number;
  blocking: boolean;
  timeoutSec?: number;
}

function failingBinsInside(context: AssessContext, segment: WorkerModelSegment): number {
  return context.failingBins.filter((index) => context.series.time[index] >= segment.from && context.series.time[index] < segment.to).length;
}

/** Gunicorn defaults fill the gaps: sync class, 1 worker, 1 thread (a thread count > 1 makes sync act as gthread). */
export function requestSlots(context: AssessContext): RequestSlots | undefined {
  const known = context.workerModel.filter((entry) => entry.item.workerClass !== undefined || entry.item.workers !== undefined);
  if (known.length === 0) {
    return undefined;
  }
  const chosen = known.reduce((best, entry) => (failingBinsInside(context, entry.item) > failingBinsInside(context, best.item) ? entry : best), known[known.length - 1]);
  const segment = chosen.item;
  const threads = segment.threads?.value ?? 1;
  const workers = segment.workers?.value ?? 1;
  const declaredClass = segment.workerClass?.value ?? 'sync';
  const workerClass = declaredClass === 'sync' && threads > 1 ? 'gthread' : declaredClass;
  const blocking = BLOCKING_CLASSES.has(workerClass);
  return {
    segmentIndex: chosen.index,
    instance: segment.instance,
    workerClass,
    workers,
    threads,
    slots: workers * (workerClass === 'gthread' ? threads : 1),
    blocking,
    timeoutSec: segment.timeoutSec?.value,
  };
}

export function describeWorkerModel(slots: RequestSlots): string {
  const shape = `${slots.workers} ${slots.workerClass} worker(s)${slots.workerClass === 'gthread' ? ` × ${slots.threads} thread(s)` : ''}`;
  const timeout = slots.timeoutSec !== undefined ? `, --timeout ${slots.timeoutSec} s` : '';
  return slots.blocking ? `${shape} = ${slots.slots} request slot(s) per instance${timeout}` : `${shape} (non-blocking)${timeout}`;
}
