// One interface for the three sources (lab, files, azure): the engine never knows where rows came from.
import type { DeploymentHistory, LogTable, MetricsInput, TableKind, TimeRange } from '../engine';
import type { SiteConfigInput } from '../engine/config';

export type SourceKind = 'lab' | 'files' | 'azure';

/** What a caller asks a source for. */
export interface SourceRequest {
  /** The window to analyse; when absent the source returns everything it has (lab, files). */
  window?: TimeRange;
  /** Bin width the caller will derive with; pushdown sources aggregate at this width. */
  binMs: number;
  /** Only these CsUriStem values / instances (exact match); all when empty. */
  paths?: string[];
  instances?: string[];
  signal?: AbortSignal;
}

/** A problem that cost some data but not the whole answer: named, with where it happened. */
export interface SourceWarning {
  /** File path, table name or query name. */
  where: string;
  message: string;
}

/** Per-file accounting for folder sources: rows loaded and skipped by reason. */
export interface FileReport {
  file: string;
  /** `unused` when the file was skipped whole (see `reason`). */
  format: string;
  table?: TableKind;
  rowsLoaded: number;
  rowsSkipped: Record<string, number>;
  reason?: string;
  /** What was used from a file that holds no rows (site configuration), e.g. `app settings: 2 allow-listed of 9`. */
  used?: string;
}

/** A table tagged with which App Service table (or aggregate) it holds. */
export interface SourceTable {
  kind: TableKind;
  table: LogTable;
  /** Where it came from (file path, scenario file, query name). */
  origin: string;
}

export interface SourceData {
  /** Human description, e.g. `lab:h1-exhaustion (replayed as of now: shifted +41d 3h)`. */
  description: string;
  tables: SourceTable[];
  warnings: SourceWarning[];
  files?: FileReport[];
  /** Lab replay: how far recorded times were moved forward, in ms (0 when not shifted). */
  timeShiftMs?: number;
  /** The recording or export's own time span, after any shift. */
  span?: TimeRange;
  /** The site's web config and app settings, already reduced to the allow-list (no other value is ever kept). */
  siteConfig?: SiteConfigInput;
  /** Platform metrics, parsed; their problems are in `metrics.issues` (not in `warnings`). */
  metrics?: MetricsInput;
}

export type HealthStatus = 'ok' | 'warning' | 'error';

export interface HealthCheck {
  name: string;
  status: HealthStatus;
  message: string;
}

export interface SourceHealth {
  status: HealthStatus;
  message: string;
  checks: HealthCheck[];
}

export interface Source {
  readonly kind: SourceKind;
  /** e.g. `lab:h1-exhaustion`, `files:/var/exports`, `azure:<workspace>` (never a secret). */
  describe(): string;
  load(request: SourceRequest): Promise<SourceData>;
  health(): Promise<SourceHealth>;
  /** The site's deployment history, for sources that can ask the platform for it (Azure with a site target). */
  readDeploymentHistory?(signal?: AbortSignal): Promise<DeploymentHistoryReading>;
}

export interface DeploymentHistoryReading {
  /** Absent when the history could not be read (then `notes` says why). */
  history?: DeploymentHistory;
  notes: string[];
}

/** A problem with the caller's input (unknown scenario, missing folder): exit 2 / HTTP 400. */
export class SourceInputError extends Error {
  override readonly name = 'SourceInputError';
}
