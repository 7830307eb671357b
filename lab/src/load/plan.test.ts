import { bursts, validatePlan } from './plan';

const stream = { name: 's', path: '/x', startS: 0, endS: 5, concurrency: 1, timeoutMs: 1000, pauseMs: 0 };

describe('load plan', () => {
  it('spreads bursts at a fixed period', () => {
    const b = bursts({ name: 'b', path: '/slow', concurrency: 3, timeoutMs: 500, pauseMs: 0 }, 5, 15, 2, 3);
    expect(b.map((s) => [s.name, s.startS, s.endS])).toEqual([
      ['b#1', 5, 7],
      ['b#2', 20, 22],
      ['b#3', 35, 37],
    ]);
  });

  it('rejects plans without caps and names the bad stream', () => {
    expect(() => validatePlan({ baseUrl: 'http://127.0.0.1:1', streams: [stream], maxRequests: 0, maxWallS: 10 })).toThrow('positive caps');
    expect(() =>
      validatePlan({ baseUrl: 'http://127.0.0.1:1', streams: [stream, { ...stream, name: 'bad', endS: 0 }], maxRequests: 5, maxWallS: 10 }),
    ).toThrow('stream 1 ("bad")');
    expect(() =>
      validatePlan({ baseUrl: 'http://127.0.0.1:1', streams: [{ ...stream, path: 'x' }], maxRequests: 5, maxWallS: 10 }),
    ).toThrow('must start with "/"');
  });
});
