import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { verdictCards, type Verdict } from './data/verdicts';
import type { HypothesesOptions } from './options';

type Props = PanelProps<HypothesesOptions>;

export function HypothesesPanel({ data, options, width, height }: Props) {
  const styles = useStyles2(getStyles);
  const cards = verdictCards(data.series).filter((card) => !(options.hideWeakened && card.verdict === 'weakened'));
  if (cards.length === 0) {
    return <div className={styles.empty}>No hypothesis verdicts in this range. Add a query of type “hypotheses”.</div>;
  }
  return (
    <ol className={styles.list} style={{ width, height }} aria-label="Hypotheses, most likely first">
      {cards.map((card) => (
        <li key={card.id} className={styles.card} data-verdict={card.verdict}>
          <strong>{card.id}</strong> {card.title} — <span className={styles.verdict[card.verdict]}>{card.verdict}</span>{' '}
          ({Math.round(card.score * 100)}%)
          {card.summary && <p className={styles.summary}>{card.summary}</p>}
        </li>
      ))}
    </ol>
  );
}

const getStyles = (theme: GrafanaTheme2) => {
  const verdictColor = (color: string) => css({ color, fontWeight: theme.typography.fontWeightMedium });
  const verdict: Record<Verdict, string> = {
    supported: verdictColor(theme.colors.error.text),
    weakened: verdictColor(theme.colors.success.text),
    inconclusive: verdictColor(theme.colors.text.secondary),
  };
  return {
    empty: css({ color: theme.colors.text.secondary, padding: theme.spacing(1) }),
    list: css({ listStyle: 'none', margin: 0, padding: 0, overflow: 'auto' }),
    card: css({ padding: theme.spacing(1), borderBottom: `1px solid ${theme.colors.border.weak}` }),
    summary: css({ margin: 0, color: theme.colors.text.secondary }),
    verdict,
  };
};
