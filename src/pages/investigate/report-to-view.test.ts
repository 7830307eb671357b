import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagnosisReport } from '../../engine/report/report-types';
import { cardsFromReport, timelineFromReport } from './report-to-view';

// A report the engine produced on the h1-two-instances lab recording (tests/browser/capture-fixtures.ts).
const fixture = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'tests', 'browser', 'fixtures', 'h1-two-instances.json'), 'utf8'));
const report = fixture.report as DiagnosisReport;

describe('report → view', () => {
  const cards = cardsFromReport(report);
  const model = timelineFromReport(report, cards);

  it('orders the cards as the report ranks them', () => {
    expect(cards.map((card) => card.id)).toEqual(report.ranking);
  });

  it('turns every ISO time into epoch ms', () => {
    expect(model.range).toEqual({ from: Date.parse(report.window.from), to: Date.parse(report.window.to) });
    expect(model.series?.time[0]).toBe(Date.parse(report.series.time[0]));
    expect(model.clusters.map((cluster) => cluster.from)).toEqual(report.clusters.map((cluster) => Date.parse(cluster.start)));
    for (const card of cards) {
      for (const window of card.windows) {
        expect(Number.isFinite(window.from) && window.to >= window.from).toBe(true);
      }
    }
  });

  it('keeps each marker’s source line and index (evidence pointers use the index)', () => {
    expect(model.markers.map((marker) => marker.sourceLine)).toEqual(report.markers.map((marker) => marker.source.line));
    expect(model.markers.map((marker) => marker.index)).toEqual(report.markers.map((_, index) => index));
  });

  it('draws the windows of the hypotheses the report found', () => {
    const withWindows = report.hypotheses.filter((hypothesis) => hypothesis.windows.length > 0).map((hypothesis) => hypothesis.id);
    expect([...new Set(model.windows.map((window) => window.hypothesis))].sort()).toEqual([...withWindows].sort());
  });

  it('says so when the report has no bins', () => {
    const empty = timelineFromReport({ ...report, series: { ...report.series, time: [] } }, cards);
    expect(empty.series).toBeUndefined();
    expect(empty.problems).toEqual([expect.stringContaining('no series bins')]);
  });
});
