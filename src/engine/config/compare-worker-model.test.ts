import { WorkerModelSegment } from '../model/findings';
import { compareWorkerModel, declaredConfigFrom } from '.';

const declared = (command: string) => declaredConfigFrom({ web: { appCommandLine: command, linuxFxVersion: 'PYTHON|3.11' }, appSettings: [] }).workerModel;

function segment(generation: number, parts: Partial<WorkerModelSegment>): WorkerModelSegment {
  return { instance: 'lw0', generation, from: 0, to: 1, ...parts };
}

const boots = (count: number) => ({ value: count, evidence: [{ kind: 'boot-lines' as const, text: `${count} worker(s) booted`, value: count }] });
const kills = (seconds: number) => ({ value: seconds, evidence: [{ kind: 'kill-timing' as const, text: `killed requests took a median ${seconds} s`, value: seconds }] });

describe('compareWorkerModel', () => {
  it('flags 4 boot lines against 2 declared workers, naming the generation', () => {
    const checks = compareWorkerModel(declared('gunicorn --workers 2 --timeout 30 app:app'), [segment(1, { workers: boots(2) }), segment(2, { workers: boots(4) })]);
    const workers = checks.find((check) => check.setting === 'workers');
    expect(workers).toMatchObject({ status: 'disagrees', declared: 2, declaredFrom: 'appCommandLine', observed: [{ generation: 2, value: 4, kind: 'boot-lines' }] });
    expect(workers?.text).toMatch(/declared 2 worker\(s\) \(appCommandLine\), but the logs show 4 worker\(s\) on lw0 generation 2/);
  });

  it('flags kills ~120 s after requests start against a declared --timeout 30', () => {
    const checks = compareWorkerModel(declared('gunicorn --timeout 30 app:app'), [segment(1, { timeoutSec: kills(120) })]);
    expect(checks.find((check) => check.setting === 'timeoutSec')).toMatchObject({ status: 'disagrees', declared: 30, observed: [{ value: 120 }] });
  });

  it('accepts kill timing within the arbiter lateness of --timeout', () => {
    const checks = compareWorkerModel(declared('gunicorn --timeout 120 app:app'), [segment(1, { timeoutSec: kills(121) })]);
    expect(checks.find((check) => check.setting === 'timeoutSec')?.status).toBe('agrees');
  });

  it('agrees on the worker class from "Using worker:" and says what the logs do not show', () => {
    const workerClass = { value: 'sync', evidence: [{ kind: 'boot-lines' as const, text: 'Using worker: sync', value: 'sync' }] };
    const checks = compareWorkerModel(declared('gunicorn app:app'), [segment(1, { workerClass })]);
    expect(checks.map((check) => [check.setting, check.status])).toEqual([
      ['workerClass', 'agrees'],
      ['workers', 'not-in-logs'],
      ['threads', 'not-in-logs'],
      ['timeoutSec', 'not-in-logs'],
    ]);
  });

  it('ignores Gunicorn defaults the engine filled in (they are not observations)', () => {
    const defaulted = { value: 1, evidence: [{ kind: 'gunicorn-default' as const, text: 'default 1', value: 1 }] };
    expect(compareWorkerModel(declared('gunicorn --workers 3 app:app'), [segment(1, { workers: defaulted })]).find((c) => c.setting === 'workers')?.status).toBe('not-in-logs');
  });

  it('has nothing to compare without a declared model', () => {
    expect(compareWorkerModel(undefined, [segment(1, { workers: boots(2) })])).toEqual([]);
  });
});
