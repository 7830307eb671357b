// The worker model as both human formats print it: the declared configuration in one line
// ("declared: sync, 2 workers, timeout 30 s (appCommandLine)"), what the logs show, and where they disagree.
import type { DiagnosisReport, ReportWorkerModel } from '../engine/report';
import type { DeclaredValue, DeclaredWorkerModel } from '../engine/config';

/** Inferred generations listed before the rest is left to --format json. */
const MAX_GENERATIONS = 4;

export interface WorkerModelView {
  /** `declared: …`, or why nothing is declared. */
  declared: string;
  /** Where the declared values were read and what could not be read. */
  notes: string[];
  inferred: string[];
  /** One line per disagreeing setting. */
  disagreements: string[];
  /** `logs agree on …; not in logs: …`, empty when nothing was compared. */
  agreement: string;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function declaredLine(model: DeclaredWorkerModel): string {
  const shown: Array<[string, DeclaredValue<number | string>]> = [['worker class', model.workerClass]];
  const parts = [String(model.workerClass.value)];
  if (model.workers) {
    parts.push(plural(model.workers.value, 'worker'));
    shown.push(['workers', model.workers]);
  } else {
    parts.push('workers set from the core count');
  }
  if (model.threads.value > 1) {
    parts.push(plural(model.threads.value, 'thread'));
    shown.push(['threads', model.threads]);
  }
  parts.push(`timeout ${model.timeoutSec.value} s`);
  shown.push(['timeout', model.timeoutSec]);
  const explicit = [...new Set(shown.filter(([, value]) => !value.isDefault).map(([, value]) => value.from))];
  const defaults = new Map<string, string[]>();
  for (const [label, value] of shown.filter(([, item]) => item.isDefault)) {
    defaults.set(value.from, [...(defaults.get(value.from) ?? []), label]);
  }
  const defaultText = [...defaults].map(([from, labels]) => (explicit.length === 0 ? `${from}s` : `${from} ${labels.join(', ')}`));
  return `declared: ${parts.join(', ')} (${[...explicit, ...defaultText].join('; ')})`;
}

function inferredLine(segment: ReportWorkerModel): string {
  const parts = [
    segment.workerClass ?? 'class ?',
    segment.workers !== undefined ? plural(segment.workers, 'worker') : 'workers ?',
    ...(segment.threads !== undefined && segment.threads > 1 ? [plural(segment.threads, 'thread')] : []),
    segment.timeoutSec !== undefined ? `timeout ${segment.timeoutSec} s` : 'timeout ?',
  ];
  return `inferred: ${segment.instance} generation ${segment.generation}${segment.version ? ` (gunicorn ${segment.version})` : ''}: ${parts.join(', ')}`;
}

export function workerModelView(report: DiagnosisReport): WorkerModelView {
  const section = report.workerModel;
  const declared = section.declared;
  const notes: string[] = [];
  if (declared?.siteFrom) {
    notes.push(`site config from ${declared.siteFrom}${declared.workerModel ? `: ${declared.workerModel.command}` : ''}`);
  }
  if (declared?.appSettingsFrom) {
    notes.push(`app settings from ${declared.appSettingsFrom} (${declared.appSettings.map((setting) => `${setting.name}=${setting.value}`).join(', ') || 'none of the allow-listed ones set'})`);
  }
  notes.push(...(declared?.notes ?? []), ...(declared?.workerModel?.notes ?? []));
  const inferred = section.inferred.slice(0, MAX_GENERATIONS).map(inferredLine);
  if (section.inferred.length > MAX_GENERATIONS) {
    inferred.push(`… ${section.inferred.length - MAX_GENERATIONS} more generation(s) in --format json`);
  }
  if (section.inferred.length === 0) {
    inferred.push('inferred: nothing (no Gunicorn boot lines in the console logs)');
  }
  const agrees = section.checks.filter((check) => check.status === 'agrees').map((check) => check.setting);
  const unseen = section.checks.filter((check) => check.status === 'not-in-logs').map((check) => check.setting);
  const agreement = [agrees.length ? `logs agree on ${agrees.join(', ')}` : '', unseen.length ? `not in the logs: ${unseen.join(', ')}` : ''].filter(Boolean).join('; ');
  return {
    declared: declared?.workerModel ? declaredLine(declared.workerModel) : declared ? 'declared: no worker model in the site config' : 'declared: unknown (no site configuration read)',
    notes,
    inferred,
    disagreements: section.disagreements.map((check) => `logs disagree: ${check.text}`),
    agreement,
  };
}
