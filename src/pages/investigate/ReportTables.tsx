// The report's 499 clusters and markers as tables: what a reader checks against the timeline.
import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { selectors } from '../../datasource/selectors';
import type { DiagnosisReport, ReportWorkerModel } from '../../engine/report/report-types';
import type { DeclaredVersusLogs } from './worker-model';
import { formatClock, formatMs } from '../../panels/hypotheses/draw/format';

const clock = (iso: string) => formatClock(Date.parse(iso), true);

export function ClustersTable({ clusters }: { clusters: DiagnosisReport['clusters'] }) {
  const styles = useStyles2(getStyles);
  if (clusters.length === 0) {
    return <p className={styles.none}>No 499 clusters: client aborts, if any, are spread out rather than cut at one TimeTaken.</p>;
  }
  return (
    <table className={styles.table} data-testid={selectors.investigate.clusters}>
      <thead>
        <tr>
          <th scope="col">UTC</th>
          <th scope="col">Count</th>
          <th scope="col">Boundary</th>
          <th scope="col">Spread</th>
          <th scope="col">Kind</th>
          <th scope="col">Paths</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {clusters.map((cluster, i) => (
          <tr key={i}>
            <td>
              {clock(cluster.start)}–{clock(cluster.end)}
            </td>
            <td>
              {cluster.count} × {cluster.status}
            </td>
            <td>{formatMs(cluster.boundaryMs)}</td>
            <td>{formatMs(cluster.spreadMs)}</td>
            <td>{cluster.kind}</td>
            <td className={styles.mono}>{cluster.paths.join(', ')}</td>
            <td>{cluster.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MarkersTable({ markers }: { markers: DiagnosisReport['markers'] }) {
  const styles = useStyles2(getStyles);
  if (markers.length === 0) {
    return <p className={styles.none}>No restarts, worker boots, timeouts or kills in this range.</p>;
  }
  return (
    <table className={styles.table} data-testid={selectors.investigate.markers}>
      <thead>
        <tr>
          <th scope="col">UTC</th>
          <th scope="col">Kind</th>
          <th scope="col">Instance</th>
          <th scope="col">What</th>
          <th scope="col">Source line</th>
        </tr>
      </thead>
      <tbody>
        {markers.map((marker, i) => (
          <tr key={i}>
            <td>{clock(marker.time)}</td>
            <td>{marker.kind}</td>
            <td className={styles.mono}>{marker.instance}</td>
            <td>{marker.title}</td>
            <td className={styles.source}>{marker.source.line}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const orDash = (value: string | number | undefined) => (value === undefined || value === '' ? '—' : String(value));

/** The inferred Gunicorn model per instance and generation, with what each value rests on. */
export function WorkerModelTable({ segments }: { segments: ReportWorkerModel[] }) {
  const styles = useStyles2(getStyles);
  if (segments.length === 0) {
    return <p className={styles.none}>No Gunicorn boot lines or startup command in this range: the worker model is unknown.</p>;
  }
  return (
    <table className={styles.table} data-testid={selectors.investigate.workerModel}>
      <thead>
        <tr>
          <th scope="col">Instance</th>
          <th scope="col">Since (UTC)</th>
          <th scope="col">Gunicorn</th>
          <th scope="col">Worker class</th>
          <th scope="col">Workers × threads</th>
          <th scope="col">Timeout</th>
          <th scope="col">Seen in</th>
        </tr>
      </thead>
      <tbody>
        {segments.map((segment, i) => (
          <tr key={i}>
            <td className={styles.mono}>{segment.instance}</td>
            <td>{clock(segment.from)}</td>
            <td>{orDash(segment.version)}</td>
            <td>{orDash(segment.workerClass)}</td>
            <td>
              {orDash(segment.workers)} × {orDash(segment.threads ?? (segment.workerClass === 'sync' ? 1 : undefined))}
            </td>
            <td>{segment.timeoutSec === undefined ? '—' : `${segment.timeoutSec} s`}</td>
            <td className={styles.source}>{segment.evidence.map((item) => `${item.setting}: ${item.text}`).join(' · ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const CHECK_MARK = { agrees: '✓', disagrees: '≠', 'not-in-logs': '?' } as const;

/** What the site's configuration declares, set against what the logs show. */
export function DeclaredChecks({ comparison }: { comparison: DeclaredVersusLogs }) {
  const styles = useStyles2(getStyles);
  if (!comparison.declaredRead) {
    return <p className={styles.none}>The site’s configuration is not available from this source: the model above comes from the logs alone.</p>;
  }
  if (comparison.checks.length === 0) {
    return <p className={styles.none}>The site’s configuration declares no Gunicorn workers, threads or timeout.</p>;
  }
  return (
    <ul className={styles.checks} data-testid={selectors.investigate.configChecks} aria-label="Declared configuration against the logs">
      {comparison.checks.map((check) => (
        <li key={check.setting} className={check.status === 'disagrees' ? styles.disagrees : undefined}>
          <span aria-label={check.status} className={styles.checkMark}>
            {CHECK_MARK[check.status]}
          </span>
          {check.text}
        </li>
      ))}
    </ul>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  checks: css({ listStyle: 'none', margin: theme.spacing(1, 0, 0), padding: 0, fontSize: theme.typography.bodySmall.fontSize }),
  checkMark: css({ display: 'inline-block', width: 18, fontWeight: theme.typography.fontWeightBold }),
  disagrees: css({ color: theme.colors.warning.text }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': { textAlign: 'left', padding: theme.spacing(0.5, 1), borderBottom: `1px solid ${theme.colors.border.weak}`, verticalAlign: 'top' },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
  mono: css({ fontFamily: theme.typography.fontFamilyMonospace }),
  source: css({ fontFamily: theme.typography.fontFamilyMonospace, color: theme.colors.text.secondary, wordBreak: 'break-all' }),
  none: css({ color: theme.colors.text.secondary }),
});
