// The Gunicorn worker model per (instance, generation): class, workers, threads, timeout and bind,
// each with the evidence it came from (startup command, boot lines, observed kill timing, defaults).
import { ConsoleEvent, EngineEvent } from '../model/events';
import { Evidenced, WorkerModelEvidence, WorkerModelSegment } from '../model/findings';
import { HttpTable } from '../model/http-table';
import { lowerBound } from './window';

/** A startup command printed this long before a master start configures that master (Oryx runs first). */
const COMMAND_BEFORE_START_MS = 5 * 60_000;
/** Workers booted this soon after the master start are its initial pool. */
const BOOT_BURST_MS = 15_000;
/** HTTP rows ending this close to a WORKER TIMEOUT line are the requests it cut. */
const KILL_MATCH_MS = 5_000;
/** Requests shorter than this were not what the timeout cut. */
const MIN_KILLED_REQUEST_MS = 1_000;
/** Gunicorn's defaults when the command line leaves a flag out. */
const GUNICORN_DEFAULTS = { workers: 1, threads: 1, timeoutSec: 30, workerClass: 'sync' };

function evidenced<T>(value: T, evidence: WorkerModelEvidence): Evidenced<T> {
  return { value, evidence: [evidence] };
}

function fromEvent(event: EngineEvent, kind: WorkerModelEvidence['kind'], text: string, value?: number | string): WorkerModelEvidence {
  return { kind, text, ...(value !== undefined ? { value } : {}), time: event.time, source: event.source };
}

type CommandEvent = Extract<ConsoleEvent, { kind: 'startup-command' }>;

function applyCommand(segment: WorkerModelSegment, commands: CommandEvent[]): void {
  for (const command of commands.filter((c) => c.settings.isGunicorn)) {
    const { settings } = command;
    const cite = (flag: string, value: number | string) => fromEvent(command, 'startup-command', `${flag} in ${command.via}: ${command.command}`, value);
    const setNumber = (field: 'workers' | 'threads' | 'timeoutSec', value: number | undefined, flag: string) => {
      const current = segment[field];
      if (value !== undefined) {
        if (!current || current.evidence.every((e) => e.kind === 'gunicorn-default')) {
          segment[field] = evidenced(value, cite(`${flag} ${value}`, value));
        } else {
          current.evidence.push(cite(`${flag} ${value}`, value));
        }
      } else if (!current) {
        segment[field] = evidenced(GUNICORN_DEFAULTS[field], fromEvent(command, 'gunicorn-default', `${flag} not set in ${command.via}: Gunicorn default ${GUNICORN_DEFAULTS[field]}`));
      }
    };
    setNumber('workers', settings.workers, '--workers');
    setNumber('threads', settings.threads, '--threads');
    setNumber('timeoutSec', settings.timeoutSec, '--timeout');
    if (settings.workerClass && !segment.workerClass) {
      segment.workerClass = evidenced(settings.workerClass, cite(`--worker-class ${settings.workerClass}`, settings.workerClass));
    }
    if (settings.bind?.length && !segment.bind) {
      segment.bind = evidenced(settings.bind.join(', '), cite(`--bind ${settings.bind.join(' ')}`, settings.bind.join(', ')));
    }
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1];
}

/**
 * Observed kill timing: failed requests ending right at WORKER TIMEOUT lines. A 5xx ran until the kill,
 * a little past the timeout (round down); a 499 was cut just before it (round up).
 */
function killTiming(segment: WorkerModelSegment, timeouts: EngineEvent[], http: HttpTable | undefined): void {
  if (!http || timeouts.length === 0) {
    return;
  }
  const serverErrors: number[] = [];
  const aborts: number[] = [];
  for (const timeout of timeouts) {
    const end = lowerBound(http.time, timeout.time + KILL_MATCH_MS);
    for (let row = lowerBound(http.time, timeout.time - KILL_MATCH_MS); row < end; row++) {
      if (http.timeTaken[row] >= MIN_KILLED_REQUEST_MS && !http.hostIsScm[http.hostId[row]]) {
        if (http.status[row] >= 500) {
          serverErrors.push(http.timeTaken[row]);
        } else if (http.status[row] === 499) {
          aborts.push(http.timeTaken[row]);
        }
      }
    }
  }
  const killed = serverErrors.length > 0 ? serverErrors : aborts;
  if (killed.length === 0) {
    return;
  }
  const typical = median(killed);
  const seconds = serverErrors.length > 0 ? Math.floor(typical / 1000) : Math.ceil(typical / 1000);
  const kind = serverErrors.length > 0 ? '5xx' : '499';
  const evidence: WorkerModelEvidence = {
    kind: 'kill-timing',
    value: seconds,
    text: `${killed.length} ${kind} request(s) ending within ${KILL_MATCH_MS / 1000} s of ${timeouts.length} WORKER TIMEOUT line(s) took a median ${(typical / 1000).toFixed(1)} s`,
    time: timeouts[0].time,
    source: timeouts[0].source,
  };
  if (!segment.timeoutSec || segment.timeoutSec.evidence.every((e) => e.kind === 'gunicorn-default')) {
    segment.timeoutSec = { value: seconds, evidence: [evidence, ...(segment.timeoutSec?.evidence ?? [])] };
  } else {
    segment.timeoutSec.evidence.push(evidence);
  }
}

