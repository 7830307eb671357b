// The Azure source: Log Analytics with the HTTP aggregates pushed down as KQL. One load (a full
// dashboard refresh for one range) is at most 4 queries — HttpBins, 499 rows, console lines,
// platform lines — and panels refreshing together share them through the client.
import type { LogTable, TableKind } from '../../engine';
import { DeploymentHistoryReading, Source, SourceData, SourceHealth, SourceInputError, SourceRequest, SourceTable, SourceWarning } from '../source';
import { AzureSourceSettings, createLogAnalyticsClient } from './azure-settings';
import { LogAnalyticsClient, LogsQueryOutcome } from './client/log-analytics-client';
import { describeTarget, validateTarget } from './client/logs-target';
import { AzureQueryError } from './client/query-errors';
import { buildHealthQuery } from './kql/health-query';
import { DEFAULT_SPLIT_LIMITS, HTTP_BINS_COLUMNS, HTTP_BINS_TABLE, buildHttpBinsQuery } from './kql/http-bins-query';
import { QueryScope } from './kql/query-scope';
import { DEFAULT_RAW_CAPS, buildClientAbortQuery, buildConsoleLinesQuery, buildPlatformLinesQuery } from './kql/raw-event-queries';
import { planHttpBins } from './plan/http-bins-plan';
import { applyCap, splitLimitWarnings } from './raw-sets';
import { healthFromTableCounts } from './source-health';
import { resolveCloud } from './client/clouds';
import { authSecrets, createCredential } from './client/credentials';
import { DeploymentHistoryReader } from './deployments/deployment-history-reader';
import { armEndpointFor } from './site-config/arm-endpoint';
import { parseSiteResourceId, SiteConfigReader } from './site-config/site-config-reader';

export interface AzureSourceRequest extends SourceRequest {
  /** The user fixed the bin: split the window rather than coarsen when limits are hit. */
  binIsFixed?: boolean;
}

export interface AzureSourceData extends SourceData {
  /** Which raw sets hit their cap (their warnings say the same in words). */
  truncated: { clientAborts: boolean; console: boolean; platform: boolean };
  /** Log Analytics queries this load needed (before sharing and caching). */
  queries: number;
}

export const PERCENTILE_ESTIMATE_WARNING =
  'p50/p95/p99 come from KQL percentiles(), which are estimates (t-digest), not exact ranks; series derived from HttpBins are marked percentiles: "estimated"';

const HEALTH_WINDOW_MS = 24 * 3_600_000;

export class AzureSource implements Source {
  readonly kind = 'azure' as const;
  private readonly client: LogAnalyticsClient;
  private readonly target: string;
  /** Reads the site's web config and allow-listed app settings (App Service resource targets only). */
  private readonly siteConfig?: SiteConfigReader;
  private readonly siteConfigUnavailable?: string;
  /** Lists the site's deployment history (App Service resource targets only). */
  private readonly deployments?: DeploymentHistoryReader;

  constructor(
    private readonly settings: AzureSourceSettings,
    client?: LogAnalyticsClient,
    private readonly now: () => number = Date.now
  ) {
    const target = validateTarget(settings.target);
    this.target = describeTarget(target);
    this.client = client ?? createLogAnalyticsClient(settings);
    const site = target.kind === 'resource' ? parseSiteResourceId(target.resourceId) : undefined;
    const endpoint = armEndpointFor(settings.cloud, settings.armEndpoint);
    if (site && endpoint) {
      this.siteConfig = new SiteConfigReader({
        credential: createCredential(settings.auth, resolveCloud(settings.cloud), settings.transport),
        endpoint,
        resource: site,
        tlsCa: settings.transport?.tlsCa,
        secrets: authSecrets(settings.auth),
        cacheTtlMs: settings.cacheTtlMs,
      });
      this.deployments = new DeploymentHistoryReader({
        credential: createCredential(settings.auth, resolveCloud(settings.cloud), settings.transport),
        endpoint,
        resource: site,
        tlsCa: settings.transport?.tlsCa,
        secrets: authSecrets(settings.auth),
        cacheTtlMs: settings.cacheTtlMs,
      });
    } else if (site) {
      this.siteConfigUnavailable = 'site configuration not read: a custom cloud needs armEndpoint (its Resource Manager origin)';
    }
  }

  describe(): string {
    return `azure:${this.target}`;
  }

