// Hostile values in paths, instances and app names stay single string literals: the parse tree
// (every syntax kind, hence every operator) is identical to the one built from a benign value,
// and the hostile value decodes back unchanged.
import { analyzeKql } from '../testing/kusto-language-service';
import { buildHealthQuery } from './health-query';
import { buildHttpBinsQuery } from './http-bins-query';
import { parseTimespan } from './literals';
import { QueryScope } from './query-scope';
import { buildClientAbortQuery, buildConsoleLinesQuery, buildPlatformLinesQuery, buildScmDeployQuery } from './raw-event-queries';

const HOSTILE: string[] = [
  '"',
  "'",
  '\\',
  '\\"',
  '" | take 1 //',
  "' or 1==1 //",
  '"; .drop table AppServiceHTTPLogs; "',
  '/a"\n| where 1 == 1\n| project x = "',
  '/a\\"); AppServiceHTTPLogs | take 1; print ("',
  '| summarize count() by bin(TimeGenerated, 1s)',
  '// comment',
  'line\u2028separator\u2029para',
  'tab\tcr\rnul\u0000',
  'h"obfuscated"',
  '@"verbatim"',
  '```multi```',
  '{\u00e9\u00fc\u4e2d\u6587\ud83d\ude00}',
  '\ud800 lone surrogate',
];

const window = { from: Date.UTC(2026, 3, 4, 5), to: Date.UTC(2026, 3, 4, 6) };
const bin = parseTimespan('1m', 'bin');

const scopeWith = (value: string): QueryScope => ({
  window,
  bin,
  paths: [value, '/fixed'],
  instances: [value],
  app: { resourceId: value, name: value },
});

const builders: Record<string, (value: string) => string> = {
  httpBins: (value) => buildHttpBinsQuery(scopeWith(value)),
  clientAborts: (value) => buildClientAbortQuery(scopeWith(value)),
  consoleLines: (value) => buildConsoleLinesQuery(scopeWith(value)),
  platformLines: (value) => buildPlatformLinesQuery(scopeWith(value)),
  scmDeploys: (value) => buildScmDeployQuery(scopeWith(value)),
  health: (value) => buildHealthQuery({ resourceId: value, name: value }),
};

describe.each(Object.entries(builders))('%s with hostile values', (_name, build) => {
  const benign = analyzeKql(build('benign'));

  it('the benign query is clean', () => {
    expect(benign.diagnostics).toEqual([]);
    expect(benign.stringLiterals).toContain('benign');
  });

  it.each(HOSTILE.map((value) => [JSON.stringify(value), value]))('%s stays one literal', (_label, value) => {
    const hostile = analyzeKql(build(value));
    expect(hostile.diagnostics).toEqual([]);
    expect(hostile.syntaxKinds).toEqual(benign.syntaxKinds);
    expect(hostile.operators).toEqual(benign.operators);
    // Same literals in the same places, with the benign value swapped for the hostile one.
    expect(hostile.stringLiterals).toEqual(benign.stringLiterals.map((literal) => literal.split('benign').join(value)));
  });
});

it('an empty app name or resource id means no app filter, not a filter on ""', () => {
  const unfiltered = analyzeKql(buildHealthQuery());
  expect(analyzeKql(buildHealthQuery({ resourceId: '', name: '' })).syntaxKinds).toEqual(unfiltered.syntaxKinds);
  expect(analyzeKql(buildHealthQuery({ name: 'app' })).operators.filter((op) => op === 'FilterOperator')).toHaveLength(2);
});

it('naive concatenation would change the operators (the comparison detects injection)', () => {
  const naive = (value: string) => `AppServiceHTTPLogs | where CsUriStem == "${value}" | project TimeGenerated`;
  const benign = analyzeKql(naive('benign'));
  const injected = analyzeKql(naive('x" | take 1 | where "a" == "a'));
  expect(injected.operators).not.toEqual(benign.operators);
});
