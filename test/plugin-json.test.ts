// The three plugin.json files are a contract with Grafana and with DESIGN.md's ids.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const readJson = (rel: string) => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));

const app = readJson('src/plugin.json');
const datasource = readJson('src/datasource/plugin.json');
const panel = readJson('src/panels/hypotheses/plugin.json');

describe('plugin.json files', () => {
  it('use the ids and types from DESIGN.md', () => {
    expect([app.type, app.id]).toEqual(['app', 'appsvc-triage-app']);
    expect([datasource.type, datasource.id]).toEqual(['datasource', 'appsvc-triage-datasource']);
    expect([panel.type, panel.id]).toEqual(['panel', 'appsvc-hypotheses-panel']);
  });

  it('declare the backend data source capabilities', () => {
    expect(datasource).toMatchObject({
      backend: true,
      executable: 'gpx_appsvc_triage',
      alerting: true,
      annotations: true,
      metrics: true,
      logs: true,
    });
  });

  it('require Grafana 12.3 or later everywhere', () => {
    for (const plugin of [app, datasource, panel]) {
      expect(plugin.dependencies.grafanaDependency).toBe('>=12.3.0');
    }
  });

  it('point their logos at files that exist', () => {
    const dirs: Array<[string, { info: { logos: Record<string, string> } }]> = [
      ['src', app],
      ['src/datasource', datasource],
      ['src/panels/hypotheses', panel],
    ];
    for (const [dir, plugin] of dirs) {
      for (const logo of Object.values(plugin.info.logos)) {
        expect(fs.existsSync(path.join(root, dir, logo))).toBe(true);
      }
    }
  });

  it('include the nested data source and panel by their plugin.json paths', () => {
    const nested = app.includes.filter((i: { type: string }) => i.type === 'datasource' || i.type === 'panel');
    expect(nested.map((i: { path: string }) => readJson(path.join('src', i.path)).id).sort()).toEqual([
      'appsvc-hypotheses-panel',
      'appsvc-triage-datasource',
    ]);
  });

  it('include every dashboard in dashboards/ and nothing that is missing', () => {
    const onDisk = fs.existsSync(path.join(root, 'dashboards'))
      ? fs.readdirSync(path.join(root, 'dashboards')).filter((f) => f.endsWith('.json')).map((f) => `dashboards/${f}`)
      : [];
    const included = app.includes.filter((i: { type: string }) => i.type === 'dashboard').map((i: { path: string }) => i.path);
    expect(included.sort()).toEqual(onDisk.sort());
  });

  it('give every page a path under the app and a role', () => {
    for (const page of app.includes.filter((i: { type: string }) => i.type === 'page')) {
      expect(page.path).toMatch(/^\/(a|plugins)\/appsvc-triage-app(\/|$)/);
      expect(['Viewer', 'Editor', 'Admin']).toContain(page.role);
    }
  });
});
