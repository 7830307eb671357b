// The panel: frames → timeline model + verdict cards, with error, empty and partial states.
import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { LoadingState, type GrafanaTheme2, type PanelProps } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import { selectors } from '../../datasource/selectors';
import { declaredConfigFromFrames } from './data/declared-config';
import { windowsToDraw } from './data/highlight';
import { timelineFromFrames } from './data/timeline-from-frames';
import { verdictCards } from './data/verdicts';
import { DECLARED_LINE_HEIGHT, DeclaredConfigLine } from './components/DeclaredConfigLine';
import { HypothesesView } from './components/HypothesesView';
import { withDefaults, type HypothesesOptions } from './options';

type Props = PanelProps<HypothesesOptions>;

export function HypothesesPanel({ data, options: stored, width, height, timeRange }: Props) {
  const styles = useStyles2(getStyles);
  const options = withDefaults(stored);
  const view = useMemo(() => {
    const range = { from: timeRange.from.valueOf(), to: timeRange.to.valueOf() };
    const timeline = timelineFromFrames(data.series, range);
    const { cards: allCards, problems } = verdictCards(data.series);
    const cards = allCards.filter((card) => (options.hypotheses.length === 0 || options.hypotheses.includes(card.id as never)) && !(options.hideWeakened && card.verdict === 'weakened'));
    const shownIds = new Set(cards.map((card) => card.id));
    const windows = windowsToDraw(timeline.windows, allCards).filter((window) => shownIds.size === 0 || shownIds.has(window.hypothesis));
    return { model: { ...timeline, windows }, cards, declared: declaredConfigFromFrames(data.series), problems: [...timeline.problems, ...problems] };
  }, [data.series, timeRange, options.hypotheses, options.hideWeakened]);

  const errors = (data.errors ?? []).map((error) => `${error.refId ? `${error.refId}: ` : ''}${error.message ?? 'query failed'}`);
  if (data.series.length === 0) {
    const failed = data.state === LoadingState.Error || errors.length > 0;
    return (
      <div className={styles.state} data-testid={selectors.panel.state} data-state={failed ? 'error' : 'empty'}>
        {failed ? (
          <Alert severity="error" title="The queries failed">
            {errors.map((error) => (
              <div key={error}>{error}</div>
            ))}
          </Alert>
        ) : (
          <p>No data in this range. Add queries of type Series, Markers, 499 clusters and Hypotheses on an App Service 5xx Triage data source.</p>
        )}
      </div>
    );
  }
  const warnings = [...errors, ...view.problems];
  const warningHeight = (warnings.length ? 28 : 0) + (view.declared ? DECLARED_LINE_HEIGHT : 0);
  return (
    <div data-testid={selectors.panel.root} style={{ width, height }}>
      {warnings.length > 0 && (
        <div className={styles.partial} data-testid={selectors.panel.state} data-state="partial" role="status" title={warnings.join('\n')}>
          Partial: {warnings[0]}
          {warnings.length > 1 ? ` (+${warnings.length - 1} more)` : ''}
        </div>
      )}
      {view.declared && <DeclaredConfigLine items={view.declared} />}
      <HypothesesView
        model={view.model}
        cards={view.cards}
        width={width}
        height={height - warningHeight}
        options={options}
        noCardsHint="No hypothesis verdicts: add a query of type Hypotheses (format Verdicts)."
      />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  state: css({ padding: theme.spacing(1), color: theme.colors.text.secondary, height: '100%', overflow: 'auto' }),
  partial: css({
    height: 24,
    marginBottom: 4,
    padding: theme.spacing(0, 1),
    display: 'flex',
    alignItems: 'center',
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.warning.text,
    background: theme.colors.warning.transparent,
    borderRadius: theme.shape.radius.default,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
  }),
});
