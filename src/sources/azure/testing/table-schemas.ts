// The three App Service tables as Microsoft's Azure Monitor table reference declares them
// (azure-monitor-ref/tables/appservice{http,console,platform}logs), used to validate queries.

export interface TableSchema {
  name: string;
  columns: ReadonlyArray<readonly [name: string, kustoType: string]>;
}

const COMMON: ReadonlyArray<readonly [string, string]> = [
  ['_BilledSize', 'real'],
  ['_IsBillable', 'string'],
  ['_ResourceId', 'string'],
  ['SourceSystem', 'string'],
  ['_SubscriptionId', 'string'],
  ['TenantId', 'string'],
  ['TimeGenerated', 'datetime'],
  ['Type', 'string'],
];

export const APP_SERVICE_HTTP_LOGS: TableSchema = {
  name: 'AppServiceHTTPLogs',
  columns: [
    ...COMMON,
    ['CIp', 'string'],
    ['ComputerName', 'string'],
    ['Cookie', 'string'],
    ['CsBytes', 'int'],
    ['CsHost', 'string'],
    ['CsMethod', 'string'],
    ['CsUriQuery', 'string'],
    ['CsUriStem', 'string'],
    ['CsUsername', 'string'],
    ['Referer', 'string'],
    ['Result', 'string'],
    ['ScBytes', 'int'],
    ['ScStatus', 'int'],
    ['ScSubStatus', 'string'],
    ['ScWin32Status', 'string'],
    ['SPort', 'string'],
    ['TimeTaken', 'int'],
    ['UserAgent', 'string'],
  ],
};

export const APP_SERVICE_CONSOLE_LOGS: TableSchema = {
  name: 'AppServiceConsoleLogs',
  columns: [
    ...COMMON,
    ['Category', 'string'],
    ['ContainerId', 'string'],
    ['Host', 'string'],
    ['Level', 'string'],
    ['OperationName', 'string'],
    ['ResultDescription', 'string'],
  ],
};

export const APP_SERVICE_PLATFORM_LOGS: TableSchema = {
  name: 'AppServicePlatformLogs',
  columns: [
    ...COMMON,
    ['ActivityId', 'string'],
    ['ContainerId', 'string'],
    ['DeploymentId', 'string'],
    ['Exception', 'string'],
    ['Host', 'string'],
    ['Level', 'string'],
    ['Message', 'string'],
    ['OperationName', 'string'],
    ['StackTrace', 'string'],
  ],
};

export const APP_SERVICE_SCHEMAS: readonly TableSchema[] = [APP_SERVICE_HTTP_LOGS, APP_SERVICE_CONSOLE_LOGS, APP_SERVICE_PLATFORM_LOGS];
