// Timeline + verdict cards, shared by the panel (fed by frames) and the Investigate page
// (fed by the report). Selecting a card highlights its windows and evidence on the timeline.
import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { highlightFor } from '../data/highlight';
import type { TimelineModel } from '../data/timeline.types';
import type { VerdictCard as Card } from '../data/verdict-card.types';
import type { HypothesesOptions } from '../options';
import { Timeline } from './Timeline';
import { VerdictCard } from './VerdictCard';

interface Props {
  model: TimelineModel;
  cards: Card[];
  width: number;
  height: number;
  options: HypothesesOptions;
  /** Shown where the cards go when there are none. */
  noCardsHint: string;
  /** `panel`: fits width × height; `page`: full-width timeline of `height`, every card below in a grid. */
  layout?: 'panel' | 'page';
}

const SIDE_BY_SIDE_MIN_WIDTH = 900;
const CARD_COLUMN_WIDTH = 360;

export function HypothesesView({ model, cards, width, height, options, noCardsHint, layout = 'panel' }: Props) {
  const styles = useStyles2(getStyles);
  const [selectedId, setSelectedId] = useState<string>();
  const selected = cards.find((card) => card.id === selectedId);
  const highlighted = useMemo(() => highlightFor(selected), [selected]);
  const page = layout === 'page';
  const sideBySide = !page && width >= SIDE_BY_SIDE_MIN_WIDTH;
  const timelineWidth = sideBySide ? width - CARD_COLUMN_WIDTH - 12 : width;
  const timelineHeight = sideBySide || page ? height : Math.max(180, Math.round(height * 0.5));
  const cardsStyle = page ? undefined : sideBySide ? { width: CARD_COLUMN_WIDTH, height } : { height: height - timelineHeight - 8 };
  const toggle = (id: string) => setSelectedId((current) => (current === id ? undefined : id));

  return (
    // Escape anywhere in the view stops highlighting, as it closes things elsewhere in Grafana.
    <div className={sideBySide ? styles.row : styles.column} style={page ? { width } : { width, height }} onKeyDown={(event) => event.key === 'Escape' && setSelectedId(undefined)}>
      <Timeline
        model={model}
        width={timelineWidth}
        height={timelineHeight}
        visibleSeries={options.showSeries}
        showPlatform={options.showPlatformMetrics}
        selected={selected?.id}
        highlighted={highlighted}
      />
      <section className={page ? undefined : styles.cards} style={cardsStyle} aria-label="Hypotheses, most likely first">
        <div aria-live="polite" className="sr-only">
          {selected ? `Showing ${selected.id} on the timeline: ${highlighted.clusters.size} clusters and ${highlighted.markers.size} markers highlighted` : ''}
        </div>
        {cards.length === 0 ? (
          <p className={styles.hint}>{noCardsHint}</p>
        ) : (
          <ol className={page ? styles.grid : styles.list}>
            {cards.map((card, i) => (
              <li key={card.id}>
                <VerdictCard card={card} rank={i + 1} evidenceCount={options.evidencePerCard} selected={card.id === selectedId} onToggle={toggle} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  row: css({ display: 'flex', gap: 12 }),
  column: css({ display: 'flex', flexDirection: 'column', gap: 8 }),
  cards: css({ overflowY: 'auto', flexShrink: 0 }),
  list: css({ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  grid: css({ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(380px, 1fr))', gap: theme.spacing(1) }),
  hint: css({ color: theme.colors.text.secondary, margin: theme.spacing(1) }),
});
