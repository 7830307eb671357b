// Every committed dashboard: stable uids, the three variables, links that keep range and variables,
// each query valid for the data source's model, and every field a panel refers to in the frame contract.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import type { Panel } from '../../scripts/dashboards/grafana-json';
import { dashboardLinks, DASHBOARDS as INVESTIGATE_LINKS } from '../../src/pages/investigate/dashboard-links';
import { ANNOTATION_FIELDS } from '../../src/shared/frame-contract';
import {
  checkQuery,
  effectiveUnit,
  hiddenFields,
  loadDashboards,
  queriesOf,
  referencedFields,
  referencedLabels,
  ROOT,
  type DashboardFile,
} from './dashboard-files';
import { availableFields, expectedFrames, FIELD_UNITS } from './expected-frames';

const DATASOURCE = { type: 'appsvc-triage-datasource', uid: '${datasource}' };
const PANEL_TYPES = ['timeseries', 'table', 'stat', 'bargauge', 'logs', 'appsvc-hypotheses-panel'];
const UIDS = ['appsvc-c1', 'appsvc-endpoints', 'appsvc-h1', 'appsvc-h2', 'appsvc-h3', 'appsvc-h4', 'appsvc-instances', 'appsvc-m1', 'appsvc-overview', 'appsvc-t1', 'appsvc-workers'];

const dashboards = loadDashboards();
const byUid = (uid: string): DashboardFile => dashboards.find((d) => d.dashboard.uid === uid)!;
const labDatasource = (YAML.parse(readFileSync(join(ROOT, 'provisioning/datasources/appsvc-triage.yaml'), 'utf8')).datasources as Array<{ uid: string; name: string }>).find(
  (ds) => ds.uid === 'appsvc-triage-lab'
)!;

function parsedTargets(panel: Panel) {
  return panel.targets.map((target) => {
    const checked = checkQuery(target);
    if (!checked.ok) {
      throw new Error(`panel "${panel.title}" ${target.refId}: ${checked.error}`);
    }
    return checked.query;
  });
}

function frameIndexOf(panel: Panel): number | undefined {
  return typeof panel.options.frameIndex === 'number' ? panel.options.frameIndex : undefined;
}

