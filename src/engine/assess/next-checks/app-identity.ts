// Which app the suggested queries and commands are about: names read from the data or the source spec.

export interface AppIdentity {
  /** Site name (the `--name` of `az webapp`), when known. */
  name?: string;
  resourceGroup?: string;
  /** Full ARM resource id of the site, when known (azure source). */
  resourceId?: string;
  /** Requested host names seen in CsHost (site and slots, SCM excluded). */
  hosts: string[];
}

const SITE_ID_PATTERN = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Web\/sites\/([^/]+)/i;

/** Name and resource group from a site resource id; `{hosts: []}` for anything else (e.g. a workspace id). */
export function identityFromResourceId(resourceId: string): AppIdentity {
  const match = SITE_ID_PATTERN.exec(resourceId);
  if (!match) {
    return { hosts: [] };
  }
  return { resourceId, resourceGroup: match[2], name: match[3], hosts: [] };
}

/** Site name from host names: the first label of the first non-SCM host (`app-x.azurewebsites.net` → `app-x`). */
export function identityFromHosts(hosts: string[]): AppIdentity {
  const siteHosts = [...new Set(hosts.filter((host) => host !== '' && !host.includes('.scm.')))].sort();
  const primary = siteHosts.find((host) => !/-staging\./i.test(host)) ?? siteHosts[0];
  const label = primary?.split('.')[0];
  return label ? { name: label, hosts: siteHosts } : { hosts: siteHosts };
}

/** A POSIX shell word: bare when safe, else single-quoted with embedded quotes closed and reopened. */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_./:@=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The `--resource-group … --name …` pair, with the unknown parts left as angle-bracket fields to fill in. */
export function azSiteArguments(app: AppIdentity): string {
  const group = app.resourceGroup ? shellWord(app.resourceGroup) : '<resource-group>';
  const name = app.name ? shellWord(app.name) : '<app-name>';
  return `--resource-group ${group} --name ${name}`;
}

/** Distinct CsHost values of the HTTP tables (the requested host names). */
export function hostsFromTables(tables: Array<{ columns: Array<{ name: string }>; rows: unknown[][] }>): string[] {
  const hosts = new Set<string>();
  for (const table of tables) {
    const column = table.columns.findIndex((entry) => entry.name === 'CsHost');
    if (column < 0) {
      continue;
    }
    for (const row of table.rows) {
      const value = Array.isArray(row) ? row[column] : undefined;
      if (typeof value === 'string' && value !== '') {
        hosts.add(value);
      }
    }
  }
  return [...hosts].sort();
}
