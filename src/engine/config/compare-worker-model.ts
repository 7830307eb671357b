// Declared configuration against what the logs show: boot lines per generation, `Using worker:`,
// the command printed at startup, and how long killed requests ran. A disagreement usually means
// the configuration changed since the incident, or something else (GUNICORN_CMD_ARGS, a startup
// script, a gunicorn.conf.py) overrides the command line.
import { EpochMs } from '../model/input';
import { WorkerModelEvidenceKind, WorkerModelSegment } from '../model/findings';
import { DeclaredValue, DeclaredWorkerModel } from './declared-worker-model';

export type WorkerModelSetting = 'workerClass' | 'workers' | 'threads' | 'timeoutSec';

export interface WorkerModelObservation {
  instance: string;
  generation: number;
  value: number | string;
  kind: WorkerModelEvidenceKind;
  text: string;
  time?: EpochMs;
}

export interface WorkerModelCheck {
  setting: WorkerModelSetting;
  declared: number | string;
  declaredFrom: string;
  status: 'agrees' | 'disagrees' | 'not-in-logs';
  /** The log observations that disagree (or, when all agree, those that agree); at most MAX_OBSERVATIONS. */
  observed: WorkerModelObservation[];
  text: string;
}

const MAX_OBSERVATIONS = 10;
/** Kills land a little after --timeout (arbiter wake-up) and a 499 just before it: within 10% or 2 s is a match. */
const TIMEOUT_TOLERANCE = { fraction: 0.1, seconds: 2 };
const OBSERVED_KINDS = new Set<WorkerModelEvidenceKind>(['boot-lines', 'kill-timing', 'startup-command']);

function matches(setting: WorkerModelSetting, declared: number | string, observed: number | string): boolean {
  if (setting === 'timeoutSec' && typeof declared === 'number' && typeof observed === 'number') {
    return Math.abs(observed - declared) <= Math.max(TIMEOUT_TOLERANCE.seconds, declared * TIMEOUT_TOLERANCE.fraction);
  }
  return declared === observed;
}

function unit(setting: WorkerModelSetting, value: number | string): string {
  switch (setting) {
    case 'workers':
      return `${value} worker(s)`;
    case 'threads':
      return `${value} thread(s)`;
    case 'timeoutSec':
      return `--timeout ${value} s`;
    case 'workerClass':
      return `worker class ${value}`;
  }
}

function observationsOf(setting: WorkerModelSetting, segments: WorkerModelSegment[]): WorkerModelObservation[] {
  return segments.flatMap((segment) =>
    (segment[setting]?.evidence ?? [])
      .filter((item) => item.value !== undefined && OBSERVED_KINDS.has(item.kind))
      .map((item) => ({ instance: segment.instance, generation: segment.generation, value: item.value!, kind: item.kind, text: item.text, ...(item.time !== undefined ? { time: item.time } : {}) }))
  );
}

function check(setting: WorkerModelSetting, declared: DeclaredValue<number | string>, segments: WorkerModelSegment[]): WorkerModelCheck {
  const observed = observationsOf(setting, segments);
  const base = { setting, declared: declared.value, declaredFrom: declared.from };
  const stated = `declared ${unit(setting, declared.value)} (${declared.from})`;
  if (observed.length === 0) {
    return { ...base, status: 'not-in-logs', observed: [], text: `${stated}; the logs do not show it` };
  }
  const differing = observed.filter((item) => !matches(setting, declared.value, item.value));
  if (differing.length === 0) {
    return { ...base, status: 'agrees', observed: observed.slice(0, MAX_OBSERVATIONS), text: `${stated}; the logs agree (${observed.length} observation(s))` };
  }
  const first = differing[0];
  return {
    ...base,
    status: 'disagrees',
    observed: differing.slice(0, MAX_OBSERVATIONS),
    text: `${stated}, but the logs show ${unit(setting, first.value)} on ${first.instance} generation ${first.generation} (${first.text})${differing.length > 1 ? ` and ${differing.length - 1} more` : ''}`,
  };
}

/** One check per declared setting; `disagrees` when any observation in the logs contradicts it. */
export function compareWorkerModel(declared: DeclaredWorkerModel | undefined, segments: WorkerModelSegment[]): WorkerModelCheck[] {
  if (!declared) {
    return [];
  }
  const settings: Array<[WorkerModelSetting, DeclaredValue<number | string> | undefined]> = [
    ['workerClass', declared.workerClass],
    ['workers', declared.workers],
    ['threads', declared.threads],
    ['timeoutSec', declared.timeoutSec],
  ];
  return settings.flatMap(([setting, value]) => (value ? [check(setting, value, segments)] : []));
}
