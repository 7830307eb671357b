// Source → engine → assessment, the one pipeline behind the CLI and the backend: load the tables,
// parse and derive signals (from raw rows, or from pushed-down bins), then assess the hypotheses.
import { buildHttpTable, derive, deriveFromBins, parseLogs, toEpochMs, type LogTable, type Signals, type TableKind, type TimeRange } from '../engine';
import { assess, identityFromHosts, identityFromResourceId, type AppIdentity, type Assessment, type DataCoverage } from '../engine/assess';
import { declaredConfigFrom, type DeclaredConfig } from '../engine/config';
import type { Source, SourceData, SourceRequest } from '../sources/source';

export interface Diagnosis {
  data: SourceData;
  signals: Signals;
  assessment: Assessment;
  app: AppIdentity;
  /** The site's configuration (allow-listed), when the source could read it. */
  declared?: DeclaredConfig;
}

function tablesOf(data: SourceData, kind: TableKind): LogTable[] {
  return data.tables.filter((t) => t.kind === kind).map((t) => t.table);
}

function columnValues(tables: LogTable[], column: string): unknown[] {
  return tables.flatMap((table) => {
    const index = table.columns.findIndex((c) => c.name === column);
    return index < 0 ? [] : table.rows.map((row) => row[index]);
  });
}

/** First to last row of a table kind: outside it, a missing line proves nothing (empty exports, row caps). */
function span(tables: LogTable[]): TimeRange | undefined {
  let from = Infinity;
  let to = -Infinity;
  for (const value of columnValues(tables, 'TimeGenerated')) {
    const time = toEpochMs(value);
    if (Number.isFinite(time)) {
      from = Math.min(from, time);
      to = Math.max(to, time);
    }
  }
  return from <= to ? { from, to } : undefined;
}

function appIdentity(source: Source, http: LogTable[]): AppIdentity {
  const target = source.describe().replace(/^azure:/, '');
  const fromResource = source.kind === 'azure' ? identityFromResourceId(target) : { hosts: [] };
  const hosts = [...new Set(columnValues(http, 'CsHost').map(String))].slice(0, 50);
  const fromHosts = identityFromHosts(hosts);
  return { ...fromHosts, ...fromResource, hosts: fromHosts.hosts };
}

export async function runDiagnosis(source: Source, request: SourceRequest): Promise<Diagnosis> {
  const [loaded, deployments] = await Promise.all([source.load(request), source.readDeploymentHistory?.(request.signal)]);
  const deploymentNotes = (deployments?.notes ?? []).map((message) => ({ where: 'deployment history', message }));
  const data = deploymentNotes.length > 0 ? { ...loaded, warnings: [...loaded.warnings, ...deploymentNotes] } : loaded;
  const deploymentHistory = deployments?.history;
  const http = tablesOf(data, 'http');
  const console = tablesOf(data, 'console');
  const platform = tablesOf(data, 'platform');
  const bins = tablesOf(data, 'bins');
  const logs = parseLogs({ console, platform });
  const options = { window: request.window, binMs: request.binMs };
  const signals =
    bins.length > 0
      ? deriveFromBins({ bins, aborts: http.length ? buildHttpTable(http) : undefined, logs, deploymentHistory, metrics: data.metrics }, options)
      : derive({ http: http.length ? buildHttpTable(http) : undefined, logs, deploymentHistory, metrics: data.metrics }, options);
  const coverage: DataCoverage = { console: span(console), platform: span(platform) };
  const app = appIdentity(source, http);
  const declared = data.siteConfig ? declaredConfigFrom(data.siteConfig) : undefined;
  return { data, signals, assessment: assess(signals, { coverage, app, declared: declared?.workerModel }), app, ...(declared ? { declared } : {}) };
}
