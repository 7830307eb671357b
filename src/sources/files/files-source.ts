// A folder of exported logs as a source. Each load re-lists the folder and re-reads only files
// whose size or modification time changed, so a new export is picked up without a restart.
import fs from 'node:fs';
import path from 'node:path';
import { SourceInputError, type FileReport, type HealthCheck, type Source, type SourceData, type SourceHealth, type SourceRequest, type SourceTable } from '../source';
import { filterTables } from '../filter-tables';
import type { MetricsInput } from '../../engine';
import type { SiteConfigInput } from '../../engine/config';
import { describeMetrics, filterMetricsByInstance, mergeMetrics } from './metrics-file';
import { readExportFile, type ExportFileResult } from './read-export-file';
import { mergeSiteConfigs } from './site-config-file';

interface CachedFile {
  size: number;
  mtimeMs: number;
  result: ExportFileResult;
}

const MAX_FILES = 10_000;

async function listFiles(folder: string, exclude: (name: string) => boolean): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await fs.promises.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (out.length >= MAX_FILES) {
        return;
      }
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
      } else if (entry.isFile() && !entry.name.startsWith('.') && !exclude(entry.name)) {
        out.push(full);
      }
    }
  };
  await walk(folder);
  return out;
}

export class FilesSource implements Source {
  readonly kind = 'files' as const;
  private readonly cache = new Map<string, CachedFile>();

  constructor(
    readonly folder: string,
    /** Files that belong to the folder but are not exports (e.g. a lab recording's manifest). */
    private readonly exclude: (fileName: string) => boolean = () => false
  ) {}

  describe(): string {
    return `files:${this.folder}`;
  }

  private async checkFolder(): Promise<void> {
    const stat = await fs.promises.stat(this.folder).catch(() => undefined);
    if (!stat) {
      throw new SourceInputError(`folder ${this.folder} does not exist`);
    }
    if (!stat.isDirectory()) {
      throw new SourceInputError(`${this.folder} is not a folder`);
    }
  }

  /** Reads (or re-uses) every file; a file that fails to read is reported, the rest still load. */
  async readAll(): Promise<{ tables: SourceTable[]; files: FileReport[]; siteConfig?: SiteConfigInput; metrics?: MetricsInput }> {
    await this.checkFolder();
    const files = await listFiles(this.folder, this.exclude);
    const seen = new Set(files);
    for (const cached of [...this.cache.keys()]) {
      if (!seen.has(cached)) {
        this.cache.delete(cached);
      }
    }
    const tables: SourceTable[] = [];
    const reports: FileReport[] = [];
    const siteConfigs: SiteConfigInput[] = [];
    const metrics: MetricsInput[] = [];
    for (const file of files) {
      const display = path.relative(this.folder, file);
      try {
        const { size, mtimeMs } = await fs.promises.stat(file);
        let cached = this.cache.get(file);
        if (!cached || cached.size !== size || cached.mtimeMs !== mtimeMs) {
          cached = { size, mtimeMs, result: await readExportFile(file, display) };
          this.cache.set(file, cached);
        }
        tables.push(...cached.result.tables);
        reports.push(cached.result.report);
        if (cached.result.siteConfig) {
          siteConfigs.push(cached.result.siteConfig);
        }
        if (cached.result.metrics) {
          metrics.push(cached.result.metrics);
        }
      } catch (error) {
        reports.push({ file: display, format: 'unused', rowsLoaded: 0, rowsSkipped: {}, reason: `could not be read: ${(error as Error).message}` });
      }
    }
    const merged = mergeMetrics(metrics);
    return { tables, files: reports, siteConfig: mergeSiteConfigs(siteConfigs), ...(merged ? { metrics: merged } : {}) };
  }

  async load(request: SourceRequest): Promise<SourceData> {
    const { tables, files, siteConfig, metrics } = await this.readAll();
    return {
      description: this.describe(),
      tables: filterTables(tables, request),
      files,
      ...(siteConfig ? { siteConfig } : {}),
      ...(metrics ? { metrics: filterMetricsByInstance(metrics, request.instances) } : {}),
      warnings: files.filter((f) => f.reason).map((f) => ({ where: f.file, message: f.reason! })),
    };
  }

  async health(): Promise<SourceHealth> {
    try {
      const { tables, files, metrics } = await this.readAll();
      const health = tableHealth(`${files.length} files in ${this.folder}`, tables, files);
      return metrics && metrics.series.length > 0
        ? { ...health, checks: [...health.checks, { name: 'platform metrics', status: 'ok', message: describeMetrics(metrics.series) }] }
        : health;
    } catch (error) {
      return { status: 'error', message: (error as Error).message, checks: [] };
    }
  }
}

const TABLE_NAMES = { http: 'AppServiceHTTPLogs', console: 'AppServiceConsoleLogs', platform: 'AppServicePlatformLogs' } as const;

/** Which of the three tables have rows, shared by the file-based sources. */
export function tableHealth(summary: string, tables: SourceTable[], files: FileReport[] = []): SourceHealth {
  const checks: HealthCheck[] = (Object.keys(TABLE_NAMES) as Array<keyof typeof TABLE_NAMES>).map((kind) => {
    const rows = tables.filter((t) => t.kind === kind).reduce((sum, t) => sum + t.table.rows.length, 0);
    return rows > 0
      ? { name: TABLE_NAMES[kind], status: 'ok', message: `${rows} rows` }
      : { name: TABLE_NAMES[kind], status: 'warning', message: `no rows: export ${TABLE_NAMES[kind]} too, or the diagnosis misses its signals` };
  });
  const unused = files.filter((f) => f.format === 'unused');
  if (unused.length > 0) {
    checks.push({ name: 'unused files', status: 'warning', message: unused.map((f) => `${f.file}: ${f.reason}`).join('; ') });
  }
  const status = checks.some((c) => c.status === 'warning') ? 'warning' : 'ok';
  const hasAny = checks.slice(0, 3).some((c) => c.status === 'ok');
  return { status: hasAny ? status : 'error', message: hasAny ? summary : `${summary}: no App Service rows found`, checks };
}
