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

/** One declared setting set against the logs, as the report words it. */
export interface ConfigCheck {
  setting: string;
  status: 'agrees' | 'disagrees' | 'not-in-logs';
  text: string;
}

export interface DeclaredVersusLogs {
  /** False when the source could not read the site's configuration (lab and files sources). */
  declaredRead: boolean;
  checks: ConfigCheck[];
}

const STATUSES: readonly string[] = ['agrees', 'disagrees', 'not-in-logs'];

/** The section's declared-configuration checks; a list-shaped worker model has none. */
export function declaredVersusLogs(workerModel: unknown): DeclaredVersusLogs {
  const section = Array.isArray(workerModel) ? undefined : (workerModel as { declared?: unknown; checks?: unknown } | null);
  const checks = Array.isArray(section?.checks) ? (section.checks as Array<Partial<ConfigCheck>>) : [];
  return {
    declaredRead: Boolean(section?.declared),
    checks: checks
      .filter((check) => typeof check.setting === 'string' && STATUSES.includes(String(check.status)))
      .map((check) => ({ setting: String(check.setting), status: check.status as ConfigCheck['status'], text: String(check.text ?? '') })),
  };
}
