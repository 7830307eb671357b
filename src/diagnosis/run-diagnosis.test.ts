import path from 'node:path';
import type { LogTable } from '../engine';
import { FilesSource } from '../sources/files/files-source';
import type { Source, SourceData } from '../sources/source';
import { runDiagnosis } from './run-diagnosis';

const corpus = path.resolve(__dirname, '../../../shared/corpus/azure-labs');

function sourceOf(kind: Source['kind'], data: Omit<SourceData, 'warnings' | 'description'>): Source {
  return {
    kind,
    describe: () => `${kind}:test`,
    load: async () => ({ description: `${kind}:test`, warnings: [], ...data }),
    health: async () => ({ status: 'ok', message: '', checks: [] }),
  };
}

describe('runDiagnosis', () => {
  it('takes a corpus folder through parse, derive and assess', async () => {
    const diagnosis = await runDiagnosis(new FilesSource(path.join(corpus, 'snat-exhaustion')), { binMs: 60_000 });
    expect(diagnosis.signals.totals.rows).toBe(195);
    expect(diagnosis.signals.markers.filter((m) => m.kind === 'worker-timeout').length).toBe(18);
    expect(diagnosis.assessment.ranking).toHaveLength(diagnosis.assessment.hypotheses.length);
    expect(diagnosis.app.hosts.length).toBeGreaterThan(0);
    expect(diagnosis.app.hosts.some((h) => h.includes('.scm.'))).toBe(false);
  });

  it('derives from pushed-down HttpBins when the source returns them (percentiles estimated)', async () => {
    const columns = ['bin', 'path', 'instance', 'requests', 's2xx', 's3xx', 's4xx', 's5xx', 's499', 's500', 's502', 's503', 's504', 'p50', 'p95', 'p99', 'max'];
    const bins: LogTable = {
      name: 'HttpBins',
      columns: columns.map((name) => ({ name, type: name === 'bin' ? 'datetime' : ['path', 'instance'].includes(name) ? 'string' : 'real' })),
      rows: [
        ['2026-04-04T05:00:00Z', '', '', 10, 8, 0, 0, 2, 0, 0, 2, 0, 0, 20, 900, 990, 1000],
        ['2026-04-04T05:01:00Z', '', '', 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 10, 30, 40, 41],
      ],
    };
    const diagnosis = await runDiagnosis(sourceOf('azure', { tables: [{ kind: 'bins', table: bins, origin: 'HttpBins' }] }), { binMs: 60_000 });
    expect(diagnosis.signals.percentiles).toBe('estimated');
    expect(diagnosis.signals.totals).toMatchObject({ requests: 14, err5xx: 2 });
    expect(diagnosis.signals.series.s502.slice(0, 2)).toEqual([2, 0]);
  });
});
