// Signals + assessment → the report object of DESIGN.md, with every time as an ISO string.
import { Signals } from '..';
import { DeclaredConfig } from '../config';
import { isoTime } from './iso-time';
import { metricsSection } from './metrics-section';
import { workerModelSection } from './worker-model-section';
import { Assessment, Evidence, EvidencePointer, HypothesisAssessment } from '../assess/types';
import { DiagnosisReport, ReportEvidence, ReportPointer, ReportSource } from './report-types';

/** What the caller knows about where the data came from (a SourceData, described without importing sources). */
export interface ReportSourceInput {
  spec: string;
  description: string;
  warnings?: ReportSource['warnings'];
  files?: ReportSource['files'];
  timeShiftMs?: number;
}

export { isoTime };

function pointer(item: EvidencePointer): ReportPointer {
  return item.kind === 'bins' ? { ...item, from: isoTime(item.from), to: isoTime(item.to) } : item;
}

function evidence(item: Evidence): ReportEvidence {
  const { window, pointers, ...rest } = item;
  return {
    ...rest,
    ...(window ? { window: { from: isoTime(window.from), to: isoTime(window.to) } } : {}),
    pointers: pointers.map(pointer),
  };
}

function hypothesis(item: HypothesisAssessment) {
  return {
    id: item.id,
    title: item.title,
    verdict: item.verdict,
    score: Math.round(item.score * 1000) / 1000,
    summary: item.summary,
    evidence: item.evidence.map(evidence),
    windows: item.windows.map((window) => ({ from: isoTime(window.from), to: isoTime(window.to), signals: window.signals })),
    nextChecks: item.nextChecks,
  };
}

export function buildReport(signals: Signals, assessment: Assessment, source: ReportSourceInput, declared?: DeclaredConfig): DiagnosisReport {
  const series = signals.series;
  const metrics = metricsSection(signals.metrics);
  return {
    window: {
      from: isoTime(signals.window.from),
      to: isoTime(signals.window.to),
      binMs: signals.binMs,
      runs: signals.runs.map((run) => ({ from: isoTime(run.from), to: isoTime(run.to), requests: run.requests })),
    },
    source: {
      spec: source.spec,
      description: source.description,
      warnings: source.warnings ?? [],
      files: source.files ?? [],
      timeShiftMs: source.timeShiftMs ?? 0,
      percentiles: signals.percentiles,
      skippedRows: signals.issues,
    },
    totals: {
      ...signals.totals,
      endpoints: signals.endpoints.map((item) => ({
        path: item.path,
        requests: item.requests,
        err5xx: item.err5xx,
        s499: item.s499,
        failPct: item.failPct,
        p50: item.p50,
        p95: item.p95,
        max: item.max,
      })),
    },
    series: {
      time: series.time.map(isoTime),
      requests: series.requests,
      err5xx: series.err5xx,
      errPct: series.errPct,
      s499: series.s499,
      s500: series.s500,
      s502: series.s502,
      s503: series.s503,
      s504: series.s504,
      p50: series.p50,
      p95: series.p95,
      p99: series.p99,
      max: series.max,
      scores: assessment.scoreSeries.scores,
      scoreWindowMs: assessment.scoreSeries.windowMs,
    },
    clusters: signals.clusters.map((cluster) => ({
      start: isoTime(cluster.start),
      end: isoTime(cluster.end),
      requestStartFrom: isoTime(cluster.requestStartFrom),
      requestStartTo: isoTime(cluster.requestStartTo),
      count: cluster.count,
      status: cluster.status,
      boundaryMs: cluster.boundaryMs,
      spreadMs: cluster.spreadMs,
      paths: cluster.paths,
      instances: cluster.instances,
      kind: cluster.kind,
      reason: cluster.reason,
    })),
    markers: signals.markers.map((marker) => ({ ...marker, time: isoTime(marker.time) })),
    workerModel: workerModelSection(signals.workerModel, declared),
    ...(metrics ? { metrics } : {}),
    hypotheses: assessment.hypotheses.map(hypothesis),
    ranking: assessment.ranking,
  };
}
