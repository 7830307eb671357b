// Public surface of the Azure source: the Source implementation, its settings, the pure KQL
// builders (also usable to show users the exact query) and the planner.
export { AzureSource, PERCENTILE_ESTIMATE_WARNING, SCM_DEPLOYS_TABLE } from './azure-source';
export type { AzureSourceData, AzureSourceRequest } from './azure-source';
export { createLogAnalyticsClient } from './azure-settings';
export type { AzureSourceSettings } from './azure-settings';
export { AZURE_CLOUDS, resolveCloud } from './client/clouds';
export type { AzureCloud, AzureCloudName, CustomCloud } from './client/clouds';
export { describeAuth } from './client/credentials';
export type { AzureAuth, AzureAuthKind, AzureTransport } from './client/credentials';
export { LogAnalyticsClient } from './client/log-analytics-client';
export type { LogsQueryOutcome, LogsQuerySpec } from './client/log-analytics-client';
export { validateTarget } from './client/logs-target';
export type { LogsTarget } from './client/logs-target';
export { AzureQueryError } from './client/query-errors';
export type { QueryFailureKind } from './client/query-errors';
export { buildHealthQuery } from './kql/health-query';
export { HTTP_BINS_COLUMNS, HTTP_BINS_TABLE, buildHttpBinsQuery } from './kql/http-bins-query';
export { KqlValueError, kqlDatetime, kqlString, kqlStringList, parseTimespan } from './kql/literals';
export type { QueryScope, AppFilter } from './kql/query-scope';
export { buildClientAbortQuery, buildConsoleLinesQuery, buildPlatformLinesQuery, buildScmDeployQuery } from './kql/raw-event-queries';
export { instanceFilter, odataString } from './metrics/metrics-filter';
export { METRICS_ROLE_HINT } from './metrics/platform-metrics-reader';
export { planHttpBins } from './plan/http-bins-plan';
export { DIAGNOSTIC_CATEGORIES } from './source-health';
export { azureSettingsFromDataSource } from './data-source-settings';
export type { AzureDataSourceFields } from './data-source-settings';
