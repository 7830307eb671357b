// Concurrent identical requests share one upstream call. Each caller may give up on its own;
// the upstream call is aborted only when every caller waiting for it has given up.

interface InFlight<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

export class Singleflight<T> {
  private readonly inFlight = new Map<string, InFlight<T>>();

  constructor(private readonly cancelledError: () => Error) {}

  /** Number of distinct upstream calls currently running. */
  get running(): number {
    return this.inFlight.size;
  }

  run(key: string, start: (signal: AbortSignal) => Promise<T>, callerSignal?: AbortSignal): Promise<T> {
    if (callerSignal?.aborted) {
      return Promise.reject(this.cancelledError());
    }
    let entry = this.inFlight.get(key);
    if (!entry) {
      const controller = new AbortController();
      const created: InFlight<T> = { promise: Promise.resolve(undefined as T), controller, waiters: 0 };
      created.promise = start(controller.signal).finally(() => {
        if (this.inFlight.get(key) === created) {
          this.inFlight.delete(key);
        }
      });
      // The shared promise may reject after every waiter left; that rejection is expected.
      created.promise.catch(() => undefined);
      this.inFlight.set(key, created);
      entry = created;
    }
    const shared = entry;
    shared.waiters++;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const leave = () => {
        settled = true;
        shared.waiters--;
        callerSignal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        if (settled) {
          return;
        }
        leave();
        if (shared.waiters === 0) {
          if (this.inFlight.get(key) === shared) {
            this.inFlight.delete(key);
          }
          shared.controller.abort();
        }
        reject(this.cancelledError());
      };
      callerSignal?.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (value) => {
          if (!settled) {
            leave();
            resolve(value);
          }
        },
        (error: unknown) => {
          if (!settled) {
            leave();
            reject(error);
          }
        }
      );
    });
  }
}
