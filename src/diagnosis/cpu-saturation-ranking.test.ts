// End to end through runDiagnosis: a CPU-saturation incident ranks C1 first and H1 below it, on the
// lab's real recording (per-second CPU under a 0.5 vCPU cgroup quota) and on a synthetic source.
import { scenarioHttpTable, scenarioMetrics } from '../engine/assess/testing/metrics-scenario';
import { defaultRecordingsDir } from '../sources/open-source';
import { LabSource } from '../sources/lab/lab-source';
import type { Source, SourceData } from '../sources/source';
import { runDiagnosis, type Diagnosis } from './run-diagnosis';

function ranks(diagnosis: Diagnosis) {
  const { ranking, hypotheses } = diagnosis.assessment;
  const of = (id: string) => hypotheses.find((item) => item.id === id);
  return { ranking, c1: of('C1'), h1: of('H1') };
}

describe('CPU saturation through runDiagnosis', () => {
  it('lab:c1-cpu-saturation at 1-min bins: C1 supported and first, cpu-sustained-high from the recorded CPU, H1 below with CPU against it', async () => {
    const diagnosis = await runDiagnosis(new LabSource({ recordingsDir: defaultRecordingsDir(), scenario: 'c1-cpu-saturation' }), { binMs: 60_000 });
    const { ranking, c1, h1 } = ranks(diagnosis);
    expect(diagnosis.signals.metrics?.series.map((series) => series.name)).toEqual(expect.arrayContaining(['CpuPercentage', 'MemoryPercentage']));
    expect(ranking[0]).toBe('C1');
    expect(c1?.verdict).toBe('supported');
    expect(c1?.evidence.find((item) => item.signal === 'cpu-sustained-high')?.effect).toBe('supports');
    expect(ranking.indexOf('H1')).toBeGreaterThan(0);
    expect(h1?.score).toBeLessThan(c1?.score ?? 0);
    expect(h1?.evidence.find((item) => item.signal === 'cpu-saturated-on-failing-instance')?.effect).toBe('weakens');
  });

  it('a source handing over HTTP rows and metrics (synthetic: CPU 95% while load triples): runDiagnosis passes the metrics to derive and C1 ranks first', async () => {
    const options = { cpu: { calm: 30, incident: 95 } };
    const data: SourceData = { description: 'test', warnings: [], tables: [{ kind: 'http', table: scenarioHttpTable(options), origin: 'test' }], metrics: scenarioMetrics(options) };
    const source: Source = { kind: 'files', describe: () => 'files:test', load: async () => data, health: async () => ({ status: 'ok', message: '', checks: [] }) };
    const { ranking, c1, h1 } = ranks(await runDiagnosis(source, { binMs: 60_000 }));
    expect(ranking[0]).toBe('C1');
    expect(c1?.verdict).toBe('supported');
    expect(h1?.score).toBeLessThan(c1?.score ?? 0);
  });
});
