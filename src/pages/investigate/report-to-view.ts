// The `/report` diagnosis → the same timeline model and verdict cards the panel draws from frames,
// so the Investigate page and the dashboards show one picture.
import type { DiagnosisReport } from '../../engine/report/report-types';
import { rankCards } from '../../panels/hypotheses/data/verdicts';
import type { TimelineModel } from '../../panels/hypotheses/data/timeline.types';
import type { Evidence, VerdictCard } from '../../panels/hypotheses/data/verdict-card.types';
import { windowsToDraw } from '../../panels/hypotheses/data/highlight';
import { platformFromReport } from '../../panels/hypotheses/data/platform-from-report';

const ms = (iso: string) => Date.parse(iso);

export function cardsFromReport(report: DiagnosisReport): VerdictCard[] {
  const rank = new Map(report.ranking.map((id, i) => [id, i]));
  const cards: VerdictCard[] = report.hypotheses.map((hypothesis) => ({
    id: hypothesis.id,
    title: hypothesis.title,
    verdict: hypothesis.verdict,
    score: hypothesis.score,
    summary: hypothesis.summary,
    evidence: hypothesis.evidence.map(
      (item): Evidence => ({
        ...item,
        window: item.window && { from: ms(item.window.from), to: ms(item.window.to) },
        pointers: item.pointers.map((pointer) => (pointer.kind === 'bins' ? { ...pointer, from: ms(pointer.from), to: ms(pointer.to) } : pointer)),
      })
    ),
    windows: hypothesis.windows.map((window) => ({ from: ms(window.from), to: ms(window.to), signals: window.signals })),
    nextChecks: hypothesis.nextChecks,
  }));
  // The report's ranking is the engine's order; hypotheses it leaves out follow by score.
  const ranked = rankCards(cards);
  return ranked.sort((a, b) => (rank.get(a.id as never) ?? Infinity) - (rank.get(b.id as never) ?? Infinity));
}

export function timelineFromReport(report: DiagnosisReport, cards: VerdictCard[]): TimelineModel {
  const time = report.series.time.map(ms);
  return {
    range: { from: ms(report.window.from), to: ms(report.window.to) },
    series: time.length
      ? { time, binMs: report.window.binMs, values: { requests: report.series.requests, errPct: report.series.errPct, p95: report.series.p95, p99: report.series.p99 } }
      : undefined,
    ...(report.metrics ? { platform: platformFromReport(report) } : {}),
    markers: report.markers.map((marker, index) => ({ index, time: ms(marker.time), kind: marker.kind, title: marker.title, sourceLine: marker.source.line, instance: marker.instance })),
    clusters: report.clusters.map((cluster, index) => ({
      index,
      from: ms(cluster.start),
      to: ms(cluster.end),
      title: `${cluster.count} × ${cluster.status} at ≈${(cluster.boundaryMs / 1000).toFixed(1)} s`,
      count: cluster.count,
      boundaryMs: cluster.boundaryMs,
      status: cluster.status,
      kind: cluster.kind,
    })),
    windows: windowsToDraw([], cards),
    problems: time.length ? [] : ['the report has no series bins: no HTTP requests in this range'],
  };
}
