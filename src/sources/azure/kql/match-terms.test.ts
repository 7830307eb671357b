// The console/platform prefilters must not lose an event the engine's parser would find: every
// corpus export is parsed whole and prefiltered (KQL `has_any` term matching simulated here),
// and the two event lists are compared.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseLogs } from '../../../engine/parse/parse-logs';
import { scmDeploymentMarkers, startsDeployment } from '../../../engine/derive/scm-deploys';
import { buildHttpTable } from '../../../engine/table/http-table-builder';
import type { LogTable } from '../../../engine';
import { corpusTable } from '../testing/corpus-replies';
import {
  CONSOLE_MATCH_TERMS,
  CONSOLE_TRACEBACK_PREFIXES,
  PLATFORM_ALWAYS_LEVELS,
  PLATFORM_MATCH_PREFIXES,
  PLATFORM_MATCH_TERMS,
  SCM_DEPLOY_PATH_PREFIXES,
  SCM_DEPLOY_UPLOAD_PATHS,
} from './match-terms';

const CORPUS = resolve(__dirname, '../../../../../shared/corpus/azure-labs');

/** KQL `has`: the needle occurs with no letter or digit right before or after it (case-insensitive). */
function has(text: string, needle: string): boolean {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'i').test(text);
}

function keepConsole(line: string): boolean {
  return CONSOLE_MATCH_TERMS.some((term) => has(line, term)) || CONSOLE_TRACEBACK_PREFIXES.some((prefix) => line.startsWith(prefix));
}

function keepPlatform(level: string, message: string): boolean {
  return (
    PLATFORM_ALWAYS_LEVELS.includes(level) ||
    PLATFORM_MATCH_TERMS.some((term) => has(message, term)) ||
    PLATFORM_MATCH_PREFIXES.some((fragment) => message.toLowerCase().includes(fragment.toLowerCase()))
  );
}

function filterRows(table: LogTable, keep: (row: unknown[]) => boolean): LogTable {
  return { ...table, rows: table.rows.filter(keep) };
}

const eventKeys = (tables: { console?: LogTable[]; platform?: LogTable[] }) =>
  parseLogs(tables).events.map((e) => `${e.kind} @${e.time} ${e.source.line}`);

const labs = readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const exportsOf = (lab: string, prefix: string) =>
  readdirSync(resolve(CORPUS, lab, 'trigger')).filter((f) => f.startsWith(prefix) && f.endsWith('T060610Z.json'));

/** buildScmDeployQuery's filter: `.scm.` host, upload path (`in~`, with or without a trailing slash) or deploy API prefix. */
function keepScm(host: string, path: string): boolean {
  const lower = path.toLowerCase();
  const uploads = SCM_DEPLOY_UPLOAD_PATHS.flatMap((p) => [p, `${p}/`]);
  return host.toLowerCase().includes('.scm.') && (uploads.includes(lower) || SCM_DEPLOY_PATH_PREFIXES.some((prefix) => lower.startsWith(prefix)));
}

const markerKeys = (table: LogTable) => scmDeploymentMarkers(buildHttpTable([table])).map((m) => `${m.time} ${m.title}`);

describe.each(labs)('%s', (lab) => {
  it.each(exportsOf(lab, 'kql-http-'))('SCM deploy prefilter keeps every deployment marker (%s)', (file) => {
    const table = corpusTable(lab, file);
    const host = table.columns.findIndex((c) => c.name === 'CsHost');
    const path = table.columns.findIndex((c) => c.name === 'CsUriStem');
    const filtered = filterRows(table, (row) => keepScm(String(row[host] ?? ''), String(row[path] ?? '')));
    expect(markerKeys(filtered)).toEqual(markerKeys(table));
  });

  it.each(exportsOf(lab, 'kql-console-'))('console prefilter keeps every parsed event (%s)', (file) => {
    const table = corpusTable(lab, file);
    const text = table.columns.findIndex((c) => c.name === 'ResultDescription');
    const filtered = filterRows(table, (row) => keepConsole(String(row[text] ?? '')));
    const full = eventKeys({ console: [table] });
    expect(eventKeys({ console: [filtered] })).toEqual(full);
    // Every non-empty export yields events, so the comparison above is never between two empty lists.
    expect(full.length > 0).toBe(table.rows.length > 0);
  });

  it.each(exportsOf(lab, 'kql-platform-'))('platform prefilter keeps every parsed event (%s)', (file) => {
    const table = corpusTable(lab, file);
    const level = table.columns.findIndex((c) => c.name === 'Level');
    const message = table.columns.findIndex((c) => c.name === 'Message');
    const filtered = filterRows(table, (row) => keepPlatform(String(row[level] ?? ''), String(row[message] ?? '')));
    const full = eventKeys({ platform: [table] });
    expect(eventKeys({ platform: [filtered] })).toEqual(full);
    expect(full.length > 0).toBe(table.rows.length > 0);
  });
});

it('every SCM upload path starts a deployment in the engine, and the corpus has deploys to find', () => {
  for (const path of SCM_DEPLOY_UPLOAD_PATHS) {
    expect([path, startsDeployment(path, 'POST'), startsDeployment(`${path}/`, 'POST')]).toEqual([path, true, true]);
  }
  expect(markerKeys(corpusTable('snat-exhaustion', 'kql-http-20260404T060610Z.json')).length).toBeGreaterThan(0);
});

it('the prefilter does drop lines (it is a filter, not a pass-through)', () => {
  const table = corpusTable('snat-exhaustion', 'kql-console-20260404T060610Z.json');
  const text = table.columns.findIndex((c) => c.name === 'ResultDescription');
  const kept = table.rows.filter((row) => keepConsole(String(row[text] ?? ''))).length;
  expect(kept).toBeLessThan(table.rows.length);
  expect(kept).toBeGreaterThan(0);
});