describe.each(dashboards.map((d) => [d.file, d] as const))('%s', (file, entry) => {
  const { dashboard } = entry;

  it('is named after its uid and is current Grafana dashboard JSON', () => {
    expect(file).toBe(`${dashboard.uid}.json`);
    expect(dashboard).toMatchObject({ schemaVersion: 41, timezone: 'utc', editable: true });
    expect(dashboard).not.toHaveProperty('id');
    expect(dashboard.tags).toContain('appsvc-triage');
    expect(dashboard.title).toMatch(/^App Service 5xx Triage: /);
  });

  it('has the data source, instance and path variables, and uses no other', () => {
    const [datasource, instance, path] = dashboard.templating.list;
    expect(datasource).toMatchObject({ type: 'datasource', name: 'datasource', query: 'appsvc-triage-datasource', current: { value: labDatasource.uid, text: labDatasource.name } });
    for (const [variable, resource] of [[instance, 'instances'], [path, 'paths']] as const) {
      expect(variable).toMatchObject({ type: 'query', datasource: DATASOURCE, query: { resource, refId: expect.any(String) }, multi: true, includeAll: true });
      expect(Object.keys(variable.type === 'query' ? variable.query : {}).sort()).toEqual(['refId', 'resource']);
    }
    expect([instance.name, path.name]).toEqual(['instance', 'path']);
    const defined = new Set(dashboard.templating.list.map((v) => v.name));
    const used = [...JSON.stringify(dashboard).matchAll(/\$\{?(\w+)/g)].map((m) => m[1]).filter((name) => !name.startsWith('__'));
    expect([...new Set(used)].filter((name) => !defined.has(name))).toEqual([]);
  });

  it('links to the other triage dashboards keeping the time range and variables', () => {
    expect(dashboard.links.length).toBeGreaterThan(0);
    for (const link of dashboard.links) {
      expect(link).toMatchObject({ type: 'dashboards', keepTime: true, includeVars: true });
      expect(link.tags).toContain('appsvc-triage');
      const targets = dashboards.filter((d) => link.tags.every((tag) => d.dashboard.tags.includes(tag)));
      expect(targets.length).toBeGreaterThan(1);
    }
  });

  it('lays panels out on the 24-column grid without overlaps, with unique ids', () => {
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const cells = new Set<string>();
    for (const { gridPos, title } of dashboard.panels) {
      expect(gridPos.x + gridPos.w).toBeLessThanOrEqual(24);
      for (let x = gridPos.x; x < gridPos.x + gridPos.w; x++) {
        for (let y = gridPos.y; y < gridPos.y + gridPos.h; y++) {
          expect({ title, overlaps: cells.has(`${x},${y}`) }).toEqual({ title, overlaps: false });
          cells.add(`${x},${y}`);
        }
      }
    }
  });

  it('queries the triage data source from every panel, with valid queries only', () => {
    for (const panel of dashboard.panels) {
      expect({ title: panel.title, type: PANEL_TYPES.includes(panel.type), datasource: panel.datasource }).toEqual({ title: panel.title, type: true, datasource: DATASOURCE });
      expect(panel.targets.length).toBeGreaterThan(0);
    }
    const problems = queriesOf(entry).flatMap(({ where, model }) => {
      const checked = checkQuery(model);
      const wrongSource = JSON.stringify(model.datasource) === JSON.stringify(DATASOURCE) ? [] : [`${where}: datasource ${JSON.stringify(model.datasource)}`];
      return [...(checked.ok ? [] : [`${where}: ${checked.error}`]), ...wrongSource];
    });
    expect(problems).toEqual([]);
    const refIds = dashboard.panels.map((panel) => panel.targets.map((t) => t.refId));
    refIds.forEach((ids) => expect(new Set(ids).size).toBe(ids.length));
  });

  it('refers only to fields and labels the frame contract gives the panel\'s queries', () => {
    const problems: string[] = [];
    for (const panel of dashboard.panels) {
      const queries = parsedTargets(panel);
      const available = new Set(queries.flatMap((q) => [...availableFields(q, frameIndexOf(panel))]));
      for (const { field, by } of referencedFields(panel)) {
        if (!available.has(field)) {
          problems.push(`panel "${panel.title}" ${by}: no field "${field}" in ${[...available].join(', ')}`);
        }
      }
      for (const label of referencedLabels(panel)) {
        // Split series carry the label they are split by; platform metric frames carry metric and instance.
        if (!queries.every((q) => (q.queryType === 'series' && q.splitBy === label) || (q.queryType === 'metrics' && ['metric', 'instance'].includes(label)))) {
          problems.push(`panel "${panel.title}" shows label "${label}" but its queries are not split by ${label}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('shows latency in ms and errPct/failPct in percent', () => {
    const problems: string[] = [];
    for (const panel of dashboard.panels.filter((p) => p.type !== 'logs' && p.type !== 'appsvc-hypotheses-panel')) {
      // Platform metrics carry their unit per metric in the frame's field config (percent, s, short).
      for (const query of parsedTargets(panel).filter((q) => q.queryType !== 'metrics')) {
        const frames = expectedFrames(query).filter((frame, index) => {
          const frameIndex = frameIndexOf(panel);
          return (frameIndex === undefined || frameIndex === index) && (panel.type !== 'timeseries' || frame.fields.includes('time'));
        });
        const shown = new Set(frames.flatMap((f) => f.fields));
        const hidden = hiddenFields(panel, shown);
        for (const field of [...shown].filter((f) => f in FIELD_UNITS && !hidden.has(f))) {
          if (effectiveUnit(panel, field) !== FIELD_UNITS[field]) {
            problems.push(`panel "${panel.title}": ${field} in ${String(effectiveUnit(panel, field))}, expected ${FIELD_UNITS[field]}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('draws time series only from queries that answer a time field', () => {
    for (const panel of dashboard.panels.filter((p) => p.type === 'timeseries')) {
      for (const query of parsedTargets(panel)) {
        expect({ panel: panel.title, timed: expectedFrames(query).some((f) => f.fields.includes('time')) }).toEqual({ panel: panel.title, timed: true });
      }
    }
  });

  it('annotates every time series with restarts, worker kills and 499 clusters from annotation-shaped frames', () => {
    const annotationQueries = dashboard.annotations.list.map((a) => {
      const checked = checkQuery(a.target);
      if (!checked.ok) {
        throw new Error(`annotation "${a.name}": ${checked.error}`);
      }
      expect(a).toMatchObject({ enable: true, datasource: DATASOURCE });
      expect(a).not.toHaveProperty('filter');
      return checked.query;
    });
    for (const query of annotationQueries) {
      const fields = availableFields(query);
      expect(ANNOTATION_FIELDS.filter((f) => !fields.has(f))).toEqual([]);
    }
    const kinds = annotationQueries.flatMap((q) => (q.queryType === 'markers' ? q.kinds : []));
    expect(kinds).toEqual(expect.arrayContaining(['restart', 'worker-kill']));
    expect(annotationQueries.map((q) => q.queryType)).toContain('clusters');
  });
});

describe('the set of dashboards', () => {
  it('is the eleven provisioned uids, each once', () => {
    expect(dashboards.map((d) => d.dashboard.uid)).toEqual(UIDS);
  });

  it('is what the Investigate page links to, through the same datasource variable', () => {
    expect(INVESTIGATE_LINKS.map((link) => link.uid).sort()).toEqual(UIDS);
    for (const link of dashboardLinks('appsvc-triage-lab', { from: 1, to: 2 })) {
      const params = [...new URL(link.href, 'http://grafana').searchParams.keys()].filter((key) => key.startsWith('var-'));
      const variables = byUid(link.uid).dashboard.templating.list.map((v) => `var-${v.name}`);
      expect({ uid: link.uid, unknown: params.filter((param) => !variables.includes(param)) }).toEqual({ uid: link.uid, unknown: [] });
      expect(params.length).toBeGreaterThan(0);
    }
  });

  it('feeds the overview\'s hypotheses panel with series, markers, clusters, verdicts, windows, CPU/memory and the declared config', () => {
    const panel = byUid('appsvc-overview').dashboard.panels.find((p) => p.type === 'appsvc-hypotheses-panel')!;
    const feeds = parsedTargets(panel).map((q) => (q.queryType === 'hypotheses' ? `hypotheses:${q.format}` : q.queryType));
    expect(feeds.sort()).toEqual(['clusters', 'hypotheses:verdicts', 'hypotheses:windows', 'markers', 'metrics', 'series', 'workerModel']);
    expect(parsedTargets(panel).find((q) => q.queryType === 'metrics')?.platformMetrics).toEqual(['CpuPercentage', 'MemoryPercentage']);
  });

  it('shows CPU, memory and the instance count on the overview, instances and C1 dashboards, and scale events on every dashboard', () => {
    for (const uid of ['appsvc-overview', 'appsvc-instances', 'appsvc-c1']) {
      const metrics = byUid(uid).dashboard.panels.filter((p) => p.type !== 'appsvc-hypotheses-panel').flatMap(parsedTargets).filter((q) => q.queryType === 'metrics');
      expect({ uid, metrics: [...new Set(metrics.flatMap((q) => q.platformMetrics))].sort() }).toEqual({ uid, metrics: ['CpuPercentage', 'MemoryPercentage'] });
      const fields = byUid(uid).dashboard.panels.flatMap((p) => referencedFields(p).map((r) => r.field));
      expect({ uid, instances: fields.includes('instances') }).toEqual({ uid, instances: true });
    }
    for (const { file, dashboard } of dashboards) {
      const kinds = dashboard.annotations.list.flatMap((a) => {
        const checked = checkQuery(a.target);
        return checked.ok && checked.query.queryType === 'markers' ? checked.query.kinds : [];
      });
      expect({ file, scale: kinds.filter((kind) => kind.startsWith('scale-')) }).toEqual({ file, scale: ['scale-out', 'scale-in'] });
    }
  });

  it('splits every series on the instances dashboard by instance and on the endpoints dashboard by path', () => {
    for (const [uid, splitBy] of [['appsvc-instances', 'instance'], ['appsvc-endpoints', 'path']] as const) {
      const series = byUid(uid).dashboard.panels.flatMap(parsedTargets).filter((q) => q.queryType === 'series');
      expect(series.length).toBeGreaterThan(3);
      expect(series.filter((q) => q.splitBy !== splitBy)).toEqual([]);
    }
  });

  it.each(['H1', 'H2', 'H3', 'H4', 'T1', 'M1', 'C1'])('gives %s a drill-down with its score series, verdict, evidence, next checks and windows', (id) => {
    const { dashboard } = byUid(`appsvc-${id.toLowerCase()}`);
    const queries = dashboard.panels.flatMap(parsedTargets).filter((q) => q.queryType === 'hypotheses');
    expect(queries.every((q) => q.hypotheses.length === 1 && q.hypotheses[0] === id)).toBe(true);
    expect(new Set(queries.map((q) => q.format))).toEqual(new Set(['verdicts', 'scores']));
    const shown = dashboard.panels.flatMap((p) => referencedFields(p).map((r) => r.field));
    expect(shown).toEqual(expect.arrayContaining(['verdict', 'score', 'evidence', 'nextChecks']));
    const windows = dashboard.annotations.list.map((a) => checkQuery(a.target)).find((c) => c.ok && c.query.format === 'windows' && c.query.queryType === 'hypotheses');
    expect(windows).toMatchObject({ ok: true, query: { hypotheses: [id] } });
    expect(dashboard.panels.length).toBeGreaterThan(6);
  });
});

describe('the checks themselves', () => {
  const panel = byUid('appsvc-overview').dashboard.panels.find((p) => p.title === 'Latency p50 / p95 / p99')!;

  it('reject a query key outside the model and a value outside the allowed ones', () => {
    expect(checkQuery({ refId: 'A', queryType: 'series', metric: ['p95'] })).toEqual({ ok: false, error: 'keys outside the series query model: metric' });
    expect(checkQuery({ refId: 'A', queryType: 'markers', kinds: ['reboot'] })).toMatchObject({ ok: false, error: expect.stringContaining('"kinds"') });
  });

  it('see a field the query does not answer and a latency shown in the wrong unit', () => {
    const broken: Panel = {
      ...panel,
      fieldConfig: { defaults: { unit: 's' }, overrides: [{ matcher: { id: 'byName', options: 'p42' }, properties: [] }] },
    };
    const query = parsedTargets(broken)[0];
    const fields = availableFields(query);
    expect(referencedFields(broken).filter((r) => !fields.has(r.field))).toEqual([{ field: 'p42', by: 'override' }]);
    expect(effectiveUnit(broken, 'p95')).toBe('s');
  });
});
