import { classifyGunicornMessage, splitGunicornPrefix } from './gunicorn-line';

function parse(line: string) {
  const prefix = splitGunicornPrefix(line);
  if (!prefix) {
    throw new Error(`no Gunicorn prefix in: ${line}`);
  }
  return { ...prefix, parsed: classifyGunicornMessage(prefix.message) };
}

describe('Gunicorn lines from the seed documents', () => {
  it('reads the playbook startup lines (Gunicorn 24.1.1)', () => {
    expect(parse('[2026-04-04 11:14:18 +0000] [1891] [INFO] Starting gunicorn 24.1.1').parsed).toEqual({ kind: 'gunicorn-starting', version: '24.1.1' });
    expect(parse('[2026-04-04 11:14:18 +0000] [1891] [INFO] Listening at: http://0.0.0.0:8000 (1891)').parsed).toEqual({
      kind: 'gunicorn-listening',
      address: 'http://0.0.0.0:8000',
      masterPid: 1891,
    });
    expect(parse('[2026-04-04 11:14:18 +0000] [1891] [INFO] Using worker: sync').parsed).toEqual({ kind: 'gunicorn-worker-class', workerClass: 'sync' });
    const boot = parse('[2026-04-04 11:14:18 +0000] [1892] [INFO] Booting worker with pid: 1892');
    expect(boot).toMatchObject({ writerPid: 1892, level: 'INFO', parsed: { kind: 'worker-boot', workerPid: 1892 } });
  });

  it('reads the WORKER TIMEOUT guide lines: the master writes, the worker is in parentheses (trap 5)', () => {
    expect(parse('[2024-06-28 20:44:32 +0000] [74] [CRITICAL] WORKER TIMEOUT (pid:91)')).toMatchObject({
      writerPid: 74,
      level: 'CRITICAL',
      parsed: { kind: 'worker-timeout', workerPid: 91 },
    });
    expect(parse('2024-06-28T20:44:32.8354846Z [2024-06-28 20:44:32 +0000] [91] [ERROR] Error handling request /api/sleep')).toMatchObject({
      writerPid: 91,
      parsed: { kind: 'request-error', path: '/api/sleep' },
    });
    expect(parse('[2024-06-28 20:45:22 +0000] [92] [ERROR] Worker (pid:92) was sent SIGKILL! Perhaps out of memory?').parsed).toEqual({
      kind: 'worker-killed',
      workerPid: 92,
      signal: 9,
      oomHint: true,
    });
  });
});

describe('Gunicorn wordings across versions 19–25', () => {
  const cases: Array<[string, object]> = [
    ['Worker with pid 18726 was terminated due to signal 9', { kind: 'worker-killed', workerPid: 18726, signal: 9, oomHint: false }],
    ['Worker (pid:1901) exited with code 3.', { kind: 'worker-exited', workerPid: 1901, exitCode: 3 }],
    ['Worker (pid:1901) exited with code 3', { kind: 'worker-exited', workerPid: 1901, exitCode: 3 }],
    ['Worker (pid:77) was sent SIGTERM!', { kind: 'worker-killed', workerPid: 77, signal: 15, oomHint: false }],
    ['Worker (pid:77) was sent code 134!', { kind: 'worker-killed', workerPid: 77, signal: 134, oomHint: false }],
    ['Worker exiting (pid: 1954)', { kind: 'worker-exiting', workerPid: 1954 }],
    ['Handling signal: term', { kind: 'signal-handled', signal: 'term' }],
    ['Handling signal: hup', { kind: 'signal-handled', signal: 'hup' }],
    ['Handling signal: int', { kind: 'signal-handled', signal: 'int' }],
    ['Handling signal: quit', { kind: 'signal-handled', signal: 'quit' }],
    ['Shutting down: Master', { kind: 'shutting-down', who: 'Master' }],
    ['Reason: Worker failed to boot.', { kind: 'shutdown-reason', reason: 'Worker failed to boot.' }],
    ["Connection in use: ('0.0.0.0', 8000)", { kind: 'address-in-use', address: "('0.0.0.0', 8000)" }],
    ["Can't connect to ('0.0.0.0', 8000)", { kind: 'cannot-connect', address: "('0.0.0.0', 8000)" }],
    ['Error handling request GET /outbound?calls=40', { kind: 'request-error', method: 'GET', path: '/outbound?calls=40' }],
    ['Using worker: gthread', { kind: 'gunicorn-worker-class', workerClass: 'gthread' }],
    ['Using worker: uvicorn.workers.UvicornWorker', { kind: 'gunicorn-worker-class', workerClass: 'uvicorn.workers.UvicornWorker' }],
    ['Listening at: unix:/tmp/gunicorn.sock (12)', { kind: 'gunicorn-listening', address: 'unix:/tmp/gunicorn.sock', masterPid: 12 }],
    // Gunicorn 25 prints this after every worker spawn; it is not a restart (trap 22).
    ['Control socket listening at /root/.gunicorn/gunicorn.ctl', { kind: 'gunicorn-control-socket', path: '/root/.gunicorn/gunicorn.ctl' }],
  ];
  it.each(cases)('%s', (message, expected) => {
    expect(classifyGunicornMessage(message)).toEqual(expected);
  });

  it('leaves other messages and unprefixed lines alone', () => {
    expect(classifyGunicornMessage('Some app log line')).toBeUndefined();
    expect(splitGunicornPrefix('[2026-04-04 05:59:53,475] ERROR in app: fill-home failed')).toBeUndefined();
    expect(splitGunicornPrefix('    self.connect()')).toBeUndefined();
  });
});
