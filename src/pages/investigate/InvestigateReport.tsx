// The full diagnosis of one range: summary, the timeline with ranked verdict cards, the 499
// clusters and markers behind them, and links into the dashboards with the same range.
import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { LinkButton, useStyles2 } from '@grafana/ui';
import { useElementWidth } from '../../components/hooks/useElementWidth';
import { selectors } from '../../datasource/selectors';
import type { DiagnosisReport } from '../../engine/report/report-types';
import { HypothesesView } from '../../panels/hypotheses/components/HypothesesView';
import { defaultOptions } from '../../panels/hypotheses/options';
import { dashboardLinks } from './dashboard-links';
import { ClustersTable, DeclaredChecks, MarkersTable, WorkerModelTable } from './ReportTables';
import { declaredVersusLogs, inferredWorkerModel } from './worker-model';
import { ReportSummary } from './ReportSummary';
import { cardsFromReport, timelineFromReport } from './report-to-view';

interface Props {
  report: DiagnosisReport;
  datasourceUid: string;
  /** Height of the timeline. */
  height?: number;
}

export function InvestigateReport({ report, datasourceUid, height = 340 }: Props) {
  const styles = useStyles2(getStyles);
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const cards = useMemo(() => cardsFromReport(report), [report]);
  const model = useMemo(() => timelineFromReport(report, cards), [report, cards]);
  const links = dashboardLinks(datasourceUid, model.range);
  return (
    <div className={styles.page} data-testid={selectors.investigate.root}>
      <ReportSummary report={report} />
      <section aria-label="Ranked hypotheses" data-testid={selectors.investigate.ranking}>
        <h3 className={styles.heading}>Hypotheses, most likely first</h3>
        <div ref={ref}>
          <HypothesesView model={model} cards={cards} width={width} height={height} options={defaultOptions} layout="page" noCardsHint="The report holds no hypotheses." />
        </div>
      </section>
      <section aria-label="Dashboards">
        <h3 className={styles.heading}>Open with the same range</h3>
        <div className={styles.links}>
          {links.map((link) => (
            <LinkButton key={link.uid} data-testid={selectors.investigate.dashboardLink} href={link.href} size="sm" variant={link.hypothesis === report.ranking[0] ? 'primary' : 'secondary'} fill="outline" icon="apps">
              {link.title}
            </LinkButton>
          ))}
        </div>
      </section>
      <section aria-label="499 clusters">
        <h3 className={styles.heading}>499 clusters</h3>
        <ClustersTable clusters={report.clusters} />
      </section>
      <section aria-label="Worker model">
        <h3 className={styles.heading}>Gunicorn worker model</h3>
        <WorkerModelTable segments={inferredWorkerModel(report.workerModel)} />
        <DeclaredChecks comparison={declaredVersusLogs(report.workerModel)} />
      </section>
      <section aria-label="Markers">
        <h3 className={styles.heading}>Restarts and worker events</h3>
        <MarkersTable markers={report.markers} />
      </section>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  heading: css({ fontSize: theme.typography.h5.fontSize, margin: theme.spacing(0, 0, 1) }),
  links: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) }),
});
