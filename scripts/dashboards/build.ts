// Every provisioned dashboard, built from code, and its file in dashboards/ (stable JSON text).
// Each passes through Grafana's own dashboard type (@grafana/schema) on the way to the file, so
// the compiler checks the generated JSON against Grafana's schema, not only against ours.
import type { Dashboard as GrafanaDashboard } from '@grafana/schema';
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

/** The same dashboard, typed as Grafana's schema (queries become plain records there). */
export function asGrafanaDashboard(dashboard: Dashboard): GrafanaDashboard {
  return { ...dashboard, panels: dashboard.panels.map((panel) => ({ ...panel, targets: panel.targets.map((target) => ({ ...target })) })) };
}

/** File name → content, exactly as committed. */
export function renderDashboardFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const dashboard of buildDashboards()) {
    const name = dashboardFileName(dashboard);
    if (files.has(name)) {
      throw new Error(`two dashboards share the uid "${dashboard.uid}"`);
    }
    files.set(name, JSON.stringify(asGrafanaDashboard(dashboard), null, 2) + '\n');
  }
  return files;
}
