/** The Log Analytics REST response shape, one table named PrimaryResult. */
export interface Column {
  name: string;
  type: 'datetime' | 'string' | 'int' | 'long' | 'real' | 'bool' | 'dynamic' | 'guid';
}

export interface QueryResponse {
  tables: Array<{ name: string; columns: Column[]; rows: unknown[][] }>;
}

/**
 * Builds a response from records keyed by column name; rows come out newest first,
 * like the exports in the corpus (ordered by TimeGenerated desc).
 */
export function toQueryResponse(columns: Column[], records: Array<Record<string, unknown>>): QueryResponse {
  const sorted = records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => String(b.r.TimeGenerated).localeCompare(String(a.r.TimeGenerated)) || b.i - a.i)
    .map(({ r }) => r);
  const rows = sorted.map((record) =>
    columns.map((c) => {
      if (!(c.name in record)) {
        throw new Error(`record is missing column "${c.name}": ${JSON.stringify(record).slice(0, 200)}`);
      }
      return record[c.name];
    }),
  );
  return { tables: [{ name: 'PrimaryResult', columns, rows }] };
}

/** Lab site identity, shared by all three tables. */
export interface SiteIdentity {
  siteName: string;
  siteHost: string;
  resourceId: string;
}

export function siteIdentity(scenario: string): SiteIdentity {
  const siteName = `app-lab-${scenario}`;
  return {
    siteName,
    siteHost: `${siteName}.azurewebsites.net`,
    resourceId: `/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg-incident-lab/providers/microsoft.web/sites/${siteName}`,
  };
}
