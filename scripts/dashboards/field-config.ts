// Field config pieces: units, thresholds, overrides by field name. Field names come from the frame
// contract (src/shared/frame-contract.ts); the dashboard tests check every name used here exists.
import type { FieldOverride } from './grafana-json';

/** Units the frame contract promises: latency in ms, errPct in percent, counts as plain numbers. */
export const UNIT = { latency: 'ms', percent: 'percent', count: 'short', ratio: 'percentunit', seconds: 's' } as const;

export interface ThresholdStep {
  color: string;
  value: number | null;
}

export function thresholds(...steps: Array<[string, number | null]>) {
  return { mode: 'absolute', steps: steps.map(([color, value]): ThresholdStep => ({ color, value })) };
}

/** Green below `warn`, orange from `warn`, red from `alert`. */
export function trafficLight(warn: number, alert: number) {
  return thresholds(['green', null], ['orange', warn], ['red', alert]);
}

function byName(field: string, properties: FieldOverride['properties']): FieldOverride {
  return { matcher: { id: 'byName', options: field }, properties };
}

export function unitOverride(field: string, unit: string): FieldOverride {
  return byName(field, [{ id: 'unit', value: unit }]);
}

/** errPct on its own right-hand axis, in percent, so it reads next to counts. */
export function percentOnRightAxis(field: string): FieldOverride {
  return byName(field, [
    { id: 'unit', value: UNIT.percent },
    { id: 'custom.axisPlacement', value: 'right' },
    { id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } },
  ]);
}

export function colorOverride(field: string, color: string): FieldOverride {
  return byName(field, [{ id: 'color', value: { mode: 'fixed', fixedColor: color } }]);
}

/** `evidence`, `windows`, `nextChecks` are JSON strings: show them as an expandable JSON view. */
export function jsonCell(field: string): FieldOverride {
  return byName(field, [
    { id: 'custom.cellOptions', value: { type: 'json-view' } },
    { id: 'custom.inspect', value: true },
  ]);
}

export function wrapText(field: string, width: number): FieldOverride {
  return byName(field, [
    { id: 'custom.width', value: width },
    { id: 'custom.cellOptions', value: { type: 'auto', wrapText: true } },
    { id: 'custom.inspect', value: true },
  ]);
}

/** Verdict text coloured as the hypotheses panel does: supported red, inconclusive orange, weakened green. */
export const VERDICT_MAPPINGS = [
  {
    type: 'value',
    options: {
      supported: { text: 'supported', color: 'red', index: 0 },
      inconclusive: { text: 'inconclusive', color: 'orange', index: 1 },
      weakened: { text: 'weakened', color: 'green', index: 2 },
    },
  },
];

