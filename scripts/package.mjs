// Zips dist/ as <app-id>-<version>.zip with one top folder named by the app id, the layout
// Grafana's plugin installer and `grafana cli --pluginUrl` expect.
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'dist');
const appPlugin = JSON.parse(fs.readFileSync(path.join(dist, 'plugin.json'), 'utf8'));
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const zipName = `${appPlugin.id}-${version}.zip`;

function* walk(dir) {
  for (const item of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) {
      yield* walk(full);
    } else if (!item.name.endsWith('.map')) {
      yield full;
    }
  }
}

const zip = new yazl.ZipFile();
let count = 0;
for (const file of walk(dist)) {
  const { mode } = fs.statSync(file);
  zip.addFile(file, `${appPlugin.id}/${path.relative(dist, file)}`, { mode });
  count++;
}
zip.end();
await new Promise((resolve, reject) =>
  zip.outputStream.pipe(fs.createWriteStream(path.join(root, zipName))).on('close', resolve).on('error', reject)
);
console.log(`${zipName}: ${count} files under ${appPlugin.id}/`);
