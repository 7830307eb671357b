// The report's worker model: what the logs show per generation (inferred), what the site's
// configuration declares, and where the two disagree.
import { Evidenced, WorkerModelSegment } from '../model/findings';
import { compareWorkerModel, DeclaredConfig } from '../config';
import { isoTime } from './iso-time';
import { ReportWorkerModel, ReportWorkerModelSection } from './report-types';

function inferred(segment: WorkerModelSegment): ReportWorkerModel {
  const settings: Array<[string, Evidenced<unknown> | undefined]> = [
    ['bind', segment.bind],
    ['workerClass', segment.workerClass],
    ['workers', segment.workers],
    ['threads', segment.threads],
    ['timeoutSec', segment.timeoutSec],
  ];
  return {
    instance: segment.instance,
    generation: segment.generation,
    from: isoTime(segment.from),
    to: isoTime(segment.to),
    version: segment.version,
    masterPid: segment.masterPid,
    bind: segment.bind?.value,
    workerClass: segment.workerClass?.value,
    workers: segment.workers?.value,
    threads: segment.threads?.value,
    timeoutSec: segment.timeoutSec?.value,
    evidence: settings.flatMap(([setting, value]) =>
      (value?.evidence ?? []).map((item) => ({ setting, kind: item.kind, text: item.text, ...(item.time !== undefined ? { time: isoTime(item.time) } : {}) }))
    ),
  };
}

export function workerModelSection(segments: WorkerModelSegment[], declared: DeclaredConfig | undefined): ReportWorkerModelSection {
  const checks = compareWorkerModel(declared?.workerModel, segments).map((check) => ({
    ...check,
    observed: check.observed.map(({ time, ...rest }) => ({ ...rest, ...(time !== undefined ? { time: isoTime(time) } : {}) })),
  }));
  return {
    inferred: segments.map(inferred),
    declared: declared ?? null,
    checks,
    disagreements: checks.filter((check) => check.status === 'disagrees'),
  };
}
