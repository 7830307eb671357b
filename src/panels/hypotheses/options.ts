// Panel options: which series and hypotheses to show, and how much evidence per card.
import type { PanelOptionsEditorBuilder, SelectableValue } from '@grafana/data';
import { HYPOTHESIS_IDS, type HypothesisId } from '../../shared/frame-contract';
import { TIMELINE_SERIES, type TimelineSeriesName } from './data/timeline.types';

export interface HypothesesOptions {
  /** Series drawn on the timeline. */
  showSeries: TimelineSeriesName[];
  /** Hypotheses shown as cards and windows; all when empty. */
  hypotheses: HypothesisId[];
  /** Hide hypotheses whose verdict is `weakened`. */
  hideWeakened: boolean;
  /** How many evidence lines each card shows. */
  evidencePerCard: number;
  /** Draw the CPU / memory lane when a query returns platform metrics. */
  showPlatformMetrics: boolean;
}

export const defaultOptions: HypothesesOptions = { showSeries: [...TIMELINE_SERIES], hypotheses: [], hideWeakened: false, evidencePerCard: 3, showPlatformMetrics: true };

// Grafana types a multi-select's choices by the whole option value (an array); each choice is one item.
const multiOptions = <T extends string>(values: readonly T[]) => values.map((value) => ({ value, label: value })) as unknown as Array<SelectableValue<T[]>>;

export function buildOptions(builder: PanelOptionsEditorBuilder<HypothesesOptions>) {
  return builder
    .addMultiSelect({
      path: 'showSeries',
      name: 'Series',
      description: 'What the timeline draws',
      defaultValue: defaultOptions.showSeries,
      settings: { options: multiOptions(TIMELINE_SERIES) },
    })
    .addMultiSelect({
      path: 'hypotheses',
      name: 'Hypotheses',
      description: 'Which hypotheses get a card and windows; all when empty',
      defaultValue: defaultOptions.hypotheses,
      settings: { options: multiOptions(HYPOTHESIS_IDS) },
    })
    .addBooleanSwitch({
      path: 'showPlatformMetrics',
      name: 'CPU and memory lane',
      description: 'Per-instance CPU and memory from a Platform metrics query, the failing instance drawn strong',
      defaultValue: defaultOptions.showPlatformMetrics,
    })
    .addBooleanSwitch({ path: 'hideWeakened', name: 'Hide weakened hypotheses', defaultValue: defaultOptions.hideWeakened })
    .addNumberInput({ path: 'evidencePerCard', name: 'Evidence lines per card', defaultValue: defaultOptions.evidencePerCard, settings: { min: 0, max: 10, integer: true } });
}

/** Options as stored may predate a field: fill the gaps with the defaults. */
export function withDefaults(options: Partial<HypothesesOptions> | undefined): HypothesesOptions {
  return { ...defaultOptions, ...options, showSeries: options?.showSeries?.length ? options.showSeries : defaultOptions.showSeries };
}
