// Decides a file's format from its first bytes, never from its name.
import { normaliseHeader, tableKindOf } from './known-columns';
import { rawLogKindOf } from './raw-log-lines';

export type FileFormat =
  | 'log-analytics-json'
  | 'az-cli-json'
  | 'json-lines'
  | 'arm-site-config'
  | 'az-appsettings-json'
  | 'csv'
  | 'docker-log'
  | 'gunicorn-log'
  | 'azure-metrics';

/** `az monitor metrics list` output or a metrics:getBatch reply: metrics with `timeseries` under `value`. */
const METRICS_HEAD = /"value"\s*:\s*\[\s*\{[\s\S]*"time[sS]eries"\s*:/;

export type Sniffed = { format: FileFormat } | { format: 'unknown'; reason: string };

export function sniffFormat(head: string): Sniffed {
  const text = head.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed === '') {
    return { format: 'unknown', reason: 'only whitespace' };
  }
  const lines = text.split(/\r?\n/).slice(0, 50);
  if (trimmed.startsWith('{')) {
    if (/^\s*\{[^\n]*\}\s*$/.test(lines[0] ?? '') && lines.slice(1).some((l) => l.trim().startsWith('{'))) {
      return { format: 'json-lines' };
    }
    if (/"tables"\s*:/.test(trimmed)) {
      return { format: 'log-analytics-json' };
    }
    if (METRICS_HEAD.test(trimmed)) {
      return { format: 'azure-metrics' };
    }
    if (/"(appCommandLine|linuxFxVersion|numberOfWorkers)"\s*:/.test(trimmed)) {
      return { format: 'arm-site-config' };
    }
    return { format: 'unknown', reason: 'a JSON object without a "tables" key (not a Log Analytics response) nor metric time series (not an Azure Monitor metrics reply)' };
  }
  const raw = rawLogKindOf(lines);
  if (raw) {
    return { format: raw === 'docker' ? 'docker-log' : 'gunicorn-log' };
  }
  if (trimmed.startsWith('[')) {
    if (/^\[\s*\{[^{}\]]*"slotSetting"\s*:/.test(trimmed)) {
      return { format: 'az-appsettings-json' };
    }
    if (METRICS_HEAD.test(trimmed)) {
      return { format: 'azure-metrics' };
    }
    return /^\[\s*(\{|\]|$)/.test(trimmed)
      ? { format: 'az-cli-json' }
      : { format: 'unknown', reason: 'a JSON array whose items are not objects (not `az monitor log-analytics query` output)' };
  }
  const header = (lines[0] ?? '').split(',').map((h) => normaliseHeader(h.replace(/^"|"$/g, '')));
  if (header.length > 1) {
    return tableKindOf(header)
      ? { format: 'csv' }
      : {
          format: 'unknown',
          reason: `CSV whose first line names no Log Analytics columns (${JSON.stringify((lines[0] ?? '').slice(0, 60))}): a client probe log or a headerless export?`,
        };
  }
  return { format: 'unknown', reason: 'not JSON, CSV with a header, or an App Service / Gunicorn log' };
}