  async load(request: AzureSourceRequest): Promise<AzureSourceData> {
    if (!request.window) {
      throw new SourceInputError('azure source: a time window is required (Log Analytics is never queried without one)');
    }
    const caps = { ...DEFAULT_RAW_CAPS, ...this.settings.caps };
    const split = this.settings.splitLimits ?? DEFAULT_SPLIT_LIMITS;
    const plan = planHttpBins({
      window: request.window,
      binMs: request.binMs,
      binIsFixed: request.binIsFixed ?? false,
      pathFilterCount: request.paths?.length,
      instanceFilterCount: request.instances?.length,
      splitLimits: split,
    });
    const scope = (window = request.window!): QueryScope => ({
      window,
      bin: plan.bin,
      paths: request.paths,
      instances: request.instances,
      app: this.settings.target.kind === 'workspace' ? this.settings.app : undefined,
      includeScm: this.settings.includeScm,
    });
    const run = (name: string, query: string, window = request.window!) => this.client.query({ name, query, window }, request.signal);
    const siteConfigReading = this.siteConfig?.read(request.signal);

    // HttpBins carries every rate and latency signal: if it fails the load fails; a raw set
    // failing costs only that set.
    const [bins, raw] = await Promise.all([
      Promise.all(plan.windows.map((window) => run(HTTP_BINS_TABLE, buildHttpBinsQuery(scope(window), split), window))),
      Promise.allSettled([
        run('AppServiceHTTPLogs', buildClientAbortQuery(scope(), caps.clientAborts)),
        run('AppServiceConsoleLogs', buildConsoleLinesQuery(scope(), caps.console)),
        run('AppServicePlatformLogs', buildPlatformLinesQuery(scope(), caps.platform)),
      ]),
    ]);

    const warnings: SourceWarning[] = plan.warnings.map((message) => ({ where: HTTP_BINS_TABLE, message }));
    const binsTable: LogTable = {
      name: HTTP_BINS_TABLE,
      columns: bins[0]?.table.columns ?? HTTP_BINS_COLUMNS.map((c) => ({ ...c })),
      rows: bins.flatMap((outcome) => outcome.table.rows),
    };
    bins.forEach((outcome) => warnings.push(...outcome.warnings));
    warnings.push({ where: HTTP_BINS_TABLE, message: PERCENTILE_ESTIMATE_WARNING });
    warnings.push(...splitLimitWarnings(binsTable, split.maxPaths, split.maxInstances));

    const tables: SourceTable[] = [{ kind: 'bins', table: binsTable, origin: `${this.describe()}:${HTTP_BINS_TABLE}` }];
    const rawSets: Array<[TableKind, PromiseSettledResult<LogsQueryOutcome>, number, string]> = [
      ['http', raw[0], caps.clientAborts, '499 rows'],
      ['console', raw[1], caps.console, 'matching console lines'],
      ['platform', raw[2], caps.platform, 'matching platform lines'],
    ];
    const truncated: boolean[] = [];
    for (const [kind, settled, cap, what] of rawSets) {
      if (settled.status === 'rejected') {
        throwIfFatal(settled.reason);
        warnings.push({ where: String((settled.reason as AzureQueryError).queryName ?? kind), message: `unavailable: ${errorText(settled.reason)}` });
        truncated.push(false);
        continue;
      }
      const { capped, warnings: capWarnings } = applyCap(settled.value.table, cap, what);
      warnings.push(...settled.value.warnings, ...capWarnings);
      truncated.push(capped.truncated);
      tables.push({ kind, table: capped.table, origin: `${this.describe()}:${capped.table.name}` });
    }
    const siteConfig = await siteConfigReading;
    const siteNotes = [...(siteConfig?.notes ?? []), ...(this.siteConfigUnavailable ? [this.siteConfigUnavailable] : [])];
    warnings.push(...siteNotes.map((message) => ({ where: 'site config', message })));
    return {
      ...(siteConfig ? { siteConfig } : {}),
      description: `${this.describe()} (HttpBins at ${plan.bin.kql}, KQL pushdown)`,
      tables,
      warnings,
      span: request.window,
      truncated: { clientAborts: truncated[0], console: truncated[1], platform: truncated[2] },
      queries: plan.windows.length + 3,
    };
  }

  /** Workspace targets and custom clouds without a Resource Manager origin have no history to read (and say nothing). */
  readDeploymentHistory(signal?: AbortSignal): Promise<DeploymentHistoryReading> {
    return this.deployments ? this.deployments.read(signal) : Promise.resolve({ notes: [] });
  }

  async health(): Promise<SourceHealth> {
    const to = this.now();
    try {
      const app = this.settings.target.kind === 'workspace' ? this.settings.app : undefined;
      const outcome = await this.client.query({ name: 'health', query: buildHealthQuery(app), window: { from: to - HEALTH_WINDOW_MS, to } });
      return healthFromTableCounts(outcome.table, this.target);
    } catch (error) {
      // A workspace that never received any of the three tables cannot even resolve the union:
      // that is the "no diagnostic settings" case, not an unreachable service.
      if (error instanceof AzureQueryError && error.kind === 'bad-request' && /resolve (table|scalar expression)/i.test(error.message)) {
        return healthFromTableCounts({ name: 'health', columns: [], rows: [] }, this.target);
      }
      const message = errorText(error);
      return { status: 'error', message, checks: [{ name: 'reachable', status: 'error', message }] };
    }
  }
}

/** Auth failures and cancellation end the whole load; other raw-set failures cost only that set. */
function throwIfFatal(reason: unknown): void {
  if (!(reason instanceof AzureQueryError) || reason.kind === 'auth' || reason.kind === 'cancelled') {
    throw reason;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
