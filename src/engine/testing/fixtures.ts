// Test-only helpers (imported by *.test.ts, never by the engine): load the shared corpus and the lab
// recordings, and build small Log Analytics tables from seed lines.
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { LogTable } from '../model/input';

const REPO_ROOT = join(__dirname, '..', '..', '..');
export const CORPUS_DIR = join(REPO_ROOT, '..', 'shared', 'corpus', 'azure-labs');
export const RECORDINGS_DIR = join(REPO_ROOT, 'lab', 'recordings');
const EXPORT_STAMP = '20260404T060610Z';

export type CorpusKind = 'http' | 'console' | 'platform';

/** The non-empty export of one lab (`kql-<kind>-20260404T060610Z.json`). */
export function corpusTable(lab: string, kind: CorpusKind): LogTable {
  const text = readFileSync(join(CORPUS_DIR, lab, 'trigger', `kql-${kind}-${EXPORT_STAMP}.json`), 'utf8');
  return (JSON.parse(text) as { tables: LogTable[] }).tables[0];
}

export type RecordingKind = 'HTTP' | 'Console' | 'Platform';

export function recordingExists(scenario: string): boolean {
  return existsSync(join(RECORDINGS_DIR, scenario, 'manifest.json'));
}

export function recordingTable(scenario: string, kind: RecordingKind): LogTable {
  const text = readFileSync(join(RECORDINGS_DIR, scenario, `AppService${kind}Logs.json`), 'utf8');
  return (JSON.parse(text) as { tables: LogTable[] }).tables[0];
}

export function recordingManifest(scenario: string): { expected: { ranking: string[] }; gunicorn: { timeout: number; workers: number; version: string } } {
  return JSON.parse(readFileSync(join(RECORDINGS_DIR, scenario, 'manifest.json'), 'utf8'));
}

const HTTP_COLUMNS = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'CsMethod', type: 'string' },
  { name: 'CsUriStem', type: 'string' },
  { name: 'ScStatus', type: 'int' },
  { name: 'TimeTaken', type: 'int' },
];

/** Parses playbook-style lines `2026-04-04T11:21:55Z GET /slow 499 4918` into an HTTP table. */
export function httpTableFromLines(lines: string[]): LogTable {
  const rows = lines.map((line) => {
    const [time, method, path, status, taken] = line.trim().split(/\s+/);
    return [time, method, path, Number(status), Number(taken)];
  });
  return { name: 'PrimaryResult', columns: HTTP_COLUMNS, rows };
}

/** Parses `2026-04-04T11:14:18Z Error <ResultDescription>` lines into a console table. */
export function consoleTableFromLines(lines: string[]): LogTable {
  const rows = lines.map((line) => {
    const match = /^(\S+) (\S+) (.*)$/.exec(line.trim());
    if (!match) {
      throw new Error(`not a console line: ${line}`);
    }
    return [match[1], match[2], match[3]];
  });
  return {
    name: 'PrimaryResult',
    columns: [
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'Level', type: 'string' },
      { name: 'ResultDescription', type: 'string' },
    ],
    rows,
  };
}
