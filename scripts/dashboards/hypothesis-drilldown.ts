// One drill-down per hypothesis: its verdict, score over time, evidence and next checks from the
// hypotheses frame, then the evidence panels that hypothesis is judged on (hypothesis-evidence.ts).
import { annotations, dashboard, HYPOTHESIS_TAG } from './dashboard';
import { jsonCell, trafficLight, UNIT, wrapText } from './field-config';
import type { Dashboard } from './grafana-json';
import { layout } from './layout';
import { stat, table, timeSeries, type PanelSpec } from './panels';
import { hypotheses } from './queries';
import type { HypothesisId } from '../../src/shared/frame-contract';

export interface HypothesisSpec {
  id: HypothesisId;
  title: string;
  /** What supports and what weakens it, in the playbook's words. */
  description: string;
  evidence: PanelSpec[][];
}

export function hypothesisUid(id: HypothesisId): string {
  return `appsvc-${id.toLowerCase()}`;
}

/** The score the H1 alert rule fires above; drawn on every score chart. */
export const SCORE_ALERT_THRESHOLD = 0.7;

function verdictRow(id: HypothesisId): PanelSpec[] {
  return [
    stat({
      title: 'Verdict',
      description: 'supported, weakened or inconclusive, from the supporting and weakening signals in the range.',
      targets: [hypotheses('verdicts', [id])],
      field: 'verdict',
      calc: 'lastNotNull',
      unit: 'none',
      verdict: true,
      h: 7,
    }),
    stat({
      title: 'Score',
      description: 'How strongly the evidence supports this hypothesis (0–100 %).',
      targets: [hypotheses('verdicts', [id])],
      field: 'score',
      calc: 'lastNotNull',
      unit: UNIT.ratio,
      steps: trafficLight(0.4, SCORE_ALERT_THRESHOLD),
      h: 7,
    }),
    timeSeries({
      title: 'Score over time',
      description: `Score per bin; the dashed line is the alert threshold (${SCORE_ALERT_THRESHOLD * 100} %).`,
      targets: [hypotheses('scores', [id])],
      unit: UNIT.ratio,
      min: 0,
      max: 1,
      thresholdLine: SCORE_ALERT_THRESHOLD,
      h: 7,
    }),
  ];
}

function evidenceRow(id: HypothesisId): PanelSpec[] {
  const only = (names: string[]) => [{ id: 'filterFieldsByName', options: { include: { names } } }];
  return [
    table({
      title: 'Evidence',
      description: 'The summary and every supporting or weakening signal, with the values it was judged on.',
      targets: [hypotheses('verdicts', [id])],
      transformations: only(['summary', 'evidence']),
      overrides: [wrapText('summary', 360), jsonCell('evidence')],
      h: 8,
    }),
    table({
      title: 'Next checks',
      description: 'What to run next to confirm or rule it out (KQL, az CLI), with the incident window filled in.',
      targets: [hypotheses('verdicts', [id])],
      transformations: only(['nextChecks']),
      overrides: [jsonCell('nextChecks')],
      h: 8,
    }),
  ];
}

export function hypothesisDashboard(spec: HypothesisSpec): Dashboard {
  return dashboard({
    uid: hypothesisUid(spec.id),
    title: `App Service 5xx Triage: ${spec.id} ${spec.title}`,
    description: spec.description,
    tags: [HYPOTHESIS_TAG, spec.id.toLowerCase()],
    panels: layout([verdictRow(spec.id), evidenceRow(spec.id), ...spec.evidence]),
    annotations: annotations(spec.id),
  });
}
