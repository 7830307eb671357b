// Every provisioned dashboard, built from code, and its file in dashboards/ (stable JSON text).
import { endpointsDashboard } from './endpoints';
import type { Dashboard } from './grafana-json';
import { hypothesisDashboard } from './hypothesis-drilldown';
import { HYPOTHESES } from './hypothesis-evidence';
import { instancesDashboard } from './instances';
import { overviewDashboard } from './overview';
import { workersDashboard } from './workers';

export const DASHBOARDS_DIR = 'dashboards';

export function buildDashboards(): Dashboard[] {
  return [overviewDashboard(), instancesDashboard(), endpointsDashboard(), workersDashboard(), ...HYPOTHESES.map(hypothesisDashboard)];
}

export function dashboardFileName(dashboard: Dashboard): string {
  return `${dashboard.uid}.json`;
}

/** File name → content, exactly as committed. */
export function renderDashboardFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const dashboard of buildDashboards()) {
    const name = dashboardFileName(dashboard);
    if (files.has(name)) {
      throw new Error(`two dashboards share the uid "${dashboard.uid}"`);
    }
    files.set(name, JSON.stringify(dashboard, null, 2) + '\n');
  }
  return files;
}
