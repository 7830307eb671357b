// Writes dashboards/*.json from the builders; removes generated files whose dashboard is gone.
// Run: npm run dashboards
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DASHBOARDS_DIR, renderDashboardFiles } from './build';

const directory = resolve(__dirname, '..', '..', DASHBOARDS_DIR);
const files = renderDashboardFiles();
for (const [name, content] of files) {
  writeFileSync(join(directory, name), content);
}
const stale = readdirSync(directory).filter((name) => name.endsWith('.json') && !files.has(name));
for (const name of stale) {
  rmSync(join(directory, name));
}
console.log(`wrote ${files.size} dashboards to ${DASHBOARDS_DIR}/${stale.length ? `, removed ${stale.join(', ')}` : ''}`);
