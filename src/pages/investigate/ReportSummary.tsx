// The top of a diagnosis: what was read, over which window, the headline numbers and any warnings.
import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import type { DiagnosisReport } from '../../engine/report/report-types';
import { formatClock, formatMs, formatPercent } from '../../panels/hypotheses/draw/format';

export function ReportSummary({ report }: { report: DiagnosisReport }) {
  const styles = useStyles2(getStyles);
  const { totals, window, source } = report;
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const stats: Array<[string, string]> = [
    ['Requests', String(totals.requests)],
    ['5xx', `${totals.err5xx} (${formatPercent(totals.errPct)})`],
    ['499 client aborts', String(totals.s499)],
    ['Window (UTC)', `${new Date(from).toISOString().slice(0, 10)} ${formatClock(from, true)}–${formatClock(to, true)}`],
    ['Bin', formatMs(window.binMs)],
    ['Likeliest', report.ranking[0] ?? '—'],
  ];
  return (
    <section aria-label="Summary">
      <p className={styles.source}>
        {source.description}
        {source.percentiles === 'estimated' && ' · percentiles are Log Analytics estimates'}
        {source.timeShiftMs !== 0 && ` · replayed, shifted by ${Math.round(source.timeShiftMs / 60_000)} min`}
      </p>
      <dl className={styles.stats}>
        {stats.map(([label, value]) => (
          <div key={label} className={styles.stat}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {source.warnings.length > 0 && (
        <Alert severity="warning" title={`${source.warnings.length} problem(s) reading the source; the rest was diagnosed`}>
          {source.warnings.map((warning, i) => (
            <div key={i}>
              {warning.where}: {warning.message}
            </div>
          ))}
        </Alert>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  source: css({ color: theme.colors.text.secondary, margin: theme.spacing(0, 0, 1) }),
  stats: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1), margin: 0 }),
  stat: css({
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(0.75, 1.5),
    minWidth: 120,
    dt: { color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize },
    dd: { margin: 0, fontSize: theme.typography.h4.fontSize, fontVariantNumeric: 'tabular-nums' },
  }),
});
