// The Gunicorn worker model in force during a window, reduced to what queueing depends on: request slots.
import { WorkerModelSegment } from '../model/findings';
import { AssessContext } from './context';

/** Worker classes that serve one request per worker (or thread) at a time. */
const BLOCKING_CLASSES = new Set(['sync', 'gthread']);

export interface RequestSlots {
  /** The inferred segment it came from; absent when only the site's configuration declares it. */
  segmentIndex?: number;
  /** Where the model came from: the logs, or e.g. `appCommandLine in the site config`. */
  from: string;
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
    return declaredSlots(context);
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
    from: 'logs',
    instance: segment.instance,
    workerClass,
    workers,
    threads,
    slots: workers * (workerClass === 'gthread' ? threads : 1),
    blocking,
    timeoutSec: segment.timeoutSec?.value,
  };
}

/** When the logs show no worker model (no console rows), the site's configuration still declares one. */
function declaredSlots(context: AssessContext): RequestSlots | undefined {
  const declared = context.declared;
  if (!declared?.workers) {
    return undefined;
  }
  const workerClass = declared.workerClass.value;
  const blocking = BLOCKING_CLASSES.has(workerClass);
  return {
    from: `${declared.workers.from} in the site config`,
    instance: '',
    workerClass,
    workers: declared.workers.value,
    threads: declared.threads.value,
    slots: declared.workers.value * (workerClass === 'gthread' ? declared.threads.value : 1),
    blocking,
    timeoutSec: declared.timeoutSec.value,
  };
}

export function describeWorkerModel(slots: RequestSlots): string {
  const shape = `${slots.workers} ${slots.workerClass} worker(s)${slots.workerClass === 'gthread' ? ` × ${slots.threads} thread(s)` : ''}`;
  const timeout = slots.timeoutSec !== undefined ? `, --timeout ${slots.timeoutSec} s` : '';
  const from = slots.from === 'logs' ? '' : ` (${slots.from})`;
  return slots.blocking ? `${shape} = ${slots.slots} request slot(s) per instance${timeout}${from}` : `${shape} (non-blocking)${timeout}${from}`;
}
