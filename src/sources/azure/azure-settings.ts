// Settings of an Azure source and the client they produce. Secrets live only in `auth`.
import { AzureCloudName, CustomCloud, resolveCloud } from './client/clouds';
import { AzureAuth, AzureTransport, authSecrets, createCredential, describeAuth } from './client/credentials';
import { LogAnalyticsClient } from './client/log-analytics-client';
import { LogsTarget, validateTarget } from './client/logs-target';
import { RetryPolicy } from './client/retry-policy';
import { SplitLimits } from './kql/http-bins-query';
import { AppFilter } from './kql/query-scope';
import { DEFAULT_RAW_CAPS } from './kql/raw-event-queries';

export interface AzureSourceSettings {
  /** Workspace-centric (`workspaceId`) or resource-centric (App Service resource id). */
  target: LogsTarget;
  auth: AzureAuth;
  cloud?: AzureCloudName | CustomCloud;
  /** Workspace mode: keep only this app's rows when several apps share the workspace. */
  app?: AppFilter;
  /** Row caps of the raw sets (499 rows, console lines, platform lines). */
  caps?: Partial<typeof DEFAULT_RAW_CAPS>;
  splitLimits?: SplitLimits;
  includeScm?: boolean;
  /** Read site and plan metrics (metrics:getBatch); default true. Needs the site (resource target or app.resourceId). */
  metrics?: boolean;
  serverTimeoutSeconds?: number;
  attemptTimeoutMs?: number;
  cacheTtlMs?: number;
  retry?: Partial<RetryPolicy>;
  transport?: AzureTransport;
  /** Resource Manager origin for the site's configuration; defaults by cloud (needed for a custom cloud). */
  armEndpoint?: string;
}

export function createLogAnalyticsClient(settings: AzureSourceSettings): LogAnalyticsClient {
  const cloud = resolveCloud(settings.cloud);
  const target = validateTarget(settings.target);
  return new LogAnalyticsClient({
    target,
    cloud,
    credential: createCredential(settings.auth, cloud, settings.transport),
    credentialDescription: describeAuth(settings.auth),
    secrets: authSecrets(settings.auth),
    transport: settings.transport,
    retry: settings.retry,
    serverTimeoutSeconds: settings.serverTimeoutSeconds,
    attemptTimeoutMs: settings.attemptTimeoutMs,
    cacheTtlMs: settings.cacheTtlMs,
  });
}
