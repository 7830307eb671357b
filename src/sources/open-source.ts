// Turns a source spec (`lab:<scenario>`, `files:<dir>`, `azure:<workspace-or-resource-id>`) into a
// Source. Used by the CLI; the backend builds the same sources from data source settings.
import fs from 'node:fs';
import path from 'node:path';
import { FilesSource } from './files/files-source';
import { LabSource } from './lab/lab-source';
import { SourceInputError, type Source } from './source';

export interface OpenSourceOptions {
  recordingsDir?: string;
  replayAsOfNow?: boolean;
  /** Builds the Azure source; absent where Azure access is not configured. */
  azure?: (target: string) => Source;
}

/** Where the bundled recordings are: env override, the repository, or beside the packaged backend (dist/datasource/recordings). */
export function defaultRecordingsDir(): string {
  const candidates = [
    process.env.APPSVC_TRIAGE_RECORDINGS,
    path.resolve(__dirname, '..', '..', 'lab', 'recordings'),
    path.resolve(path.dirname(process.execPath), 'recordings'),
    path.resolve(process.cwd(), 'lab', 'recordings'),
  ].filter((c): c is string => Boolean(c));
  return candidates.find((c) => fs.existsSync(c)) ?? candidates[0];
}

export function openSource(spec: string, options: OpenSourceOptions = {}): Source {
  const colon = spec.indexOf(':');
  const kind = colon > 0 ? spec.slice(0, colon) : '';
  const target = colon > 0 ? spec.slice(colon + 1) : '';
  if (!target) {
    throw new SourceInputError(`source "${spec}" must be lab:<scenario>, files:<folder> or azure:<workspace-or-resource-id>`);
  }
  switch (kind) {
    case 'lab':
      return new LabSource({
        recordingsDir: options.recordingsDir ?? defaultRecordingsDir(),
        scenario: target,
        replayAsOfNow: options.replayAsOfNow,
      });
    case 'files':
      return new FilesSource(path.resolve(target));
    case 'azure':
      if (!options.azure) {
        throw new SourceInputError('azure source needs Azure settings (tenant, client, auth mode) that were not given');
      }
      return options.azure(target);
    default:
      throw new SourceInputError(`unknown source kind "${kind}" in "${spec}": use lab:, files: or azure:`);
  }
}
