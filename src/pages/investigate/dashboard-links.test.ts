import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dashboardLinks, DASHBOARDS, hypothesisDashboard } from './dashboard-links';

describe('dashboardLinks', () => {
  it('carries the data source and the exact range', () => {
    const [overview] = dashboardLinks('appsvc-triage-lab', { from: 1000, to: 2000 });
    expect(overview.href).toBe('/d/appsvc-overview?from=1000&to=2000&var-datasource=appsvc-triage-lab');
  });

  it('finds the dashboard of a hypothesis', () => {
    expect(hypothesisDashboard(dashboardLinks('x', { from: 0, to: 1 }), 'T1')?.uid).toBe('appsvc-t1');
    expect(hypothesisDashboard(dashboardLinks('x', { from: 0, to: 1 }), 'C1')?.uid).toBe('appsvc-c1');
    expect(hypothesisDashboard(dashboardLinks('x', { from: 0, to: 1 }), 'X1')).toBeUndefined();
  });

  it.each(DASHBOARDS.map((dashboard) => dashboard.uid))('%s is a provisioned dashboard with a datasource variable', (uid) => {
    const file = join(__dirname, '..', '..', '..', 'dashboards', `${uid}.json`);
    expect(existsSync(file)).toBe(true);
    const dashboard = JSON.parse(readFileSync(file, 'utf8'));
    expect(dashboard.uid).toBe(uid);
    expect(dashboard.templating.list.map((variable: { name: string }) => variable.name)).toContain('datasource');
  });
});
