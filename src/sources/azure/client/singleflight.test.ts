import { Singleflight } from './singleflight';

class Cancelled extends Error {}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

it('concurrent callers of one key share one upstream call', async () => {
  const flight = new Singleflight<number>(() => new Cancelled());
  const upstream = deferred<number>();
  const start = jest.fn(() => upstream.promise);
  const a = flight.run('k', start);
  const b = flight.run('k', start);
  const c = flight.run('other', () => Promise.resolve(7));
  upstream.resolve(42);
  await expect(Promise.all([a, b, c])).resolves.toEqual([42, 42, 7]);
  expect(start).toHaveBeenCalledTimes(1);
  expect(flight.running).toBe(0);
});

it('one caller giving up does not abort the call the others still wait for', async () => {
  const flight = new Singleflight<number>(() => new Cancelled());
  const upstream = deferred<number>();
  let upstreamSignal: AbortSignal | undefined;
  const leaving = new AbortController();
  const a = flight.run('k', (signal) => ((upstreamSignal = signal), upstream.promise), leaving.signal);
  const b = flight.run('k', () => Promise.reject(new Error('never started')));
  leaving.abort();
  await expect(a).rejects.toBeInstanceOf(Cancelled);
  expect(upstreamSignal!.aborted).toBe(false);
  upstream.resolve(5);
  await expect(b).resolves.toBe(5);
});

it('the upstream call is aborted when every caller has given up, and the key starts afresh', async () => {
  const flight = new Singleflight<number>(() => new Cancelled());
  let upstreamSignal: AbortSignal | undefined;
  const first = new AbortController();
  const second = new AbortController();
  const never = new Promise<number>(() => undefined);
  const a = flight.run('k', (signal) => ((upstreamSignal = signal), never), first.signal);
  const b = flight.run('k', () => never, second.signal);
  first.abort();
  second.abort();
  await expect(Promise.allSettled([a, b])).resolves.toEqual([
    { status: 'rejected', reason: expect.any(Cancelled) },
    { status: 'rejected', reason: expect.any(Cancelled) },
  ]);
  expect(upstreamSignal!.aborted).toBe(true);
  const start = jest.fn(() => Promise.resolve(9));
  await expect(flight.run('k', start)).resolves.toBe(9);
  expect(start).toHaveBeenCalledTimes(1);
});

it('an already aborted caller is refused without starting anything', async () => {
  const flight = new Singleflight<number>(() => new Cancelled());
  const start = jest.fn(() => Promise.resolve(1));
  await expect(flight.run('k', start, AbortSignal.abort())).rejects.toBeInstanceOf(Cancelled);
  expect(start).not.toHaveBeenCalled();
});

it('an upstream failure reaches every caller', async () => {
  const flight = new Singleflight<number>(() => new Cancelled());
  const upstream = deferred<number>();
  const a = flight.run('k', () => upstream.promise);
  const b = flight.run('k', () => upstream.promise);
  upstream.reject(new Error('HTTP 500'));
  await expect(a).rejects.toThrow('HTTP 500');
  await expect(b).rejects.toThrow('HTTP 500');
});
