// Answers for the fake Log Analytics built from the real exports in ../shared/corpus/azure-labs
// (snat-exhaustion lab: 499 waves, a capped 500-line console export, 200 platform lines).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LogTable } from '../../../engine';
import { HTTP_BINS_COLUMNS } from '../kql/http-bins-query';
import { FakeReply, QueryHandler, tableReply } from './fake-log-analytics-server';

const CORPUS = resolve(__dirname, '../../../../../shared/corpus/azure-labs');

export function corpusTable(lab: string, file: string): LogTable {
  const parsed = JSON.parse(readFileSync(resolve(CORPUS, lab, 'trigger', file), 'utf8')) as { tables: LogTable[] };
  return parsed.tables[0];
}

export const snatHttp = () => corpusTable('snat-exhaustion', 'kql-http-20260404T060610Z.json');
export const snatConsole = () => corpusTable('snat-exhaustion', 'kql-console-20260404T060610Z.json');
export const snatPlatform = () => corpusTable('snat-exhaustion', 'kql-platform-20260404T060610Z.json');

/** Two bins of the pushed-down aggregate: unsplit totals, one path, one instance. */
export const SAMPLE_HTTP_BINS: LogTable = {
  name: 'PrimaryResult',
  columns: HTTP_BINS_COLUMNS.map((c) => ({ ...c })),
  rows: [
    ['2026-04-04T05:44:00Z', '', '', 40, 12, 0, 28, 0, 28, 0, 0, 0, 0, 1200.5, 118000, 119400, 119512],
    ['2026-04-04T05:44:00Z', '/outbound', '', 30, 2, 0, 28, 0, 28, 0, 0, 0, 0, 59000, 118500, 119450, 119512],
    ['2026-04-04T05:44:00Z', '', 'lw1sdlwk0001', 40, 12, 0, 28, 0, 28, 0, 0, 0, 0, 1200.5, 118000, 119400, 119512],
  ],
};

export type QueryKind = 'httpBins' | 'clientAborts' | 'scmDeploys' | 'console' | 'platform' | 'health';

/** Which builder produced a query, read from its first line. */
const QUERY_OPENINGS: Array<[QueryKind, (query: string) => boolean]> = [
  ['httpBins', (q) => q.startsWith('let httpRows')],
  ['health', (q) => q.startsWith('union isfuzzy')],
  ['console', (q) => q.startsWith('AppServiceConsoleLogs')],
  ['platform', (q) => q.startsWith('AppServicePlatformLogs')],
  ['clientAborts', (q) => q.startsWith('AppServiceHTTPLogs') && q.includes('ScStatus == 499')],
  ['scmDeploys', (q) => q.startsWith('AppServiceHTTPLogs') && q.includes('| where CsHost contains ".scm."')],
];

/** The corpus' Kudu/SCM deploy rows (what buildScmDeployQuery keeps: upload and deployment API paths on `.scm.` hosts). */
export function scmDeployRows(http: LogTable): LogTable {
  const host = http.columns.findIndex((c) => c.name === 'CsHost');
  const path = http.columns.findIndex((c) => c.name === 'CsUriStem');
  return {
    ...http,
    rows: http.rows.filter((row) => String(row[host]).includes('.scm.') && /^\/(api\/(zipdeploy|publish|wardeploy|deploy|deployments|zip\/)|deploy)/i.test(String(row[path]))),
  };
}

export function queryKind(query: string): QueryKind {
  const found = QUERY_OPENINGS.find(([, matches]) => matches(query));
  if (!found) {
    throw new Error(`fake Log Analytics: unexpected query ${query.slice(0, 60)}`);
  }
  return found[0];
}

/** A handler answering each dashboard query from the corpus; `override` replaces one kind's reply. */
export function dashboardHandler(override: Partial<Record<QueryKind, () => FakeReply>> = {}): QueryHandler {
  return (recorded) => {
    const kind = queryKind(recorded.query);
    const special = override[kind];
    if (special) {
      return special();
    }
    switch (kind) {
      case 'httpBins':
        return tableReply(SAMPLE_HTTP_BINS);
      case 'clientAborts': {
        const http = snatHttp();
        const status = http.columns.findIndex((c) => c.name === 'ScStatus');
        return tableReply({ columns: http.columns, rows: http.rows.filter((row) => row[status] === 499) });
      }
      case 'scmDeploys':
        return tableReply(scmDeployRows(snatHttp()));
      case 'console':
        return tableReply(snatConsole());
      case 'platform':
        return tableReply(snatPlatform());
      case 'health':
        return tableReply({ columns: [], rows: [] });
    }
  };
}
