// AppServiceConsoleLogs → typed events: Gunicorn lines, startup commands, dependency failures and
// tracebacks grouped from their one-row-per-line pieces. Tracks Gunicorn generations per instance (trap 6).
import { ConsoleEvent } from '../model/events';
import { LogRow } from './log-rows';
import { classifyDependencyFailure } from './dependency';
import { classifyGunicornMessage, splitGunicornPrefix } from './gunicorn-line';
import { parseStartupCommandLine } from './startup-command';
import { findBlockingCall, isGunicornAbort, isTracebackBody, isTracebackChain, isTracebackStart } from './traceback';

/** A traceback line must follow its `Error handling request` line this closely to belong to it. */
const REQUEST_ERROR_LINK_MS = 1000;
/** An indented line opening an export (cut mid-traceback) must look like Python, not the ASCII banner. */
const ORPHAN_FRAME = /^(?:\s+File "|\s{4}[A-Za-z_])/;

interface OpenTraceback {
  first: LogRow;
  lines: string[];
  exception: string;
  partial: boolean;
  writerPid?: number;
  requestPath?: string;
}

interface InstanceState {
  generation: number;
  masterPid?: number;
  sawListening: boolean;
  seenAnyLine: boolean;
  traceback?: OpenTraceback;
  lastRequestError?: { time: number; writerPid: number; path: string };
}

export class ConsoleParser {
  private readonly events: ConsoleEvent[] = [];
  private readonly instances = new Map<string, InstanceState>();

  private stateOf(instance: string): InstanceState {
    let state = this.instances.get(instance);
    if (!state) {
      state = { generation: 0, sawListening: false, seenAnyLine: false };
      this.instances.set(instance, state);
    }
    return state;
  }

  /** Feeds one row; rows must arrive oldest first (see readLogRows). */
  push(row: LogRow): void {
    const state = this.stateOf(row.instance);
    const line = row.text;
    const firstLine = !state.seenAnyLine && line.trim() !== '';
    if (line.trim() !== '') {
      state.seenAnyLine = true;
    }
    if (state.traceback && this.continueTraceback(state, state.traceback, line)) {
      return;
    }
    if (isTracebackStart(line) && line.includes('\n')) {
      this.pushWholeTraceback(state, row);
      return;
    }
    if (isTracebackStart(line) || (firstLine && ORPHAN_FRAME.test(line))) {
      const link = state.lastRequestError;
      const linked = link && row.time - link.time <= REQUEST_ERROR_LINK_MS ? link : undefined;
      state.traceback = { first: row, lines: [line], exception: '', partial: !isTracebackStart(line), writerPid: linked?.writerPid, requestPath: linked?.path };
      return;
    }
    const prefix = splitGunicornPrefix(line);
    if (prefix) {
      this.pushGunicorn(state, row, prefix.writerPid, prefix.level, prefix.message);
      return;
    }
    const command = parseStartupCommandLine(line);
    if (command) {
      this.emit(state, row, { kind: 'startup-command', via: command.via, command: command.command, settings: command.settings });
      return;
    }
    this.emitDependencyFailure(state, row, line);
  }

  /** Some sources keep a whole traceback in one row; its last unindented line is the exception. */
  private pushWholeTraceback(state: InstanceState, row: LogRow): void {
    this.closeTraceback(state);
    const lines = row.text.split(/\r?\n/).filter((line) => line.trim() !== '');
    const last = lines[lines.length - 1];
    const complete = lines.length > 1 && !isTracebackBody(last);
    state.traceback = { first: row, lines, exception: complete ? last : '', partial: !complete };
    this.closeTraceback(state);
  }

  /** Returns true when the line was consumed by the open traceback. */
  private continueTraceback(state: InstanceState, traceback: OpenTraceback, line: string): boolean {
    const blank = line.trim() === '';
    if (traceback.exception === '') {
      if (blank) {
        return true;
      }
      if (isTracebackBody(line) || isTracebackChain(line) || isTracebackStart(line)) {
        traceback.lines.push(line);
        return true;
      }
      if (!splitGunicornPrefix(line)) {
        traceback.lines.push(line);
        traceback.exception = line;
        return true;
      }
    } else if (blank) {
      return true;
    } else if (isTracebackChain(line) || isTracebackStart(line)) {
      traceback.lines.push(line);
      traceback.exception = '';
      return true;
    }
    this.closeTraceback(state);
    return false;
  }

  private closeTraceback(state: InstanceState): void {
    const traceback = state.traceback;
    if (!traceback) {
      return;
    }
    state.traceback = undefined;
    const partial = traceback.partial || traceback.exception === '';
    this.emit(state, traceback.first, {
      kind: 'traceback',
      lines: traceback.lines,
      exception: traceback.exception,
      partial,
      aborted: isGunicornAbort(traceback.lines, traceback.exception),
      blockedIn: findBlockingCall(traceback.lines),
      requestPath: traceback.requestPath,
    }, traceback.writerPid);
    if (traceback.exception) {
      this.emitDependencyFailure(state, traceback.first, traceback.exception);
    }
  }

  private pushGunicorn(state: InstanceState, row: LogRow, writerPid: number, level: string, message: string): void {
    const parsed = classifyGunicornMessage(message);
    if (!parsed) {
      this.emitDependencyFailure(state, row, message, writerPid, level);
      return;
    }
    if (parsed.kind === 'gunicorn-starting') {
      state.generation++;
      state.masterPid = writerPid;
      state.sawListening = false;
    } else if (parsed.kind === 'gunicorn-listening') {
      const master = parsed.masterPid ?? writerPid;
      if (state.masterPid !== master || state.sawListening) {
        state.generation++;
        state.masterPid = master;
      }
      state.sawListening = true;
    } else if (parsed.kind === 'request-error') {
      state.lastRequestError = { time: row.time, writerPid, path: parsed.path };
    }
    this.emit(state, row, parsed, writerPid, level);
  }

  private emitDependencyFailure(state: InstanceState, row: LogRow, text: string, writerPid?: number, level?: string): void {
    const failure = classifyDependencyFailure(text);
    if (failure) {
      this.emit(state, row, { kind: 'dependency-error', ...failure }, writerPid, level);
    }
  }

  private emit(state: InstanceState, row: LogRow, body: DistributiveOmitBase, writerPid?: number, lineLevel?: string): void {
    this.events.push({
      ...body,
      time: row.time,
      instance: row.instance,
      generation: state.generation,
      writerPid,
      lineLevel,
      source: { table: 'console', row: row.row, line: row.text },
    } as ConsoleEvent);
  }

  /** Closes open tracebacks and returns all events in time order. */
  finish(): ConsoleEvent[] {
    for (const state of this.instances.values()) {
      if (state.traceback) {
        state.traceback.partial = state.traceback.partial || state.traceback.exception === '';
        this.closeTraceback(state);
      }
    }
    // Stable: events with equal times stay in the chronological order they were emitted in.
    return this.events.sort((a, b) => a.time - b.time);
  }
}

type EventBaseKeys = 'time' | 'instance' | 'generation' | 'writerPid' | 'lineLevel' | 'source';
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type DistributiveOmitBase = DistributiveOmit<ConsoleEvent, EventBaseKeys>;

/** Parses time-ordered console rows into events. */
export function parseConsoleRows(rows: LogRow[]): ConsoleEvent[] {
  const parser = new ConsoleParser();
  for (const row of rows) {
    parser.push(row);
  }
  return parser.finish();
}
