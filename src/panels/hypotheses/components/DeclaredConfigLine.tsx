// "Declared vs logs": one chip per setting of the site's configuration, marked by whether the logs
// agree; the chip's title says what was declared, where, and what the logs show.
import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { selectors } from '../../../datasource/selectors';
import { declaredItemText, type DeclaredConfigItem, type DeclaredStatus } from '../data/declared-config';

export const DECLARED_LINE_HEIGHT = 24;

const MARK: Record<DeclaredStatus, string> = { agrees: '✓', disagrees: '✗', 'not-in-logs': '?', 'not-declared': '–' };

function chipText(item: DeclaredConfigItem): string {
  if (item.status === 'not-declared') {
    return `${item.setting} – (logs ${item.observed.split(' (')[0] || '?'})`;
  }
  const logs = item.status === 'disagrees' ? ` (logs ${item.observed.split(' (')[0]})` : '';
  return `${item.setting} ${item.declared} ${MARK[item.status]}${logs}`;
}

export function DeclaredConfigLine({ items }: { items: DeclaredConfigItem[] }) {
  const styles = useStyles2(getStyles);
  const nothingDeclared = items.every((item) => item.status === 'not-declared');
  return (
    <div className={styles.line} data-testid={selectors.panel.declaredConfig} role="list" aria-label="Declared configuration vs the logs">
      <span className={styles.heading}>Declared vs logs{nothingDeclared ? ' (no site config read)' : ''}:</span>
      {items.map((item) => (
        <span key={item.setting} role="listitem" className={styles.chip} data-status={item.status} title={declaredItemText(item)} aria-label={declaredItemText(item)}>
          <span className={item.status === 'disagrees' ? styles.disagrees : item.status === 'agrees' ? styles.agrees : undefined}>{chipText(item)}</span>
        </span>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  line: css({
    height: DECLARED_LINE_HEIGHT - 4,
    marginBottom: 4,
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
  }),
  heading: css({ fontWeight: theme.typography.fontWeightMedium }),
  chip: css({ padding: theme.spacing(0, 0.75), borderRadius: theme.shape.radius.default, background: theme.colors.background.secondary }),
  agrees: css({ color: theme.colors.success.text }),
  disagrees: css({ color: theme.colors.error.text, fontWeight: theme.typography.fontWeightMedium }),
});
