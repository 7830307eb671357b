// Every query the builder emits is parsed by Microsoft's Kusto language service against the real
// App Service table schemas: zero syntax and semantic diagnostics.
import { analyzeKql } from '../testing/kusto-language-service';
import { buildHealthQuery } from './health-query';
import { HTTP_BINS_COLUMNS, buildHttpBinsQuery } from './http-bins-query';
import { parseTimespan } from './literals';
import { QueryScope } from './query-scope';
import { buildClientAbortQuery, buildConsoleLinesQuery, buildPlatformLinesQuery, buildScmDeployQuery } from './raw-event-queries';

const window = { from: Date.UTC(2026, 3, 4, 5, 0), to: Date.UTC(2026, 3, 4, 6, 0) };

const scopes: Record<string, QueryScope> = {
  unfiltered: { window, bin: parseTimespan('1m', 'bin') },
  filtered: {
    window,
    bin: parseTimespan('30s', 'bin'),
    paths: ['/slow', '/fast'],
    instances: ['lw1sdlwk000ABC'],
    app: { resourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/app', name: 'app' },
    includeScm: true,
  },
};

describe.each(Object.entries(scopes))('generated KQL (%s scope)', (_name, scope) => {
  const queries: Record<string, string> = {
    httpBins: buildHttpBinsQuery(scope),
    clientAborts: buildClientAbortQuery(scope),
    consoleLines: buildConsoleLinesQuery(scope),
    platformLines: buildPlatformLinesQuery(scope),
    scmDeploys: buildScmDeployQuery(scope),
    health: buildHealthQuery(scope.app),
  };
  it.each(Object.entries(queries))('%s has no diagnostics', (_query, text) => {
    expect(analyzeKql(text).diagnostics).toEqual([]);
  });
});

it('the HttpBins query returns exactly the contract columns and Kusto types, in order', () => {
  const analysis = analyzeKql(buildHttpBinsQuery(scopes.filtered));
  expect(analysis.diagnostics).toEqual([]);
  expect(analysis.resultColumns).toEqual(HTTP_BINS_COLUMNS);
  expect(HTTP_BINS_COLUMNS.map((c) => c.name)).toEqual(
    ['bin', 'path', 'instance', 'requests', 's2xx', 's3xx', 's4xx', 's5xx', 's499', 's500', 's502', 's503', 's504', 'p50', 'p95', 'p99', 'max']
  );
});

it('the raw queries return the columns the engine reads', () => {
  const names = (query: string) => analyzeKql(query).resultColumns.map((c) => `${c.name}:${c.type}`);
  expect(names(buildClientAbortQuery(scopes.unfiltered))).toEqual([
    'TimeGenerated:datetime', 'CsUriStem:string', 'ScStatus:int', 'TimeTaken:int', 'CsHost:string', 'ComputerName:string',
  ]);
  expect(names(buildConsoleLinesQuery(scopes.unfiltered))).toEqual([
    'TimeGenerated:datetime', 'Level:string', 'Host:string', 'ResultDescription:string', 'ContainerId:string',
  ]);
  expect(names(buildPlatformLinesQuery(scopes.unfiltered))).toEqual([
    'TimeGenerated:datetime', 'Level:string', 'Message:string', 'Host:string', 'ContainerId:string', 'OperationName:string', 'DeploymentId:string',
  ]);
  expect(names(buildScmDeployQuery(scopes.filtered))).toEqual([
    'TimeGenerated:datetime', 'CsUriStem:string', 'ScStatus:int', 'TimeTaken:int', 'CsHost:string', 'ComputerName:string', 'CsMethod:string',
  ]);
  expect(names(buildHealthQuery())).toEqual(['SourceTable:string', 'rowCount:long', 'lastRow:datetime']);
});

it('the language service does flag a wrong column (the validator is not blind)', () => {
  const broken = buildClientAbortQuery(scopes.unfiltered).replace('CsUriStem', 'CsUriStemX');
  expect(analyzeKql(broken).diagnostics.join('\n')).toMatch(/CsUriStemX/);
});

it('the SCM deploy query leaves out 499s only when the 499 query already brings SCM rows', () => {
  expect(buildScmDeployQuery(scopes.filtered)).toContain('| where ScStatus != 499');
  expect(buildScmDeployQuery(scopes.unfiltered)).not.toContain('ScStatus !=');
  // Site-wide: neither the path nor the instance filter of the scope narrows it.
  expect(buildScmDeployQuery(scopes.filtered)).not.toMatch(/CsUriStem in \(|ComputerName in/);
  // The app filter of a shared workspace does apply.
  expect(buildScmDeployQuery(scopes.filtered)).toContain("| where _ResourceId endswith \"/sites/app\"");
});
