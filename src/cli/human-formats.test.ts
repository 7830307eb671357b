import { runDiagnosis } from '../diagnosis/run-diagnosis';
import { assess } from '../engine/assess';
import { openSource } from '../sources/open-source';
import { analyzeKql } from '../sources/azure/testing/kusto-language-service';
import { CORPUS, spawnCli, reportOf } from './testing/run-cli';

// Each case starts the CLI (tsx + sources + engine): seconds each on a shared machine.
jest.setTimeout(120_000);

const source = `files:${CORPUS}/snat-exhaustion/trigger`;

describe('text and markdown output (spawned process)', () => {
  it('text: ranking, per-run sparklines, time-ordered clusters and markers, next checks', () => {
    const run = spawnCli(['diagnose', '--source', source]);
    expect(run.status).toBe(0);
    const text = run.stdout;
    const order = ['RANKING', 'TIMELINE', 'CLUSTERS AND MARKERS', 'HYPOTHESES', 'NEXT CHECKS'].map((heading) => text.indexOf(heading));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toMatch(/requests [▁▂▃▄▅▆▇█ ]+ {2}max \d+/);
    expect(text.match(/^TIMELINE /gm)).toHaveLength(2);
    const times = [...text.matchAll(/^ {2}(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) {2}/gm)].map((match) => match[1]);
    expect(times.length).toBeGreaterThan(5);
    expect([...times].sort()).toEqual(times);
    expect(text).toContain('worker-kill (after-timeout)');
  });

  it('markdown: tables and fenced queries ready to paste', () => {
    const run = spawnCli(['diagnose', '--source', source, '--format', 'markdown']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# 5xx triage: /);
    expect(run.stdout).toContain('| # | hypothesis | verdict | score |');
    expect(run.stdout).toContain('```kusto\nAppServiceHTTPLogs');
    expect(run.stdout).toContain('## Per-bin figures');
  });
});

describe('next-check queries', () => {
  it('every suggested KQL query parses cleanly against the real App Service schemas', async () => {
    for (const lab of ['snat-exhaustion', 'intermittent-5xx']) {
      const report = await reportOf(`files:${CORPUS}/${lab}/trigger`);
      const queries = report.hypotheses.flatMap((item) => item.nextChecks.filter((check) => check.kind === 'kql').map((check) => check.text));
      expect(queries.length).toBeGreaterThan(5);
      for (const query of queries) {
        const errors = analyzeKql(query).diagnostics.filter((line) => line.startsWith('Error'));
        expect({ query, errors }).toEqual({ query, errors: [] });
      }
    }
  });

  it('escapes hostile host names and paths: the query still parses and the literal decodes to the exact value', async () => {
    const hostile = 'evil"host\\x | take 1 //\n.azurewebsites.net';
    const { signals } = await runDiagnosis(openSource(`files:${CORPUS}/intermittent-5xx/trigger`), { binMs: 60_000 });
    const assessment = assess(signals, { app: { name: 'evil', hosts: [hostile] } });
    const queries = assessment.hypotheses.flatMap((item) => item.nextChecks.filter((check) => check.kind === 'kql').map((check) => check.text));
    const scoped = queries.filter((query) => query.includes('CsHost in~'));
    expect(scoped.length).toBeGreaterThan(0);
    for (const query of scoped) {
      const analysis = analyzeKql(query);
      expect(analysis.diagnostics.filter((line) => line.startsWith('Error'))).toEqual([]);
      expect(analysis.stringLiterals).toContain(hostile);
    }
  });
});
