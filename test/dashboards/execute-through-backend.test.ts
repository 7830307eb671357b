// Every panel query, annotation query and alert rule query of the provisioned dashboards and rules,
// executed by the packaged backend executable (launched as Grafana's go-plugin client does) on the
// provisioned lab data source: each answers frames with the fields its panel uses; alert queries
// answer numeric series.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import type { Panel } from '../../scripts/dashboards/grafana-json';
import type { AppQuery } from '../../src/backend/queries/parse-query';
import { ANNOTATION_FIELDS } from '../../src/shared/frame-contract';
import { frameProblems } from '../conformance/arrow-checks';
import { collectStream, unary } from '../conformance/plugin-process';
import { servePluginDuringSuite } from '../conformance/served-plugin';
import {
  dataQuery,
  decodeFrame,
  labPluginContext,
  panelIntervalMs,
  parseGrafanaRelative,
  relativeRange,
  type DataResponse,
  type DecodedFrame,
  type TimeWindow,
} from './backend-frames';
import { ALERT_QUERY_KEYS, checkQuery, hiddenFields, loadDashboards, queriesOf, referencedFields, referencedLabels, ROOT } from './dashboard-files';
import { expectedFrames } from './expected-frames';

jest.setTimeout(120_000);

const DEFAULT_MAX_DATA_POINTS = 1000;

/** The numeric fields an alert query answers (RULES: series metrics; `clusters`; `markers`; `score` per hypothesis). */
function alertValueFields(query: AppQuery): { names: string[]; hypotheses?: string[] } {
  switch (query.queryType) {
    case 'series':
      return { names: query.metrics };
    case 'clusters':
      return { names: ['clusters'] };
    case 'markers':
      return { names: ['markers'] };
    case 'hypotheses':
      return { names: query.hypotheses.map(() => 'score'), hypotheses: query.hypotheses };
    case 'metrics':
      return { names: ['value'] };
    default:
      throw new Error(`alert rules cannot use ${query.queryType} queries`);
  }
}
const dashboards = loadDashboards();

/** The variables as Grafana expands them with "All" selected: their allValue. */
function expandVariables(model: Record<string, unknown>, allValues: Record<string, string>): Record<string, unknown> {
  const text = JSON.stringify(model).replace(/\$(instance|path)\b/g, (_, name: string) => allValues[name]);
  return JSON.parse(text);
}

