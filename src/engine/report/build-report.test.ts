import { corpusLab } from '../assess/testing/fixtures';
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
    const segment = report.workerModel.find((item) => item.workers === 4);
    expect(segment?.workerClass).toBe('sync');
    expect(segment?.timeoutSec).toBe(120);
    expect(segment?.evidence.some((item) => item.setting === 'timeoutSec')).toBe(true);
  });

  it('keeps the endpoint table and the 499/5xx split in totals', () => {
    expect(report.totals.s499).toBe(lab.signals.totals.s499);
    expect(report.totals.endpoints.find((item) => item.path === '/outbound')?.s499).toBeGreaterThan(100);
  });
});
