// Links from a diagnosis into the provisioned dashboards, with the same data source and range.

export const DASHBOARDS = [
  { uid: 'appsvc-overview', title: 'Overview' },
  { uid: 'appsvc-instances', title: 'Instances' },
  { uid: 'appsvc-endpoints', title: 'Endpoints' },
  { uid: 'appsvc-workers', title: 'Workers' },
  { uid: 'appsvc-h1', title: 'H1 worker exhaustion', hypothesis: 'H1' },
  { uid: 'appsvc-h2', title: 'H2 dependency cascade', hypothesis: 'H2' },
  { uid: 'appsvc-h3', title: 'H3 probe / restart overlap', hypothesis: 'H3' },
  { uid: 'appsvc-h4', title: 'H4 outbound pressure', hypothesis: 'H4' },
  { uid: 'appsvc-t1', title: 'T1 gunicorn timeout', hypothesis: 'T1' },
  { uid: 'appsvc-m1', title: 'M1 memory pressure', hypothesis: 'M1' },
  { uid: 'appsvc-c1', title: 'C1 CPU saturation', hypothesis: 'C1' },
] as const;

export interface DashboardLink {
  uid: string;
  title: string;
  href: string;
  hypothesis?: string;
}

export function dashboardLinks(datasourceUid: string, range: { from: number; to: number }): DashboardLink[] {
  const query = new URLSearchParams({ from: String(range.from), to: String(range.to), 'var-datasource': datasourceUid });
  return DASHBOARDS.map((dashboard) => ({ ...dashboard, href: `/d/${dashboard.uid}?${query.toString()}` }));
}

/** The dashboard that digs into one hypothesis, if there is one. */
export function hypothesisDashboard(links: DashboardLink[], hypothesis: string): DashboardLink | undefined {
  return links.find((link) => link.hypothesis === hypothesis);
}