describe('dashboards and alert rules executed by the packaged backend on the lab data source', () => {
  const served = servePluginDuringSuite();

  async function queryData(queries: Array<ReturnType<typeof dataQuery>>, fromAlert: boolean): Promise<Record<string, DataResponse>> {
    const response = await unary<{ responses: Record<string, DataResponse> }>(served.clients.data, 'QueryData', {
      pluginContext: labPluginContext(),
      headers: fromAlert ? { FromAlert: 'true' } : {},
      queries,
    });
    return response.responses;
  }

  function framesOf(response: DataResponse | undefined, refId: string): DecodedFrame[] {
    expect({ refId, status: response?.status, error: response?.error }).toEqual({ refId, status: 200, error: '' });
    expect(response!.frames.length).toBeGreaterThan(0);
    for (const bytes of response!.frames) {
      expect({ refId, problems: frameProblems(bytes, refId) }).toEqual({ refId, problems: [] });
    }
    const frames = response!.frames.map(decodeFrame);
    expect(frames.map((f) => f.refId)).toEqual(frames.map(() => refId));
    return frames;
  }

  async function variableValues(resource: 'instances' | 'paths', range: TimeWindow): Promise<unknown> {
    const [answer] = await collectStream<{ code: number; body: Buffer }>(served.clients.resource, 'CallResource', {
      pluginContext: labPluginContext(),
      path: resource,
      method: 'GET',
      url: `/${resource}?from=${range.from}&to=${range.to}`,
    });
    expect({ resource, code: answer.code }).toEqual({ resource, code: 200 });
    return JSON.parse(answer.body.toString());
  }

  it('answers the instance and path variables from the /instances and /paths resources', async () => {
    for (const resource of ['instances', 'paths'] as const) {
      const values = await variableValues(resource, relativeRange(15 * 60, 0));
      expect(Array.isArray(values) && values.length > 0 && values.every((v: unknown) => typeof v === 'string')).toBe(true);
    }
  });

  it('narrows the per-path panels to the path picked in the variable', async () => {
    const { dashboard } = dashboards.find((d) => d.dashboard.uid === 'appsvc-endpoints')!;
    const range = relativeRange(parseGrafanaRelative(dashboard.time.from), parseGrafanaRelative(dashboard.time.to));
    const [picked] = (await variableValues('paths', range)) as string[];
    const targets = dashboard.panels.flatMap((panel) => panel.targets.filter((t) => t.queryType === 'series' && t.splitBy === 'path').map((t, i) => ({ panel, t, refId: `p${panel.id}-${i}` })));
    expect(targets.length).toBeGreaterThan(0);
    const requests = targets.map(({ panel, t, refId }) =>
      dataQuery({ refId, model: expandVariables(t as unknown as Record<string, unknown>, { instance: '*', path: picked }), range, maxDataPoints: DEFAULT_MAX_DATA_POINTS, intervalMs: panelIntervalMs(range, DEFAULT_MAX_DATA_POINTS, panel.interval) })
    );
    const responses = await queryData(requests, false);
    for (const { refId } of targets) {
      const numeric = framesOf(responses[refId], refId).flatMap((f) => f.fields.filter((field) => field.kind === 'number'));
      expect(numeric.length).toBeGreaterThan(0);
      expect([...new Set(numeric.map((field) => field.labels.path))]).toEqual([picked]);
    }
  });

  describe.each(dashboards.map((d) => [d.file, d] as const))('%s', (_file, entry) => {
    it('answers every panel and annotation query with the frames and fields the panel uses', async () => {
      const { dashboard } = entry;
      const range = relativeRange(parseGrafanaRelative(dashboard.time.from), parseGrafanaRelative(dashboard.time.to));
      const allValues = Object.fromEntries(dashboard.templating.list.flatMap((v) => (v.type === 'query' ? [[v.name, v.allValue]] : [])));
      const placed = queriesOf(entry).map((q, index) => ({ ...q, refId: `q${index}` }));
      const requests = placed.map((q) => {
        const maxDataPoints = q.panel?.maxDataPoints ?? DEFAULT_MAX_DATA_POINTS;
        return dataQuery({ refId: q.refId, model: expandVariables(q.model, allValues), range, maxDataPoints, intervalMs: panelIntervalMs(range, maxDataPoints, q.panel?.interval) });
      });
      const responses = await queryData(requests, false);
      for (const q of placed) {
        const checked = checkQuery(q.model);
        if (!checked.ok) {
          throw new Error(`${q.where}: ${checked.error}`);
        }
        const frames = framesOf(responses[q.refId], q.refId);
        const expected = expectedFrames(checked.query);
        // Split series and platform metrics answer one frame per key; everything else the contract's frames in order.
        const perKey = checked.query.queryType === 'series' || checked.query.queryType === 'metrics';
        const names = perKey ? [...new Set(frames.map((f) => f.name))] : frames.map((f) => f.name);
        expect({ where: q.where, names }).toEqual({ where: q.where, names: expected.map((f) => f.name) });
        if (q.panel) {
          expectPanelFields(q.where, q.panel, frames);
        } else {
          const fields = new Set(frames.flatMap((f) => f.fields.map((field) => field.name)));
          expect({ where: q.where, missing: ANNOTATION_FIELDS.filter((f) => !fields.has(f)) }).toEqual({ where: q.where, missing: [] });
        }
      }
    });
  });

  function expectPanelFields(where: string, panel: Panel, frames: DecodedFrame[]) {
    const frameIndex = typeof panel.options.frameIndex === 'number' ? panel.options.frameIndex : undefined;
    const shown = frameIndex === undefined ? frames : frames.slice(frameIndex, frameIndex + 1);
    const names = new Set(shown.flatMap((f) => f.fields.map((field) => field.name)));
    const missing = referencedFields(panel).filter((ref) => !names.has(ref.field));
    expect({ where, missing }).toEqual({ where, missing: [] });
    if (panel.type === 'timeseries') {
      expect({ where, timed: shown.some((f) => f.fields.some((field) => field.kind === 'time')) }).toEqual({ where, timed: true });
    }
    // Fields the panel's transformations drop (the instance count beside per-instance metrics) are never labelled on screen.
    const hidden = hiddenFields(panel, names);
    for (const label of referencedLabels(panel)) {
      const numeric = shown.flatMap((f) => f.fields.filter((field) => field.kind === 'number' && !hidden.has(field.name)));
      expect({ where, unlabelled: numeric.filter((field) => !(label in field.labels)).map((field) => field.name) }).toEqual({ where, unlabelled: [] });
    }
  }

  it('shows the lab incident on the overview: requests and ranked hypotheses', async () => {
    const overview = dashboards.find((d) => d.dashboard.uid === 'appsvc-overview')!;
    const range = relativeRange(15 * 60, 0);
    const panel = overview.dashboard.panels.find((p) => p.type === 'appsvc-hypotheses-panel')!;
    const requests = panel.targets.map((t) => dataQuery({ refId: t.refId, model: expandVariables(t as unknown as Record<string, unknown>, { instance: '*', path: '*' }), range, maxDataPoints: 1000, intervalMs: 10_000 }));
    const responses = await queryData(requests, false);
    const series = framesOf(responses.series, 'series');
    expect(series[0].rows).toBeGreaterThan(0);
    const verdicts = framesOf(responses.verdicts, 'verdicts');
    expect(verdicts[0].rows).toBeGreaterThan(0);
  });

  interface RuleQuery {
    refId: string;
    datasourceUid: string;
    relativeTimeRange?: { from: number; to: number };
    model: Record<string, unknown>;
  }
  const rules = YAML.parse(readFileSync(join(ROOT, 'provisioning/alerting/appsvc-triage-rules.yaml'), 'utf8')).groups.flatMap(
    (group: { rules: Array<{ uid: string; data: RuleQuery[] }> }) => group.rules
  ) as Array<{ uid: string; data: RuleQuery[] }>;

  it.each(rules.map((rule) => [rule.uid, rule] as const))('alert rule %s: every query answers numeric series when evaluated FromAlert', async (uid, rule) => {
    const queries = rule.data.filter((q) => q.datasourceUid !== '__expr__');
    const requests = queries.map((q) => {
      const range: TimeWindow = relativeRange(q.relativeTimeRange!.from, q.relativeTimeRange!.to);
      return dataQuery({ refId: q.refId, model: q.model, range, intervalMs: Number(q.model.intervalMs), maxDataPoints: Number(q.model.maxDataPoints) });
    });
    const responses = await queryData(requests, true);
    for (const q of queries) {
      const checked = checkQuery(q.model, ALERT_QUERY_KEYS);
      if (!checked.ok) {
        throw new Error(`${uid} ${q.refId}: ${checked.error}`);
      }
      const expected = alertValueFields(checked.query);
      for (const frame of framesOf(responses[q.refId], q.refId)) {
        const kinds = frame.fields.map((f) => f.kind);
        const values = frame.fields.slice(1);
        expect({ uid, refId: q.refId, firstIsTime: kinds[0] === 'time', restNumeric: kinds.slice(1).every((k) => k === 'number'), values: values.map((f) => f.name) }).toEqual({
          uid,
          refId: q.refId,
          firstIsTime: true,
          restNumeric: true,
          values: expected.names,
        });
        if (expected.hypotheses) {
          expect(values.map((f) => f.labels.hypothesis)).toEqual(expected.hypotheses);
        }
      }
    }
  });
});
