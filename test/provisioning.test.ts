// Provisioning files are read by Grafana at start-up: they must parse and point at real ids.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

const root = path.resolve(__dirname, '..');
const ids = new Set(
  ['src/plugin.json', 'src/datasource/plugin.json', 'src/panels/hypotheses/plugin.json'].map(
    (rel) => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8')).id
  )
);

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

describe('provisioning', () => {
  const files = yamlFiles(path.join(root, 'provisioning'));

  it('has files, and every one parses as YAML with apiVersion 1', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
      expect({ file: path.relative(root, file), apiVersion: doc.apiVersion }).toEqual({
        file: path.relative(root, file),
        apiVersion: 1,
      });
    }
  });

  it('enables our app and provisions data sources of our type with stable uids', () => {
    const docs = files.map((file) => YAML.parse(fs.readFileSync(file, 'utf8')));
    const apps = docs.flatMap((doc) => doc.apps ?? []);
    expect(apps.map((app: { type: string }) => app.type)).toContain('appsvc-triage-app');
    for (const app of apps) {
      expect(ids.has(app.type)).toBe(true);
    }
    const datasources = docs.flatMap((doc) => doc.datasources ?? []);
    expect(datasources.length).toBeGreaterThan(0);
    for (const ds of datasources) {
      expect(ds.type).toBe('appsvc-triage-datasource');
      expect(ds.uid).toMatch(/^[a-z0-9-]{1,40}$/);
    }
    expect(datasources.find((ds: { uid: string }) => ds.uid === 'appsvc-triage-lab')?.jsonData.source).toBe('lab');
  });
});
