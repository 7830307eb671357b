// One hypothesis: id, title, verdict, score bar, strongest evidence and copyable next checks.
// The header is a toggle button: pressing it shows this hypothesis on the timeline.
import React from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { ClipboardButton, useStyles2, useTheme2 } from '@grafana/ui';
import { selectors } from '../../../datasource/selectors';
import { topEvidence } from '../data/verdicts';
import type { VerdictCard as Card } from '../data/verdict-card.types';
import { hypothesisColor, verdictColor } from '../draw/palette';

interface Props {
  card: Card;
  rank: number;
  evidenceCount: number;
  selected: boolean;
  onToggle: (id: string) => void;
}

const EFFECT_MARK = { supports: '+', weakens: '−', 'not-seen': '·', 'no-data': '?' } as const;

export function VerdictCard({ card, rank, evidenceCount, selected, onToggle }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const color = verdictColor(theme, card.verdict);
  const percent = Math.round(card.score * 100);
  const evidence = topEvidence(card, evidenceCount);
  return (
    <article className={cx(styles.card, selected && styles.selected)} data-testid={selectors.panel.card} data-hypothesis={card.id} data-verdict={card.verdict} aria-labelledby={`appsvc-card-${card.id}`}>
      <button type="button" className={styles.header} aria-pressed={selected} onClick={() => onToggle(card.id)} title={selected ? 'Stop highlighting on the timeline' : 'Highlight its windows and evidence on the timeline'}>
        <span className={styles.id} style={{ borderColor: hypothesisColor(theme, card.id) }}>
          {card.id}
        </span>
        <span id={`appsvc-card-${card.id}`} className={styles.title}>
          <span className="sr-only">Rank {rank}: </span>
          {card.title}
        </span>
        <span className={styles.verdict} style={{ color, borderColor: color }}>
          {card.verdict}
        </span>
      </button>
      <div className={styles.scoreRow}>
        <div className={styles.scoreTrack} role="meter" aria-label={`${card.id} score`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <div className={styles.scoreFill} style={{ width: `${percent}%`, background: color }} />
        </div>
        <span className={styles.scoreText}>{percent}%</span>
      </div>
      {card.summary && (
        <p className={styles.summary} title={card.summary}>
          {card.summary}
        </p>
      )}
      {evidence.length > 0 && (
        <ul className={styles.evidence} aria-label={`${card.id} evidence`}>
          {evidence.map((item) => (
            <li key={item.signal} className={item.effect === 'weakens' ? styles.weakens : undefined}>
              <span className={styles.effect} aria-label={item.effect}>
                {EFFECT_MARK[item.effect]}
              </span>
              {item.observed || item.signal}
            </li>
          ))}
        </ul>
      )}
      {card.nextChecks.length > 0 && (
        <ul className={styles.checks} aria-label={`${card.id} next checks`}>
          {card.nextChecks.map((check, i) => (
            <li key={i} className={styles.check}>
              <span className={styles.checkTitle}>{check.title}</span>
              <ClipboardButton data-testid={selectors.panel.copyCheck} size="sm" variant="secondary" fill="text" icon="copy" getText={() => check.text} aria-label={`Copy ${check.kind}: ${check.title}`}>
                {check.kind.toUpperCase()}
              </ClipboardButton>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  card: css({
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(1, 1.5),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.75),
    minWidth: 0,
  }),
  selected: css({ borderColor: theme.colors.primary.border, boxShadow: `0 0 0 1px ${theme.colors.primary.border}` }),
  header: css({
    all: 'unset',
    cursor: 'pointer',
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.border}`, outlineOffset: 2, borderRadius: theme.shape.radius.default },
  }),
  id: css({ fontFamily: theme.typography.fontFamilyMonospace, fontWeight: theme.typography.fontWeightBold, borderLeft: '4px solid', paddingLeft: theme.spacing(0.75) }),
  title: css({ flex: 1, fontWeight: theme.typography.fontWeightMedium, minWidth: 0 }),
  verdict: css({ fontSize: theme.typography.bodySmall.fontSize, border: '1px solid', borderRadius: theme.shape.radius.pill, padding: theme.spacing(0, 1), textTransform: 'uppercase', letterSpacing: 0.5 }),
  scoreRow: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  scoreTrack: css({ flex: 1, height: 6, borderRadius: 3, background: theme.colors.background.canvas, overflow: 'hidden' }),
  scoreFill: css({ height: '100%', borderRadius: 3 }),
  scoreText: css({ fontVariantNumeric: 'tabular-nums', fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary, width: 36, textAlign: 'right' }),
  // The summary repeats the evidence in prose: three lines, the rest in the tooltip.
  summary: css({ margin: 0, color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize, display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }),
  evidence: css({ margin: 0, padding: 0, listStyle: 'none', fontSize: theme.typography.bodySmall.fontSize, display: 'flex', flexDirection: 'column', gap: 2 }),
  effect: css({ display: 'inline-block', width: 14, fontWeight: theme.typography.fontWeightBold }),
  weakens: css({ color: theme.colors.text.secondary }),
  checks: css({ margin: 0, padding: 0, listStyle: 'none', borderTop: `1px solid ${theme.colors.border.weak}`, paddingTop: theme.spacing(0.5) }),
  check: css({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: theme.spacing(1), fontSize: theme.typography.bodySmall.fontSize }),
  checkTitle: css({ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
});
