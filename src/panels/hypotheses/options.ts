import type { PanelOptionsEditorBuilder } from '@grafana/data';

export interface HypothesesOptions {
  /** Hide hypotheses whose verdict is `weakened`. */
  hideWeakened: boolean;
  /** How many evidence lines each card shows. */
  evidencePerCard: number;
}

export const defaultOptions: HypothesesOptions = { hideWeakened: false, evidencePerCard: 3 };

export function buildOptions(builder: PanelOptionsEditorBuilder<HypothesesOptions>) {
  return builder
    .addBooleanSwitch({ path: 'hideWeakened', name: 'Hide weakened hypotheses', defaultValue: defaultOptions.hideWeakened })
    .addNumberInput({ path: 'evidencePerCard', name: 'Evidence lines per card', defaultValue: defaultOptions.evidencePerCard });
}
