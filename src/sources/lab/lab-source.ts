// The bundled lab recordings (the embedded default source): one folder per scenario holding the
// three tables as Log Analytics responses plus manifest.json. Read through the same file reader as
// the files source, so both give the engine identical tables.
import fs from 'node:fs';
import path from 'node:path';
import { SourceInputError, type Source, type SourceData, type SourceHealth, type SourceRequest } from '../source';
import { filterTables } from '../filter-tables';
import { FilesSource, tableHealth } from '../files/files-source';
import type { SiteConfigInput } from '../../engine/config';
import { replayShiftMs, shiftMetrics, shiftTable } from './shift-time';
import { readManifest, type LabManifest } from './manifest';
import { filterMetricsByInstance, isLabMetricsFile, readLabMetrics } from './lab-metrics';

export interface LabSourceOptions {
  recordingsDir: string;
  scenario: string;
  /** Shift the recording so that it ends at `now()` (whole minutes). */
  replayAsOfNow?: boolean;
  now?: () => number;
}

const SCENARIO_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

export async function listScenarios(recordingsDir: string): Promise<string[]> {
  const entries = await fs.promises.readdir(recordingsDir, { withFileTypes: true }).catch(() => []);
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && fs.existsSync(path.join(recordingsDir, entry.name, 'manifest.json'))) {
      names.push(entry.name);
    }
  }
  return names.sort();
}

export class LabSource implements Source {
  readonly kind = 'lab' as const;
  private readonly files: FilesSource;

  constructor(private readonly options: LabSourceOptions) {
    if (!SCENARIO_NAME.test(options.scenario)) {
      throw new SourceInputError(`"${options.scenario}" is not a scenario name (lowercase letters, digits and dashes)`);
    }
    // The metric files are read here (readLabMetrics), not as exports, so they are parsed and shifted once.
    this.files = new FilesSource(path.join(options.recordingsDir, options.scenario), (name) => name === 'manifest.json' || isLabMetricsFile(name));
  }

  describe(): string {
    return `lab:${this.options.scenario}`;
  }

  async manifest(): Promise<LabManifest> {
    const dir = path.join(this.options.recordingsDir, this.options.scenario);
    if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
      const known = await listScenarios(this.options.recordingsDir);
      throw new SourceInputError(
        `unknown lab scenario "${this.options.scenario}" (known: ${known.join(', ') || `none in ${this.options.recordingsDir}`})`
      );
    }
    return readManifest(path.join(dir, 'manifest.json'));
  }

  private get dir(): string {
    return path.join(this.options.recordingsDir, this.options.scenario);
  }

  async load(request: SourceRequest): Promise<SourceData> {
    const manifest = await this.manifest();
    const { tables, files } = await this.files.readAll();
    const metrics = await readLabMetrics(this.dir, manifest.scenario);
    const siteConfig = labSiteConfig(manifest);
    const recordedFrom = Date.parse(manifest.window.from);
    const recordedTo = Date.parse(manifest.window.to);
    const shiftMs = this.options.replayAsOfNow ? replayShiftMs(recordedTo, (this.options.now ?? Date.now)()) : 0;
    const shifted = tables.map((t) => ({ ...t, table: shiftTable(t.table, shiftMs) }));
    const description = shiftMs
      ? `lab:${manifest.scenario} (recorded ${manifest.window.from}; replayed as of now, shifted +${formatShift(shiftMs)})`
      : `lab:${manifest.scenario} (recorded ${manifest.window.from})`;
    return {
      description,
      tables: filterTables(shifted, request),
      files,
      warnings: files.filter((f) => f.reason).map((f) => ({ where: `lab:${manifest.scenario}/${f.file}`, message: f.reason! })),
      timeShiftMs: shiftMs,
      span: { from: recordedFrom + shiftMs, to: recordedTo + shiftMs },
      ...(metrics ? { metrics: filterMetricsByInstance(shiftMetrics(metrics, shiftMs), request.instances) } : {}),
      ...(siteConfig ? { siteConfig } : {}),
    };
  }

  async health(): Promise<SourceHealth> {
    try {
      const manifest = await this.manifest();
      const { tables, files } = await this.files.readAll();
      return tableHealth(`lab scenario ${manifest.scenario} found (${manifest.description})`, tables, files);
    } catch (error) {
      return { status: 'error', message: (error as Error).message, checks: [] };
    }
  }
}

/**
 * The Gunicorn command line the lab really ran, as the site's declared startup command (an ARM web
 * config's appCommandLine). The runner sets none of the allow-listed app settings, so they are read as empty.
 */
export function labSiteConfig(manifest: LabManifest): SiteConfigInput | undefined {
  const commandLine = manifest.gunicorn?.commandLine;
  if (typeof commandLine !== 'string' || commandLine.trim() === '') {
    return undefined;
  }
  return { web: { appCommandLine: commandLine }, webFrom: 'lab manifest', appSettings: [], appSettingsFrom: 'lab manifest (the runner sets no app settings)' };
}

export function formatShift(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return [days ? `${days}d` : '', hours ? `${hours}h` : '', `${minutes % 60}m`].filter(Boolean).join(' ');
}
