// Gunicorn's own log lines (versions 19–25): `[2026-04-04 05:59:42 +0000] [pid] [LEVEL] message`.
// The bracketed pid is the WRITER (master for WORKER TIMEOUT, trap 5); the affected pid is in the text.
import { GunicornMessage, GunicornSignal } from '../model/events';

export type { GunicornMessage };

export interface GunicornPrefix {
  writerPid: number;
  level: string;
  message: string;
}

// Optional docker-log ISO stamp, then Gunicorn's `[date time zone] [pid] [LEVEL] `.
const PREFIX = /^(?:\d{4}-\d{2}-\d{2}T[\d:.]+Z?\s+)?\[\d{4}-\d{2}-\d{2} [\d:.,]+(?: [+-]\d{4})?\] \[(\d+)\] \[([A-Z]+)\] (.*)$/s;

export function splitGunicornPrefix(line: string): GunicornPrefix | undefined {
  const match = PREFIX.exec(line);
  if (!match) {
    return undefined;
  }
  return { writerPid: Number(match[1]), level: match[2], message: match[3].trimEnd() };
}


const SIGNAL_NUMBERS: Record<string, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9,
  SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15,
};
const HANDLED_SIGNALS = new Set<string>(['term', 'int', 'quit', 'hup', 'winch', 'usr1', 'usr2', 'ttin', 'ttou', 'chld']);

type Rule = [RegExp, (match: RegExpExecArray) => GunicornMessage | undefined];

const RULES: Rule[] = [
  [/^Starting gunicorn (\S+)/, (m) => ({ kind: 'gunicorn-starting', version: m[1] })],
  [/^Listening at: (\S+)(?: \((\d+)\))?/, (m) => ({ kind: 'gunicorn-listening', address: m[1], masterPid: m[2] ? Number(m[2]) : undefined })],
  [/^Using worker: (\S+)/, (m) => ({ kind: 'gunicorn-worker-class', workerClass: m[1] })],
  [/^Control socket listening at (\S+)/, (m) => ({ kind: 'gunicorn-control-socket', path: m[1] })],
  [/^Booting worker with pid: (\d+)/, (m) => ({ kind: 'worker-boot', workerPid: Number(m[1]) })],
  [/^Worker exiting \(pid: ?(\d+)\)/, (m) => ({ kind: 'worker-exiting', workerPid: Number(m[1]) })],
  [/^WORKER TIMEOUT \(pid: ?(\d+)\)/i, (m) => ({ kind: 'worker-timeout', workerPid: Number(m[1]) })],
  // 20.1+: `Worker (pid:N) was sent SIGKILL! Perhaps out of memory?` (or another signal name / `code N`).
  [
    /^Worker \(pid: ?(\d+)\) was sent (?:(SIG[A-Z0-9]+)|code (\d+))!/,
    (m) => {
      const signal = m[2] ? SIGNAL_NUMBERS[m[2]] ?? -1 : Number(m[3]);
      return { kind: 'worker-killed', workerPid: Number(m[1]), signal, oomHint: /out of memory/i.test(m.input) };
    },
  ],
  // 19.x/20.0: `Worker with pid N was terminated due to signal 9`.
  [
    /^Worker with pid (\d+) was terminated due to signal (\d+)/,
    (m) => ({ kind: 'worker-killed', workerPid: Number(m[1]), signal: Number(m[2]), oomHint: false }),
  ],
  [/^Worker \(pid: ?(\d+)\) exited with code:? (-?\d+)/, (m) => ({ kind: 'worker-exited', workerPid: Number(m[1]), exitCode: Number(m[2]) })],
  [
    /^Handling signal: (\w+)/,
    (m) => (HANDLED_SIGNALS.has(m[1].toLowerCase()) ? { kind: 'signal-handled', signal: m[1].toLowerCase() as GunicornSignal } : undefined),
  ],
  [/^Shutting down: (.+)$/, (m) => ({ kind: 'shutting-down', who: m[1].trim() })],
  [/^Reason: (.+)$/, (m) => ({ kind: 'shutdown-reason', reason: m[1].trim() })],
  [/^Connection in use: (.+)$/, (m) => ({ kind: 'address-in-use', address: m[1].trim() })],
  [/^Can't connect to (.+)$/, (m) => ({ kind: 'cannot-connect', address: m[1].trim() })],
  [
    /^Error handling request (?:([A-Z]+) )?(\S+)/,
    (m) => ({ kind: 'request-error', method: m[1], path: m[2] }),
  ],
];

/** Classifies a Gunicorn message (the text after the prefix); undefined for other messages. */
export function classifyGunicornMessage(message: string): GunicornMessage | undefined {
  for (const [pattern, build] of RULES) {
    const match = pattern.exec(message);
    if (match) {
      return build(match);
    }
  }
  return undefined;
}
