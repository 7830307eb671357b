// Markers for the timeline: restarts, worker boots/timeouts/kills (with cause), shutdowns, probe
// failures and container transitions. Kill causes join on (instance, generation, pid), because pids
// are reused across Gunicorn generations (trap 6) and a SIGKILL after WORKER TIMEOUT is not OOM (trap 4).
import { ConsoleEvent, EngineEvent } from '../model/events';
import { KillCause, Marker, MarkerKind } from '../model/findings';

/** Gunicorn kills a timed-out worker about a second after logging WORKER TIMEOUT; allow generous slack. */
export const KILL_AFTER_TIMEOUT_MS = 60_000;
/** Gunicorn's boot-failure exit codes (WORKER_BOOT_ERROR = 3, APP_LOAD_ERROR = 4). */
const BOOT_FAILURE_EXIT_CODES = new Set([3, 4]);

export interface ConsoleCoverage {
  /** First console row time per instance: history before it is unknown (row caps, trap 9). */
  firstRowAt: Record<string, number>;
}

function workerKey(event: { instance: string; generation: number }, pid: number): string {
  return `${event.instance}|${event.generation}|${pid}`;
}

function killCause(
  event: Extract<ConsoleEvent, { kind: 'worker-killed' }>,
  lastTimeout: Map<string, number>,
  booted: Set<string>,
  signalled: Set<string>,
  coverage: ConsoleCoverage,
): { cause: KillCause; note: string } {
  const key = workerKey(event, event.workerPid);
  const timedOutAt = lastTimeout.get(key);
  if (timedOutAt !== undefined && event.time - timedOutAt <= KILL_AFTER_TIMEOUT_MS) {
    return { cause: 'after-timeout', note: `${((event.time - timedOutAt) / 1000).toFixed(1)} s after its WORKER TIMEOUT` };
  }
  if (signalled.has(`${event.instance}|${event.generation}`)) {
    return { cause: 'shutdown', note: 'the master was shutting down' };
  }
  // Without the worker's boot line, its WORKER TIMEOUT may simply be older than the export (trap 9).
  const historyStart = coverage.firstRowAt[event.instance];
  if (!booted.has(key) && historyStart !== undefined && event.time - historyStart <= KILL_AFTER_TIMEOUT_MS) {
    return { cause: 'unexplained', note: 'no WORKER TIMEOUT seen, but the console export starts just before this kill' };
  }
  if (event.signal === 9) {
    return { cause: 'oom-suspect', note: 'SIGKILL with no WORKER TIMEOUT before it: suspect the OOM killer' };
  }
  return { cause: 'unexplained', note: `signal ${event.signal} with no WORKER TIMEOUT before it` };
}

/** Builds markers from time-ordered events. */
export function buildMarkers(events: EngineEvent[], coverage: ConsoleCoverage): Marker[] {
  const markers: Marker[] = [];
  const lastTimeout = new Map<string, number>();
  const booted = new Set<string>();
  const generationSeen = new Map<string, number>();
  const signalled = new Set<string>();
  const add = (event: EngineEvent, kind: MarkerKind, title: string, extra: Partial<Marker> = {}) =>
    markers.push({ time: event.time, kind, instance: event.instance, generation: event.generation, title, source: event.source, ...extra });
  for (const event of events) {
    if (event.source.table === 'console' && event.generation > (generationSeen.get(event.instance) ?? 0)) {
      generationSeen.set(event.instance, event.generation);
      add(event, 'restart', `Gunicorn master started (generation ${event.generation})`, { pid: event.writerPid });
    }
    switch (event.kind) {
      case 'worker-boot':
        booted.add(workerKey(event, event.workerPid));
        add(event, 'worker-boot', `worker ${event.workerPid} booted`, { pid: event.workerPid });
        break;
      case 'worker-timeout':
        lastTimeout.set(workerKey(event, event.workerPid), event.time);
        add(event, 'worker-timeout', `WORKER TIMEOUT for worker ${event.workerPid}`, { pid: event.workerPid });
        break;
      case 'worker-killed': {
        const { cause, note } = killCause(event, lastTimeout, booted, signalled, coverage);
        add(event, 'worker-kill', `worker ${event.workerPid} killed (signal ${event.signal}): ${note}`, { pid: event.workerPid, cause });
        break;
      }
      case 'worker-exited':
        if (BOOT_FAILURE_EXIT_CODES.has(event.exitCode)) {
          add(event, 'boot-failure', `worker ${event.workerPid} exited with code ${event.exitCode} (failed to boot)`, { pid: event.workerPid });
        } else {
          add(event, 'worker-exit', `worker ${event.workerPid} exited with code ${event.exitCode}`, { pid: event.workerPid });
        }
        break;
      case 'shutdown-reason':
        add(event, 'boot-failure', `Gunicorn shut down: ${event.reason}`, { pid: event.writerPid });
        break;
      case 'signal-handled':
        if (event.signal === 'term' || event.signal === 'int' || event.signal === 'quit') {
          signalled.add(`${event.instance}|${event.generation}`);
          add(event, 'graceful-shutdown', `Gunicorn received SIG${event.signal.toUpperCase()}`, { pid: event.writerPid });
        }
        break;
      case 'shutting-down':
        if (signalled.has(`${event.instance}|${event.generation}`)) {
          add(event, 'graceful-shutdown', `Gunicorn shutting down: ${event.who}`, { pid: event.writerPid });
        }
        break;
      case 'startup-probe':
        if (!event.ok) {
          add(event, 'probe-failure', `startup probe failed after ${event.seconds} s`);
        }
        break;
      case 'http-ping-failure':
        add(event, 'probe-failure', `container did not answer HTTP pings${event.port ? ` on port ${event.port}` : ''}`);
        break;
      case 'container-starting':
        add(event, 'container-start', 'container starting');
        break;
      case 'container-terminating':
        add(event, 'container-stop', 'container terminating');
        break;
      case 'container-exited':
        add(event, 'container-stop', `container exited with code ${event.exitCode}`);
        break;
      case 'container-timeout':
        add(event, 'container-timeout', `container did not start within the ${event.limitSeconds ?? '?'} s limit`);
        break;
    }
  }
  return markers;
}
