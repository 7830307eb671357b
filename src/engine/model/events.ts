// Typed events parsed from console (ResultDescription) and platform (Message) text.
// Levels lie (App Service marks all stderr as Error), so kinds come from message bodies only.
import { EpochMs } from './input';

/** Where an event (or marker) came from: enough to show and find the original line. */
export interface SourceLine {
  table: 'console' | 'platform';
  /** 0-based row index in the input table(s) of that kind, in input order. */
  row: number;
  /** The original text (first line for grouped tracebacks). */
  line: string;
}

interface EventBase {
  time: EpochMs;
  /** Host / instance column when present, else `unknown`. */
  instance: string;
  /**
   * Gunicorn generation on this instance: 0 before the first master start seen, then +1 at each
   * `Starting gunicorn` / `Listening at:` of a new master. PIDs are only unique within (instance, generation).
   */
  generation: number;
  /** Bracketed pid of the process that wrote a Gunicorn line (`[1904]`), when present. */
  writerPid?: number;
  /** Level printed inside the line (`INFO`, `CRITICAL`, …), never the table's Level column. */
  lineLevel?: string;
  source: SourceLine;
}

export type GunicornSignal = 'term' | 'int' | 'quit' | 'hup' | 'winch' | 'usr1' | 'usr2' | 'ttin' | 'ttou' | 'chld';

/** Gunicorn settings read from a startup command line; absent fields were not on the line. */
export interface GunicornSettings {
  workers?: number;
  threads?: number;
  timeoutSec?: number;
  workerClass?: string;
  bind?: string[];
  /** True when the line runs gunicorn at all (false for e.g. `python app.py`). */
  isGunicorn: boolean;
}

export type StartupCommandSource = 'appCommandLine' | 'oryx-user-command' | 'gunicorn-cmd-args' | 'command-line';

export type DependencySignature =
  | 'read-timeout'
  | 'connect-timeout'
  | 'timeout'
  | 'connection-refused'
  | 'connection-reset'
  | 'address-not-available'
  | 'dns-failure';

export interface NetworkTarget {
  host: string;
  port?: number;
}

/** What a Gunicorn message says, without the common event fields. */
export type GunicornMessage =
  | { kind: 'gunicorn-starting'; version: string }
  | { kind: 'gunicorn-listening'; address: string; masterPid?: number }
  | { kind: 'gunicorn-worker-class'; workerClass: string }
  | { kind: 'gunicorn-control-socket'; path: string }
  | { kind: 'worker-boot'; workerPid: number }
  | { kind: 'worker-exiting'; workerPid: number }
  | { kind: 'worker-timeout'; workerPid: number }
  | { kind: 'worker-killed'; workerPid: number; signal: number; oomHint: boolean }
  | { kind: 'worker-exited'; workerPid: number; exitCode: number }
  | { kind: 'signal-handled'; signal: GunicornSignal }
  | { kind: 'shutting-down'; who: string }
  | { kind: 'shutdown-reason'; reason: string }
  | { kind: 'address-in-use'; address: string }
  | { kind: 'cannot-connect'; address: string }
  | { kind: 'request-error'; method?: string; path: string };

export type ConsoleEvent = EventBase &
  (
    | GunicornMessage
    | { kind: 'startup-command'; via: StartupCommandSource; command: string; settings: GunicornSettings }
    | { kind: 'dependency-error'; signature: DependencySignature; target?: NetworkTarget }
    | {
        kind: 'traceback';
        lines: string[];
        /** The final `Type: message` line (e.g. `SystemExit: 1`), `''` when the export cut it off. */
        exception: string;
        /** True when the export starts or ends inside this traceback (row caps, trap 8). */
        partial: boolean;
        /** True when Gunicorn aborted the worker mid-request (`handle_abort` → `SystemExit`). */
        aborted: boolean;
        /** Where the worker was blocked when it died, read from the innermost socket frame. */
        blockedIn?: 'connect' | 'tls-handshake' | 'read';
        /** Request path from the `Error handling request …` line just before, when there is one. */
        requestPath?: string;
      }
  );

/** What a platform message says, without the common event fields. */
export type PlatformMessage =
  | { kind: 'container-starting'; container?: string }
  | { kind: 'container-running' }
  | { kind: 'container-terminating'; graceSeconds?: number }
  | { kind: 'container-terminated'; elapsedMs?: number }
  | { kind: 'container-exited'; exitCode: number }
  | { kind: 'site-started' }
  | { kind: 'site-stopped'; site: string; scm: boolean }
  | { kind: 'site-start-failed'; scm: boolean }
  | { kind: 'site-startup-cancelled'; detail: string }
  | { kind: 'site-blocked' }
  | { kind: 'warmup'; detail: string }
  | { kind: 'startup-probe'; ok: boolean; seconds: number }
  | { kind: 'http-ping-failure'; port?: number }
  /** A start time limit was hit. `limitSeconds` is the configured limit (e.g. 230), NOT a duration. */
  | { kind: 'container-timeout'; limitSeconds?: number; detail: string; occurredAt?: number }
  | { kind: 'recycle'; detail: string };

export type PlatformEvent = EventBase & PlatformMessage;

export type EngineEvent = ConsoleEvent | PlatformEvent;
export type EngineEventKind = EngineEvent['kind'];
