import { ConsoleEvent } from '../model/events';
import { consoleTableFromLines, CorpusLab, corpusTable } from '../testing/fixtures';
import { parseLogs } from './parse-logs';

function consoleEvents(lab: CorpusLab): ConsoleEvent[] {
  return parseLogs({ console: [corpusTable(lab, 'console')] }).events as ConsoleEvent[];
}

function ofKind<K extends ConsoleEvent['kind']>(events: ConsoleEvent[], kind: K): Array<Extract<ConsoleEvent, { kind: K }>> {
  return events.filter((event): event is Extract<ConsoleEvent, { kind: K }> => event.kind === kind);
}

describe('console parser on snat-exhaustion (500 capped rows, newest first)', () => {
  const events = consoleEvents('snat-exhaustion');

  it('finds every WORKER TIMEOUT and SIGKILL line', () => {
    expect(ofKind(events, 'worker-timeout')).toHaveLength(18);
    const kills = ofKind(events, 'worker-killed');
    expect(kills).toHaveLength(14);
    expect(kills.every((kill) => kill.signal === 9 && kill.oomHint)).toBe(true);
  });

  it('groups one-row-per-line tracebacks with their request and knows where the worker was stuck', () => {
    const tracebacks = ofKind(events, 'traceback');
    // The export starts mid-traceback (trap 8): that one is partial; the 6 aborts after timeouts are whole.
    expect(tracebacks[0]).toMatchObject({ partial: true, blockedIn: 'connect', exception: 'SystemExit: 1' });
    const whole = tracebacks.filter((traceback) => !traceback.partial && traceback.aborted);
    expect(whole).toHaveLength(6);
    expect(whole.every((traceback) => traceback.requestPath === '/outbound?calls=40')).toBe(true);
    expect(new Set(whole.map((traceback) => traceback.blockedIn))).toEqual(new Set(['read', 'connect', 'tls-handshake']));
    expect(whole[0].lines[0]).toBe('Traceback (most recent call last):');
  });

  it('starts a new generation at the 05:52 restart, so pid 1906 is the master before and a worker after (trap 6)', () => {
    const before = events.filter((event) => event.writerPid === 1906 && event.generation === 0);
    const after = ofKind(events, 'worker-boot').filter((event) => event.workerPid === 1906);
    expect(before.length).toBeGreaterThan(10);
    expect(after).toHaveLength(1);
    expect(after[0].generation).toBe(1);
    expect(ofKind(events, 'gunicorn-starting')).toHaveLength(1);
  });

  it('does not treat Gunicorn 25 control-socket lines as restarts (trap 22)', () => {
    expect(ofKind(events, 'gunicorn-control-socket')).toHaveLength(21);
    expect(Math.max(...events.map((event) => event.generation))).toBe(1);
  });

  it('reads the startup command that set --timeout=120 --workers=4', () => {
    const commands = ofKind(events, 'startup-command');
    expect(commands.map((command) => command.via)).toEqual(['appCommandLine', 'oryx-user-command']);
    expect(commands[0].settings).toMatchObject({ timeoutSec: 120, workers: 4 });
  });
});

describe('console parser on other corpus labs', () => {
  it('deployment-succeeded-startup-failed: a boot failure, not a dependency problem', () => {
    const events = consoleEvents('deployment-succeeded-startup-failed');
    expect(ofKind(events, 'traceback')[0].exception).toBe("ModuleNotFoundError: No module named 'wrong_module'");
    expect(ofKind(events, 'dependency-error')).toHaveLength(0);
    expect(ofKind(events, 'worker-exited')[0]).toMatchObject({ workerPid: 1901, exitCode: 3 });
    expect(ofKind(events, 'shutdown-reason')[0].reason).toBe('Worker failed to boot.');
  });

  it('no-space-left-on-device: the Flask traceback ends in Errno 28', () => {
    const tracebacks = ofKind(consoleEvents('no-space-left-on-device'), 'traceback');
    expect(tracebacks).toHaveLength(1);
    expect(tracebacks[0].exception).toBe('OSError: [Errno 28] No space left on device');
    expect(tracebacks[0].partial).toBe(false);
  });

  it('container-http-pings: two Gunicorn 24.1.1 generations', () => {
    const starts = ofKind(consoleEvents('container-http-pings'), 'gunicorn-starting');
    expect(starts.map((start) => [start.version, start.generation])).toEqual([
      ['24.1.1', 1],
      ['24.1.1', 2],
    ]);
  });

  it('a `rows: []` console export is no evidence, not an error', () => {
    const parsed = parseLogs({ console: [corpusTable('intermittent-5xx', 'console')] });
    expect(parsed.events).toEqual([]);
    expect(parsed.rowCounts.console).toBe(0);
    expect(parsed.issues.total).toBe(0);
  });
});

describe('console parser on the playbook and guide lines', () => {
  it('reads the playbook boot sequence with App Service marking stderr as Error', () => {
    const events = parseLogs({
      console: [
        consoleTableFromLines([
          '2026-04-04T11:14:18Z Error [2026-04-04 11:14:18 +0000] [1891] [INFO] Starting gunicorn 24.1.1',
          '2026-04-04T11:14:18Z Error [2026-04-04 11:14:18 +0000] [1891] [INFO] Listening at: http://0.0.0.0:8000 (1891)',
          '2026-04-04T11:14:18Z Error [2026-04-04 11:14:18 +0000] [1891] [INFO] Using worker: sync',
          '2026-04-04T11:14:18Z Error [2026-04-04 11:14:18 +0000] [1892] [INFO] Booting worker with pid: 1892',
          '2026-04-04T11:14:18Z Error [2026-04-04 11:14:18 +0000] [1893] [INFO] Booting worker with pid: 1893',
        ]),
      ],
    }).events as ConsoleEvent[];
    expect(events.map((event) => event.kind)).toEqual(['gunicorn-starting', 'gunicorn-listening', 'gunicorn-worker-class', 'worker-boot', 'worker-boot']);
    expect(events.every((event) => event.generation === 1 && event.lineLevel === 'INFO')).toBe(true);
  });

  it('keeps same-timestamp lines of a newest-first export in their real order', () => {
    const events = parseLogs({
      console: [
        consoleTableFromLines([
          '2024-06-28T20:44:33Z Error SystemExit: 1',
          '2024-06-28T20:44:33Z Error     sys.exit(1)',
          '2024-06-28T20:44:33Z Error   File "/antenv/gunicorn/workers/base.py", line 204, in handle_abort',
          '2024-06-28T20:44:33Z Error Traceback (most recent call last):',
          '2024-06-28T20:44:32Z Error [2024-06-28 20:44:32 +0000] [91] [ERROR] Error handling request /api/sleep',
          '2024-06-28T20:44:32Z Error [2024-06-28 20:44:32 +0000] [74] [CRITICAL] WORKER TIMEOUT (pid:91)',
        ]),
      ],
    }).events as ConsoleEvent[];
    expect(events.map((event) => event.kind)).toEqual(['worker-timeout', 'request-error', 'traceback']);
    expect(ofKind(events, 'traceback')[0]).toMatchObject({ aborted: true, exception: 'SystemExit: 1', lines: expect.arrayContaining(['    sys.exit(1)']) });
  });
});
