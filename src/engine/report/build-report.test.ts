import { corpusLab } from '../assess/testing/fixtures';
import { declaredConfigFrom } from '../config';
import { buildReport } from './build-report';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('buildReport', () => {
  const lab = corpusLab('snat-exhaustion');
  const report = buildReport(lab.signals, lab.assessment, { spec: 'files:snat', description: 'snat export', warnings: [{ where: 'x.json', message: 'empty file' }] });

  it('has exactly the DESIGN.md top-level keys and keeps the ranking', () => {
    expect(Object.keys(report).sort()).toEqual(['clusters', 'hypotheses', 'markers', 'ranking', 'series', 'source', 'totals', 'window', 'workerModel'].sort());
    expect(report.ranking).toEqual(lab.assessment.ranking);
    expect(report.source.warnings).toEqual([{ where: 'x.json', message: 'empty file' }]);
    expect(report.source.percentiles).toBe('exact');
  });

  it('turns every time into an ISO string, bin pointers included', () => {
    expect(report.series.time.every((time) => ISO.test(time))).toBe(true);
    expect(report.series.time[0]).toBe(new Date(lab.signals.series.time[0]).toISOString());
    const pointers = report.hypotheses.flatMap((item) => item.evidence.flatMap((evidence) => evidence.pointers));
    const bins = pointers.filter((pointer) => pointer.kind === 'bins');
    expect(bins.length).toBeGreaterThan(0);
    for (const pointer of bins) {
      expect(pointer.kind === 'bins' && ISO.test(pointer.from) && ISO.test(pointer.to)).toBe(true);
    }
    expect(report.markers.every((marker) => ISO.test(marker.time))).toBe(true);
  });

  it('carries the worker model with the evidence for each setting (4 sync workers, --timeout 120)', () => {
    const segment = report.workerModel.inferred.find((item) => item.workers === 4);
    expect(segment?.workerClass).toBe('sync');
    expect(segment?.timeoutSec).toBe(120);
    expect(segment?.evidence.some((item) => item.setting === 'timeoutSec')).toBe(true);
  });

  it('has no declared configuration or checks when no site config was read', () => {
    expect(report.workerModel).toMatchObject({ declared: null, checks: [], disagreements: [] });
  });

  it('puts the declared configuration beside the inferred model and flags what the logs contradict', () => {
    const declared = declaredConfigFrom({ web: { appCommandLine: 'gunicorn --workers 2 --timeout 30 app:app', linuxFxVersion: 'PYTHON|3.11' }, webFrom: 'config.json', appSettings: [] });
    const withConfig = buildReport(lab.signals, lab.assessment, { spec: 'files:snat', description: 'snat export' }, declared);
    expect(withConfig.workerModel.declared?.workerModel).toMatchObject({ workers: { value: 2, from: 'appCommandLine' }, timeoutSec: { value: 30, from: 'appCommandLine' } });
    const disagreeing = Object.fromEntries(withConfig.workerModel.disagreements.map((check) => [check.setting, check.observed.map((item) => item.value)]));
    expect(disagreeing.workers).toContain(4);
    expect(disagreeing.timeoutSec).toContain(120);
    expect(withConfig.workerModel.disagreements.flatMap((check) => check.observed).every((item) => item.time === undefined || ISO.test(item.time))).toBe(true);
  });

  it('keeps the endpoint table and the 499/5xx split in totals', () => {
    expect(report.totals.s499).toBe(lab.signals.totals.s499);
    expect(report.totals.endpoints.find((item) => item.path === '/outbound')?.s499).toBeGreaterThan(100);
  });
});
