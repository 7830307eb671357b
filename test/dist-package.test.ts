// `npm run build` and `npm run package` produce what Grafana loads: checked on the real outputs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

function zipEntries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) {
        return reject(err);
      }
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('dist and package', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(dist, 'module.js'))) {
      throw new Error('dist/ is missing: run `npm run build` first (`npm test` does it for you)');
    }
  });

  it.each(['', 'datasource/', 'panels/hypotheses/'])('has plugin.json and module.js for %s', (dir) => {
    expect(fs.existsSync(path.join(dist, dir, 'plugin.json'))).toBe(true);
    expect(fs.readFileSync(path.join(dist, dir, 'module.js'), 'utf8')).toMatch(/^define\(/);
    const pluginJson = JSON.parse(fs.readFileSync(path.join(dist, dir, 'plugin.json'), 'utf8'));
    expect(pluginJson.info.version).toBe(require(path.join(root, 'package.json')).version);
    for (const logo of Object.values<string>(pluginJson.info.logos)) {
      expect(fs.existsSync(path.join(dist, dir, logo))).toBe(true);
    }
  });

  it('carries README, CHANGELOG and LICENSE', () => {
    for (const doc of ['README.md', 'CHANGELOG.md', 'LICENSE']) {
      expect(fs.statSync(path.join(dist, doc)).size).toBeGreaterThan(0);
    }
  });

  it('ships a backend executable only as a real binary, never a stand-in file', () => {
    const executables = fs.readdirSync(path.join(dist, 'datasource')).filter((f) => f.startsWith('gpx_appsvc_triage'));
    for (const exe of executables) {
      const head = Buffer.alloc(4);
      const fd = fs.openSync(path.join(dist, 'datasource', exe), 'r');
      fs.readSync(fd, head, 0, 4, 0);
      fs.closeSync(fd);
      expect(head.toString('latin1')).toBe('\x7fELF');
      expect(fs.statSync(path.join(dist, 'datasource', exe)).mode & 0o111).not.toBe(0);
    }
  });

  // Zipping two ~120 MB backend executables takes a while on a small machine.
  it('zips everything under one folder named by the app id', async () => {
    const version = require(path.join(root, 'package.json')).version;
    const zipFile = path.join(root, `appsvc-triage-app-${version}.zip`);
    execFileSync(process.execPath, [path.join(root, 'scripts/package.mjs')], { cwd: root, stdio: 'pipe' });
    const names = await zipEntries(zipFile);
    expect(new Set(names.map((n) => n.split('/')[0]))).toEqual(new Set(['appsvc-triage-app']));
    expect(names.filter((n) => n.endsWith('plugin.json')).sort()).toEqual([
      'appsvc-triage-app/datasource/plugin.json',
      'appsvc-triage-app/panels/hypotheses/plugin.json',
      'appsvc-triage-app/plugin.json',
    ]);
  }, 300_000);
});
