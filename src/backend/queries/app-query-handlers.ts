// One handler per query type of DESIGN.md's query model: parse the query, get the (shared) diagnosis
// for its range, turn the part it asks for into frames. In alert evaluation every type answers with
// numeric series only.
import type { QueryType } from '../../datasource/types/query';
import { FRAME } from '../../shared/frame-contract';
import type { Diagnosis } from '../../diagnosis/run-diagnosis';
import { declaredConfigRows } from '../../engine/report/declared-config-rows';
import type { SourceKind } from '../../sources/source';
import { diagnose } from '../analysis/diagnosis-cache';
import { buildClustersFrame, buildMarkersFrame, buildWorkerModelFrame, selectMarkers } from '../app-frames/event-frames';
import { buildDivergencesFrame, buildEndpointsFrame } from '../app-frames/endpoint-frames';
import { buildScoresFrame, buildVerdictsFrame, buildWindowsFrame } from '../app-frames/hypothesis-frames';
import { buildDeclaredConfigFrame } from '../app-frames/declared-config-frame';
import { buildLogsFrame } from '../app-frames/logs-frame';
import { buildMetricsFrames, metricsUnavailableText } from '../app-frames/metrics-frames';
import { buildSeriesFrames, countPerBinFrame } from '../app-frames/series-frames';
import { requireSettings, type AppInstance } from '../app-instance';
import type { Frame, Notice } from '../frames/frame';
import { PluginRequestError, type ParsedQuery, type QueryTypeHandler, type RequestContext } from '../protocol/plugin-types';
import { autoBinMs } from './auto-bin';
import { parseAppQuery, type AppQuery } from './parse-query';

type Builder = (diagnosis: Diagnosis, query: AppQuery, fromAlert: boolean, source: SourceKind) => Frame[];

const NO_SITE_CONFIG: Notice = {
  severity: 'info',
  text: 'No site configuration was read from this source: the declared column is empty and only what the logs show is listed.',
};

const BUILDERS: Record<QueryType, Builder> = {
  series: ({ signals }, q) => buildSeriesFrames(signals, { refId: q.refId, splitBy: q.splitBy, metrics: q.metrics }),
  clusters: ({ signals }, q, fromAlert) =>
    fromAlert
      ? [countPerBinFrame(signals, FRAME.clusters, 'clusters', signals.clusters.map((c) => c.start), q.refId)]
      : [buildClustersFrame(signals.clusters, q.refId)],
  markers: ({ signals }, q, fromAlert) => {
    const markers = selectMarkers(signals, q.kinds);
    return fromAlert
      ? [countPerBinFrame(signals, FRAME.markers, 'markers', markers.map((m) => m.time), q.refId)]
      : [buildMarkersFrame(markers, q.refId)];
  },
  hypotheses: ({ assessment }, q, fromAlert) => {
    if (fromAlert || q.format === 'scores') {
      return [buildScoresFrame(assessment, q.hypotheses, q.refId)];
    }
    return [q.format === 'windows' ? buildWindowsFrame(assessment, q.hypotheses, q.refId) : buildVerdictsFrame(assessment, q.hypotheses, q.refId)];
  },
  workerModel: ({ signals, declared }, q) => [
    buildWorkerModelFrame(signals.workerModel, q.refId),
    buildDeclaredConfigFrame(declaredConfigRows(declared, signals), q.refId, declared ? [] : [NO_SITE_CONFIG]),
  ],
  endpoints: ({ signals }, q) => [buildEndpointsFrame(signals.endpoints, q.refId), buildDivergencesFrame(signals.divergences, q.refId)],
  logs: (diagnosis, q) => [buildLogsFrame(diagnosis, { refId: q.refId, table: q.table, search: q.search })],
  metrics: ({ signals, data }, q, fromAlert, source) =>
    buildMetricsFrames(signals, { refId: q.refId, names: q.platformMetrics, instances: q.instances, fromAlert }, () => metricsUnavailableText(source, data.description)),
};

/** Query types whose frames are already numeric series; the rest need their alert form. */
const NUMERIC_IN_ALERTS: ReadonlySet<QueryType> = new Set(['series', 'clusters', 'markers', 'hypotheses', 'metrics']);

function rawRowCount(diagnosis: Diagnosis): number {
  return diagnosis.data.tables.reduce((sum, t) => sum + t.table.rows.length, 0);
}

function withNotices(frames: Frame[], diagnosis: Diagnosis): Frame[] {
  const notices: Notice[] = diagnosis.data.warnings.slice(0, 20).map((w) => ({ severity: 'warning', text: `${w.where}: ${w.message}` }));
  if (diagnosis.data.timeShiftMs) {
    notices.push({ severity: 'info', text: `Showing ${diagnosis.data.description}.` });
  }
  return frames.map((frame, index) => ({
    ...frame,
    meta: {
      ...frame.meta,
      executedQueryString: diagnosis.data.description,
      notices: index === 0 && notices.length ? [...(frame.meta?.notices ?? []), ...notices] : frame.meta?.notices,
    },
  }));
}

async function answer(query: ParsedQuery, context: RequestContext<AppInstance>): Promise<Frame[]> {
  const parsed = parseAppQuery({ ...query.model, refId: query.refId, queryType: query.queryType });
  if (!parsed.ok) {
    throw new PluginRequestError(`query ${query.refId}: ${parsed.error}`, 400, 'downstream');
  }
  const appQuery = parsed.query;
  if (context.fromAlert && !NUMERIC_IN_ALERTS.has(appQuery.queryType)) {
    throw new PluginRequestError(
      `query ${query.refId}: "${appQuery.queryType}" returns tables, not numeric series; alert rules can use series, clusters, markers, hypotheses or metrics`,
      400,
      'downstream'
    );
  }
  const from = query.timeRange.from.getTime();
  const to = query.timeRange.to.getTime();
  if (!(to > from)) {
    throw new PluginRequestError(`query ${query.refId}: the time range is empty`, 400, 'downstream');
  }
  const binMs = appQuery.binMs ?? autoBinMs(query.intervalMs, to - from, query.maxDataPoints);
  const { settings } = requireSettings(context.instance);
  const diagnosis = await diagnose(context.instance, {
    window: { from, to },
    binMs,
    paths: appQuery.paths,
    instances: appQuery.instances,
    signal: context.signal,
  });
  if (context.signal.aborted) {
    throw new PluginRequestError(`query ${query.refId}: cancelled`, 499, 'downstream');
  }
  const rows = rawRowCount(diagnosis);
  if (rows > settings.maxRows) {
    throw new PluginRequestError(
      `query ${query.refId}: the source returned ${rows} rows, above this data source's maxRows (${settings.maxRows}); narrow the time range or raise maxRows`,
      413,
      'downstream'
    );
  }
  return withNotices(BUILDERS[appQuery.queryType](diagnosis, appQuery, context.fromAlert, settings.source), diagnosis);
}

export const appQueryHandlers: Record<QueryType, QueryTypeHandler<AppInstance>> = Object.fromEntries(
  (Object.keys(BUILDERS) as QueryType[]).map((type) => [type, answer])
) as Record<QueryType, QueryTypeHandler<AppInstance>>;