/** Builds worker-model segments from time-ordered events; `windowEnd` closes the last segment. */
export function buildWorkerModel(events: EngineEvent[], http: HttpTable | undefined, windowEnd: number): WorkerModelSegment[] {
  const groups = new Map<string, ConsoleEvent[]>();
  for (const event of events) {
    if (event.source.table === 'console') {
      const key = `${event.instance}|${event.generation}`;
      const group = groups.get(key);
      if (group) {
        group.push(event as ConsoleEvent);
      } else {
        groups.set(key, [event as ConsoleEvent]);
      }
    }
  }
  const segments: WorkerModelSegment[] = [];
  for (const group of groups.values()) {
    const gunicorn = group.filter((event) => event.kind !== 'startup-command' && event.kind !== 'dependency-error' && event.kind !== 'traceback');
    if (gunicorn.length === 0) {
      continue;
    }
    const first = gunicorn[0];
    const starting = group.find((event) => event.kind === 'gunicorn-starting');
    const listening = group.find((event) => event.kind === 'gunicorn-listening');
    const from = (starting ?? listening ?? first).time;
    const segment: WorkerModelSegment = { instance: first.instance, generation: first.generation, from, to: windowEnd };
    if (starting?.kind === 'gunicorn-starting') {
      segment.version = starting.version;
      segment.masterPid = starting.writerPid;
    }
    if (listening?.kind === 'gunicorn-listening') {
      segment.masterPid = segment.masterPid ?? listening.masterPid;
      segment.bind = evidenced(listening.address, fromEvent(listening, 'boot-lines', `Listening at: ${listening.address}`));
    }
    const workerClass = group.find((event) => event.kind === 'gunicorn-worker-class');
    if (workerClass?.kind === 'gunicorn-worker-class') {
      segment.workerClass = evidenced(workerClass.workerClass, fromEvent(workerClass, 'boot-lines', `Using worker: ${workerClass.workerClass}`, workerClass.workerClass));
    }
    const commands = events.filter(
      (event): event is CommandEvent =>
        event.kind === 'startup-command' && event.instance === first.instance && event.time <= from && from - event.time <= COMMAND_BEFORE_START_MS,
    );
    applyCommand(segment, commands);
    if (starting || listening) {
      const boots = group.filter((event) => event.kind === 'worker-boot' && event.time - from <= BOOT_BURST_MS);
      if (boots.length > 0) {
        const evidence = fromEvent(boots[0], 'boot-lines', `${boots.length} worker(s) booted within ${BOOT_BURST_MS / 1000} s of the master start`, boots.length);
        if (segment.workers && segment.workers.evidence.some((e) => e.kind !== 'gunicorn-default')) {
          segment.workers.evidence.push(evidence);
        } else {
          segment.workers = { value: boots.length, evidence: [evidence, ...(segment.workers?.evidence ?? [])] };
        }
      }
    }
    killTiming(segment, group.filter((event) => event.kind === 'worker-timeout'), http);
    segments.push(segment);
  }
  segments.sort((a, b) => a.instance.localeCompare(b.instance) || a.from - b.from);
  for (let i = 0; i + 1 < segments.length; i++) {
    if (segments[i + 1].instance === segments[i].instance) {
      segments[i].to = segments[i + 1].from;
    }
  }
  return segments;
}

/** The Gunicorn --timeout in force on an instance at a time (any instance when the logs have no Host). */
export function timeoutLookup(segments: WorkerModelSegment[]): (instance: string, time: number) => number | undefined {
  return (instance, time) => {
    const own = segments.filter((segment) => segment.instance === instance);
    const candidates = own.length > 0 ? own : segments;
    const active = candidates.filter((segment) => segment.from <= time && time < segment.to);
    return (active[active.length - 1] ?? candidates[candidates.length - 1])?.timeoutSec?.value;
  };
}
