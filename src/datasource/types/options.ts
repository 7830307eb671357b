// Data source settings: `jsonData` is stored in clear, `secureJsonData` only encrypted by Grafana.
import type { DataSourceJsonData } from '@grafana/data';

export type SourceKind = 'lab' | 'files' | 'azure';
export type AzureAuthMode = 'managedIdentity' | 'workloadIdentity' | 'clientSecret' | 'azureCli';
export type AzureCloud = 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud';

export interface AppSvcOptions extends DataSourceJsonData {
  source?: SourceKind;
  /** lab: which recorded incident to replay. */
  labScenario?: string;
  /** lab: shift the recording so it ends now ("replay as of now"). */
  labReplayAsOfNow?: boolean;
  /** files: folder on the Grafana server holding exported logs. */
  filesFolder?: string;
  /** azure: Log Analytics workspace id, or an App Service resource id for resource-centric queries. */
  azureTarget?: string;
  azureAuth?: AzureAuthMode;
  azureTenantId?: string;
  azureClientId?: string;
  azureCloud?: AzureCloud;
  /** Upper bound on rows a query may return before it fails with a clear error. */
  maxRows?: number;
}

export interface AppSvcSecureOptions {
  azureClientSecret?: string;
}

export const DEFAULT_OPTIONS: Required<Pick<AppSvcOptions, 'source' | 'labScenario' | 'labReplayAsOfNow'>> = {
  source: 'lab',
  labScenario: 'h1-exhaustion',
  labReplayAsOfNow: true,
};
