// Alerting and dashboard provisioning: every YAML parses, every reference (data source uids,
// dashboard uids and panel ids, contact points) exists, and every alert query is a valid query.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { ALERT_QUERY_KEYS, checkQuery, loadDashboards, ROOT } from './dashboard-files';

const readYaml = (rel: string) => YAML.parse(readFileSync(join(ROOT, rel), 'utf8'));
const yamlIn = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => ({ file: `${dir}/${name}`, doc: readYaml(`${dir}/${name}`) }));

const APP_ID = JSON.parse(readFileSync(join(ROOT, 'src/plugin.json'), 'utf8')).id as string;
const PLUGIN_DASHBOARDS = `/var/lib/grafana/plugins/${APP_ID}/dashboards`;
/** Grafana creates this contact point in every organisation. */
const BUILT_IN_CONTACT_POINT = 'grafana-default-email';
const EXPRESSION_UID = '__expr__';

interface RuleQuery {
  refId: string;
  datasourceUid: string;
  relativeTimeRange?: { from: number; to: number };
  model: Record<string, unknown>;
}
interface Rule {
  uid: string;
  title: string;
  condition: string;
  data: RuleQuery[];
  for: string;
  noDataState: string;
  execErrState: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

const alerting = yamlIn('provisioning/alerting');
const datasourceUids = new Set(yamlIn('provisioning/datasources').flatMap(({ doc }) => (doc.datasources ?? []).map((ds: { uid: string }) => ds.uid)));
const dashboards = new Map(loadDashboards().map(({ dashboard }) => [dashboard.uid, dashboard]));
const groups = alerting.flatMap(({ doc }) => doc.groups ?? []) as Array<{ name: string; folder: string; interval: string; rules: Rule[] }>;
const rules = groups.flatMap((group) => group.rules);
const contactPoints = alerting.flatMap(({ doc }) => doc.contactPoints ?? []) as Array<{ name: string; receivers: Array<{ uid: string; type: string; settings: Record<string, string> }> }>;
const policies = alerting.flatMap(({ doc }) => doc.policies ?? []);

function dataSourceQueries(rule: Rule) {
  return rule.data.filter((q) => q.datasourceUid !== EXPRESSION_UID);
}
function expressions(rule: Rule) {
  return rule.data.filter((q) => q.datasourceUid === EXPRESSION_UID);
}
function parsed(rule: Rule) {
  return dataSourceQueries(rule).map((q) => {
    const checked = checkQuery(q.model, ALERT_QUERY_KEYS);
    if (!checked.ok) {
      throw new Error(`rule ${rule.uid} query ${q.refId}: ${checked.error}`);
    }
    return checked.query;
  });
}
function threshold(rule: Rule): { type: string; params: number[] } {
  const condition = rule.data.find((q) => q.refId === rule.condition)!;
  return (condition.model.conditions as Array<{ evaluator: { type: string; params: number[] } }>)[0].evaluator;
}

describe('alerting provisioning', () => {
  it('parses, with apiVersion 1 in every file', () => {
    expect(alerting.map(({ file, doc }) => [file, doc.apiVersion])).toEqual(alerting.map(({ file }) => [file, 1]));
    expect(rules.length).toBeGreaterThanOrEqual(4);
  });

  it('gives every rule a unique uid, a title, known no-data/error states and a parseable "for"', () => {
    expect(new Set(rules.map((r) => r.uid)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.uid).toMatch(/^[a-zA-Z0-9-_]{1,40}$/);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(['NoData', 'Alerting', 'OK', 'KeepLast']).toContain(rule.noDataState);
      expect(['Error', 'Alerting', 'OK', 'KeepLast']).toContain(rule.execErrState);
      expect(rule.for).toMatch(/^\d+[smh]$/);
    }
    for (const group of groups) {
      expect(group).toMatchObject({ folder: expect.any(String), interval: expect.stringMatching(/^\d+[smh]$/) });
    }
  });

  it('queries only provisioned data sources, with valid queries of the model and fixed bins', () => {
    for (const rule of rules) {
      for (const query of dataSourceQueries(rule)) {
        expect({ rule: rule.uid, known: datasourceUids.has(query.datasourceUid), sameRefId: query.model.refId === query.refId }).toEqual({ rule: rule.uid, known: true, sameRefId: true });
        expect(query.relativeTimeRange!.from).toBeGreaterThan(query.relativeTimeRange!.to);
        // Template variables mean nothing to the alert evaluator.
        expect(JSON.stringify(query.model)).not.toMatch(/\$/);
      }
      expect(parsed(rule).every((q) => q.binMs !== undefined)).toBe(true);
    }
  });

  it('reduces each rule to one number and compares it in the condition (a threshold)', () => {
    for (const rule of rules) {
      const refIds = new Set(rule.data.map((q) => q.refId));
      expect(refIds.size).toBe(rule.data.length);
      const types = expressions(rule).map((e) => e.model.type);
      expect(types).toEqual(expect.arrayContaining(['reduce', 'threshold']));
      expect(rule.data.find((q) => q.refId === rule.condition)?.model.type).toBe('threshold');
      for (const expression of expressions(rule)) {
        const inputs = expression.model.type === 'math' ? [...String(expression.model.expression).matchAll(/\$\{?(\w+)/g)].map((m) => m[1]) : [String(expression.model.expression)];
        expect({ rule: rule.uid, expression: expression.refId, inputs: inputs.filter((input) => !refIds.has(input)) }).toEqual({ rule: rule.uid, expression: expression.refId, inputs: [] });
      }
    }
  });

  it('covers errPct > 5 % for 5 min, any 499 cluster, a restart during traffic, H1 score > 0.7 and CPU > 85 % per instance', () => {
    const summarise = (rule: Rule) => ({
      queries: parsed(rule)
        .map((q) => `${q.queryType}${q.metrics.length ? `:${q.metrics.join(',')}` : ''}${q.platformMetrics.length ? `:${q.platformMetrics.join(',')}` : ''}${q.kinds.length ? `:${q.kinds.join(',')}` : ''}${q.queryType === 'hypotheses' ? `:${q.format}:${q.hypotheses.join(',')}` : ''}`)
        .sort(),
      threshold: threshold(rule),
      for: rule.for,
    });
    expect(rules.map(summarise)).toEqual(
      expect.arrayContaining([
        { queries: ['series:errPct'], threshold: { type: 'gt', params: [5] }, for: '5m' },
        { queries: ['clusters'], threshold: { type: 'gt', params: [0] }, for: '0s' },
        { queries: ['markers:restart', 'series:requests'], threshold: { type: 'gt', params: [0] }, for: '0s' },
        { queries: ['hypotheses:scores:H1'], threshold: { type: 'gt', params: [0.7] }, for: '2m' },
        { queries: ['metrics:CpuPercentage'], threshold: { type: 'gt', params: [85] }, for: '2m' },
      ])
    );
    const restart = rules.find((r) => parsed(r).some((q) => q.kinds.includes('restart')))!;
    expect(expressions(restart).map((e) => e.model.type)).toContain('math');
  });

  it('annotates every rule with summary, description and a runbook link to an existing dashboard and panel', () => {
    for (const rule of rules) {
      const { summary, description, runbook_url: runbook, __dashboardUid__: dashboardUid, __panelId__: panelId } = rule.annotations;
      expect(summary.length).toBeGreaterThan(10);
      expect(description.length).toBeGreaterThan(40);
      const linked = /^\/d\/([\w-]+)/.exec(runbook)?.[1];
      expect({ rule: rule.uid, runbook: linked !== undefined && dashboards.has(linked) }).toEqual({ rule: rule.uid, runbook: true });
      const panel = dashboards.get(dashboardUid)?.panels.find((p) => p.id === Number(panelId));
      expect({ rule: rule.uid, panel: panel !== undefined }).toEqual({ rule: rule.uid, panel: true });
      // The linked panel shows one of the signals the rule evaluates.
      const ruleTypes = parsed(rule).map((q) => q.queryType);
      expect(panel!.targets.some((t) => ruleTypes.includes(t.queryType))).toBe(true);
      expect(rule.labels.app).toBe('appsvc-triage');
    }
  });

  it('routes through policies to contact points that exist, and the example contact point stays on loopback', () => {
    const names = new Set([BUILT_IN_CONTACT_POINT, ...contactPoints.map((c) => c.name)]);
    expect(contactPoints.length).toBeGreaterThan(0);
    const receivers = contactPoints.flatMap((c) => c.receivers);
    expect(new Set(receivers.map((r) => r.uid)).size).toBe(receivers.length);
    for (const receiver of receivers.filter((r) => r.type === 'webhook')) {
      expect(new URL(receiver.settings.url).hostname).toBe('127.0.0.1');
    }
    const walk = (route: { receiver?: string; routes?: unknown[] }): string[] => [...(route.receiver ? [route.receiver] : []), ...((route.routes ?? []) as Array<typeof route>).flatMap(walk)];
    const used = policies.flatMap(walk);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((name: string) => !names.has(name))).toEqual([]);
    const matchers = policies.flatMap((p: { routes?: Array<{ object_matchers: string[][] }> }) => (p.routes ?? []).flatMap((r) => r.object_matchers));
    for (const rule of rules) {
      expect(matchers.some(([label, op, value]: string[]) => op === '=' && rule.labels[label] === value)).toBe(true);
    }
  });
});

describe('dashboards provisioning', () => {
  const providers = yamlIn('provisioning/dashboards').flatMap(({ doc }) => doc.providers ?? []);

  it('loads the plugin\'s dashboards folder with a file provider', () => {
    expect(providers).toEqual([expect.objectContaining({ type: 'file', options: expect.objectContaining({ path: PLUGIN_DASHBOARDS }) })]);
  });

  it('opens Grafana on the incident overview shipped in that folder', () => {
    const compose = readYaml('docker-compose.yaml');
    const home = compose.services.grafana.environment.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH as string;
    expect(home.startsWith(`${PLUGIN_DASHBOARDS}/`)).toBe(true);
    const file = join(ROOT, 'dashboards', home.slice(PLUGIN_DASHBOARDS.length + 1));
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).uid).toBe('appsvc-overview');
  });
});
