import { CapReport, capTracebacks } from './tracebackCap';

const frames = (n: number) => Array.from({ length: n }, (_, i) => [`  File "f${i}.py", line ${i}, in fn${i}`, `    call${i}()`]).flat();

describe('capTracebacks', () => {
  it('keeps structure and exception lines, drops older frames, passes other lines through', () => {
    const lines = [
      '[2026-01-01 00:00:00,000] ERROR in app: Exception on /dependency [GET]',
      'Traceback (most recent call last):',
      ...frames(5),
      'socket.timeout: timed out',
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      ...frames(3),
      "requests.exceptions.ReadTimeout: HTTPConnectionPool(host='127.0.0.1', port=9100): Read timed out. (read timeout=1.0)",
      'dependency attempt 1 timed out',
    ];
    const report: CapReport = { tracebacks: 0, reducedTracebacks: 0, framesKept: 0, framesDropped: 0 };
    const out = capTracebacks(lines, (l) => l, { framesPerException: 4, fullTracebacks: 10 }, report);
    expect(out[0]).toContain('Exception on /dependency');
    expect(out).toContain('socket.timeout: timed out');
    expect(out).toContain('During handling of the above exception, another exception occurred:');
    expect(out[out.length - 2]).toContain('requests.exceptions.ReadTimeout');
    expect(out[out.length - 1]).toBe('dependency attempt 1 timed out');
    expect(out).not.toContain('  File "f0.py", line 0, in fn0');
    expect(out).toContain('    call4()');
    expect(report).toEqual({ tracebacks: 1, reducedTracebacks: 0, framesKept: 8, framesDropped: 8 });
    expect(out.length).toBe(lines.length - 8);
  });

  it('starts a new block for back-to-back tracebacks', () => {
    const lines = ['Traceback (most recent call last):', ...frames(1), 'ValueError: a', 'Traceback (most recent call last):', ...frames(1), 'KeyError: b'];
    const report: CapReport = { tracebacks: 0, reducedTracebacks: 0, framesKept: 0, framesDropped: 0 };
    expect(capTracebacks(lines, (l) => l, { framesPerException: 4, fullTracebacks: 10 }, report)).toEqual(lines);
    expect(report.tracebacks).toBe(2);
  });

  it('keeps no frames once the full-traceback limit is used up', () => {
    const one = ['Traceback (most recent call last):', ...frames(2), 'OSError: [Errno 99] Cannot assign requested address'];
    const report: CapReport = { tracebacks: 0, reducedTracebacks: 0, framesKept: 0, framesDropped: 0 };
    const out = capTracebacks([...one, ...one, ...one], (l) => l, { framesPerException: 4, fullTracebacks: 1 }, report);
    expect(out).toEqual([...one, one[0], one[5], one[0], one[5]]);
    expect(report).toMatchObject({ tracebacks: 3, reducedTracebacks: 2, framesKept: 4, framesDropped: 8 });
  });
});
