// The site's declared configuration beside what the logs show, one row per setting: the worker
// model (workerClass, workers, threads, timeoutSec) as compare-worker-model judges it, plus the
// container start-time limit and the health check path when the configuration declares them.
// Only values already in DeclaredConfig appear here: no other app setting is ever read.
import { compareWorkerModel, type DeclaredConfig, type WorkerModelCheck, type WorkerModelSetting } from '../config';
import type { WorkerModelSegment } from '../model/findings';
import type { Signals } from '../model/signals';

export type DeclaredConfigStatus = 'agrees' | 'disagrees' | 'not-in-logs' | 'not-declared';

export interface DeclaredConfigRow {
  setting: string;
  /** The declared value as text; `''` when the configuration does not declare it. */
  declared: string;
  /** Where the declared value came from (appCommandLine, GUNICORN_CMD_ARGS, Gunicorn default, …). */
  from: string;
  /** What the logs show, as text; `''` when they show nothing. */
  observed: string;
  status: DeclaredConfigStatus;
}

const WORKER_SETTINGS: readonly WorkerModelSetting[] = ['workerClass', 'workers', 'threads', 'timeoutSec'];
/** Observed values listed per row before the rest is summarised as a count. */
const MAX_OBSERVED_VALUES = 3;

function joinValues(values: Array<{ value: number | string; where: string }>): string {
  const byValue = new Map<string, string[]>();
  for (const { value, where } of values) {
    byValue.set(String(value), [...(byValue.get(String(value)) ?? []), where]);
  }
  const parts = [...byValue].slice(0, MAX_OBSERVED_VALUES).map(([value, wheres]) => `${value} (${[...new Set(wheres)].slice(0, 2).join(', ')}${wheres.length > 2 ? ', …' : ''})`);
  return byValue.size > MAX_OBSERVED_VALUES ? `${parts.join('; ')}; ${byValue.size - MAX_OBSERVED_VALUES} more value(s)` : parts.join('; ');
}

function inferredValues(setting: WorkerModelSetting, segments: readonly WorkerModelSegment[]): string {
  const values = segments.flatMap((segment) => {
    const value = segment[setting]?.value;
    return value === undefined ? [] : [{ value, where: `${segment.instance} generation ${segment.generation}` }];
  });
  return joinValues(values);
}

function workerRow(setting: WorkerModelSetting, check: WorkerModelCheck | undefined, segments: readonly WorkerModelSegment[]): DeclaredConfigRow {
  if (!check) {
    const observed = inferredValues(setting, segments);
    return { setting, declared: '', from: '', observed, status: 'not-declared' };
  }
  const observed = joinValues(check.observed.map((item) => ({ value: item.value, where: `${item.instance} generation ${item.generation}, ${item.kind}` })));
  return { setting, declared: String(check.declared), from: check.declaredFrom, observed, status: check.status };
}

function startTimeLimitRow(config: DeclaredConfig, signals: Signals): DeclaredConfigRow | undefined {
  const setting = config.appSettings.find((item) => item.name === 'WEBSITES_CONTAINER_START_TIME_LIMIT');
  if (!setting) {
    return undefined;
  }
  const limits = signals.events.flatMap((event) => (event.kind === 'container-timeout' && event.limitSeconds !== undefined ? [event.limitSeconds] : []));
  const declared = Number(setting.value);
  const observed = limits.length ? `container start timed out at a ${[...new Set(limits)].join(' s, ')} s limit (${limits.length}×)` : '';
  const status: DeclaredConfigStatus = limits.length === 0 ? 'not-in-logs' : limits.every((limit) => limit === declared) ? 'agrees' : 'disagrees';
  return { setting: 'startTimeLimitSec', declared: setting.value, from: 'WEBSITES_CONTAINER_START_TIME_LIMIT', observed, status };
}

function healthCheckRow(config: DeclaredConfig, signals: Signals): DeclaredConfigRow | undefined {
  const path = config.site.healthCheckPath;
  if (path === undefined || path === '') {
    return undefined;
  }
  const endpoint = signals.endpoints.find((item) => item.path.toLowerCase() === path.toLowerCase());
  return {
    setting: 'healthCheckPath',
    declared: path,
    from: config.siteFrom ?? 'site web config',
    observed: endpoint ? `${endpoint.requests} request(s) to ${endpoint.path}, ${endpoint.err5xx} 5xx` : '',
    status: endpoint ? 'agrees' : 'not-in-logs',
  };
}

/** One row per worker-model setting (declared or not) and per declared start-time limit / health check path. */
export function declaredConfigRows(config: DeclaredConfig | undefined, signals: Signals): DeclaredConfigRow[] {
  const checks = compareWorkerModel(config?.workerModel, signals.workerModel);
  const rows = WORKER_SETTINGS.map((setting) =>
    workerRow(
      setting,
      checks.find((check) => check.setting === setting),
      signals.workerModel
    )
  );
  if (config) {
    rows.push(...[startTimeLimitRow(config, signals), healthCheckRow(config, signals)].filter((row): row is DeclaredConfigRow => row !== undefined));
  }
  return rows;
}
