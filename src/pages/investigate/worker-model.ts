// Reading the worker model out of a report, whichever of its two shapes the backend sends.
import type { ReportWorkerModel } from '../../engine/report/report-types';

/**
 * The report's inferred worker model: a list of segments, or (in reports that also carry the
 * declared configuration) a section whose `inferred` is that list.
 */
export function inferredWorkerModel(workerModel: unknown): ReportWorkerModel[] {
  if (Array.isArray(workerModel)) {
    return workerModel as ReportWorkerModel[];
  }
  const inferred = (workerModel as { inferred?: unknown } | null)?.inferred;
  return Array.isArray(inferred) ? (inferred as ReportWorkerModel[]) : [];
}
