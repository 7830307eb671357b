// Health: which of the three tables received rows in the last 24 h. `isfuzzy=true` keeps the
// query valid when a table has never existed in the workspace (diagnostic setting never enabled).
import { AppFilter, appClause } from './query-scope';

export const APP_SERVICE_TABLES = ['AppServiceHTTPLogs', 'AppServiceConsoleLogs', 'AppServicePlatformLogs'] as const;
export type AppServiceTable = (typeof APP_SERVICE_TABLES)[number];

export const HEALTH_LOOKBACK = '24h';

export function buildHealthQuery(app?: AppFilter): string {
  return [
    `union isfuzzy=true withsource=SourceTable ${APP_SERVICE_TABLES.join(', ')}`,
    `| where TimeGenerated > ago(${HEALTH_LOOKBACK})`,
    ...appClause(app),
    '| summarize rowCount = count(), lastRow = max(TimeGenerated) by SourceTable',
  ].join('\n');
}
