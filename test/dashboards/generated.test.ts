// The committed dashboards/*.json are exactly what the generator writes: edit the builders in
// scripts/dashboards/ and run `npm run dashboards`, never the JSON by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDashboardFiles } from '../../scripts/dashboards/build';
import { DASHBOARDS_DIR } from './dashboard-files';

describe('generated dashboards', () => {
  const generated = renderDashboardFiles();

  it('are the files committed in dashboards/, no more and no fewer', () => {
    const committed = readdirSync(DASHBOARDS_DIR).filter((name) => name.endsWith('.json')).sort();
    expect(committed).toEqual([...generated.keys()].sort());
  });

  it.each([...generated.keys()])('%s has not drifted from its builder (run `npm run dashboards`)', (name) => {
    expect(readFileSync(join(DASHBOARDS_DIR, name), 'utf8')).toBe(generated.get(name));
  });

  it('come out the same on every run', () => {
    expect(renderDashboardFiles()).toEqual(generated);
  });
});
