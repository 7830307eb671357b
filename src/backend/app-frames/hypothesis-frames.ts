// The assessment → `hypotheses` (one row per hypothesis, most likely first), `hypothesis-scores`
// (score per bin, for alerting) and `hypothesis-windows` (annotation rows).
import type { Assessment, HypothesisAssessment } from '../../engine/assess/types';
import { FRAME, type HypothesisId } from '../../shared/frame-contract';
import type { Frame } from '../frames/frame';

function pick(assessment: Assessment, ids: readonly HypothesisId[]): HypothesisAssessment[] {
  const byId = new Map(assessment.hypotheses.map((h) => [h.id, h]));
  return assessment.ranking.filter((id) => ids.length === 0 || ids.includes(id)).flatMap((id) => byId.get(id) ?? []);
}

export function buildVerdictsFrame(assessment: Assessment, ids: readonly HypothesisId[], refId: string): Frame {
  const rows = pick(assessment, ids);
  return {
    name: FRAME.hypotheses,
    refId,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      { name: 'id', type: 'string', values: rows.map((h) => h.id) },
      { name: 'title', type: 'string', values: rows.map((h) => h.title) },
      { name: 'verdict', type: 'string', values: rows.map((h) => h.verdict) },
      { name: 'score', type: 'float64', values: rows.map((h) => h.score), config: { unit: 'percentunit', min: 0, max: 1 } },
      { name: 'summary', type: 'string', values: rows.map((h) => h.summary) },
      { name: 'evidence', type: 'string', values: rows.map((h) => JSON.stringify(h.evidence)) },
      { name: 'windows', type: 'string', values: rows.map((h) => JSON.stringify(h.windows)) },
      { name: 'nextChecks', type: 'string', values: rows.map((h) => JSON.stringify(h.nextChecks)) },
    ],
  };
}

export function buildScoresFrame(assessment: Assessment, ids: readonly HypothesisId[], refId: string): Frame {
  const { time, scores, windowMs } = assessment.scoreSeries;
  const chosen = pick(assessment, ids).map((h) => h.id);
  return {
    name: FRAME.hypothesisScores,
    refId,
    meta: { type: 'timeseries-wide', typeVersion: [0, 1], custom: { windowMs } },
    fields: [
      { name: 'time', type: 'time', values: time, nullable: false },
      ...chosen.map((id) => ({
        name: 'score',
        type: 'float64' as const,
        values: scores[id] ?? new Array<number>(time.length).fill(0),
        labels: { hypothesis: id },
        config: { unit: 'percentunit', min: 0, max: 1, displayNameFromDS: `${id} score` },
        nullable: false,
      })),
    ],
  };
}

export function buildWindowsFrame(assessment: Assessment, ids: readonly HypothesisId[], refId: string): Frame {
  const rows = pick(assessment, ids).flatMap((h) => h.windows.map((w) => ({ h, w })));
  return {
    name: FRAME.hypothesisWindows,
    refId,
    fields: [
      { name: 'time', type: 'time', values: rows.map(({ w }) => w.from), nullable: false },
      { name: 'timeEnd', type: 'time', values: rows.map(({ w }) => w.to), nullable: false },
      { name: 'title', type: 'string', values: rows.map(({ h }) => `${h.id} ${h.verdict} (${Math.round(h.score * 100)}%): ${h.title}`) },
      { name: 'text', type: 'string', values: rows.map(({ w }) => `signals: ${w.signals.join(', ')}`) },
      { name: 'tags', type: 'json', values: rows.map(({ h }) => [h.id, h.verdict]) },
      { name: 'hypothesis', type: 'string', values: rows.map(({ h }) => h.id) },
      { name: 'verdict', type: 'string', values: rows.map(({ h }) => h.verdict) },
    ],
  };
}
