// The Azure source: Log Analytics with the HTTP aggregates pushed down as KQL. One load (a full
// dashboard refresh for one range) is at most 5 queries — HttpBins, 499 rows, Kudu/SCM deploy
// requests, console lines, platform lines — plus 2 metrics:getBatch calls (site, plan) when the
// site is known; panels refreshing together share them through the clients.
import type { LogTable, TableKind } from '../../engine';
import { DeploymentHistoryReading, HealthCheck, Source, SourceData, SourceHealth, SourceInputError, SourceRequest, SourceTable, SourceWarning } from '../source';
import { AzureSourceSettings, createLogAnalyticsClient } from './azure-settings';
import { LogAnalyticsClient, LogsQueryOutcome } from './client/log-analytics-client';
import { describeTarget, validateTarget } from './client/logs-target';
import { AzureQueryError } from './client/query-errors';
import { buildHealthQuery } from './kql/health-query';
import { DEFAULT_SPLIT_LIMITS, HTTP_BINS_COLUMNS, HTTP_BINS_TABLE, buildHttpBinsQuery } from './kql/http-bins-query';
import { QueryScope } from './kql/query-scope';
import { DEFAULT_RAW_CAPS, buildClientAbortQuery, buildConsoleLinesQuery, buildPlatformLinesQuery, buildScmDeployQuery } from './kql/raw-event-queries';
import { planHttpBins } from './plan/http-bins-plan';
import { applyCap, splitLimitWarnings } from './raw-sets';
import { healthFromTableCounts } from './source-health';
import { resolveCloud } from './client/clouds';
import { authSecrets, createCredential, describeAuth } from './client/credentials';
import { AzureMetricsClient } from './metrics/metrics-client';
import { METRICS_WHERE, PlatformMetricsReader } from './metrics/platform-metrics-reader';
import { SiteResourceReader } from './metrics/site-resource-reader';
import { DeploymentHistoryReader } from './deployments/deployment-history-reader';
import { armEndpointFor } from './site-config/arm-endpoint';
import { parseSiteResourceId, SiteConfigReader, type SiteResource } from './site-config/site-config-reader';

export interface AzureSourceRequest extends SourceRequest {
  /** The user fixed the bin: split the window rather than coarsen when limits are hit. */
  binIsFixed?: boolean;
}

export interface AzureSourceData extends SourceData {
  /** Which raw sets hit their cap (their warnings say the same in words). */
  truncated: { clientAborts: boolean; scmDeploys: boolean; console: boolean; platform: boolean };
  /** Log Analytics queries this load needed (before sharing and caching). */
  queries: number;
  /** metrics:getBatch calls this load needed (before sharing and caching); 0 when the site is unknown. */
  metricsCalls: number;
}

/** Kudu/SCM deploy requests come back as their own `http` table, next to the 499 rows. */
export const SCM_DEPLOYS_TABLE = 'ScmDeployRequests';

export const PERCENTILE_ESTIMATE_WARNING =
  'p50/p95/p99 come from KQL percentiles(), which are estimates (t-digest), not exact ranks; series derived from HttpBins are marked percentiles: "estimated"';

const HEALTH_WINDOW_MS = 24 * 3_600_000;
const METRICS_HEALTH_WINDOW_MS = 3_600_000;

export class AzureSource implements Source {
  readonly kind = 'azure' as const;
  private readonly client: LogAnalyticsClient;
  private readonly target: string;
  /** Reads the site's web config and allow-listed app settings (App Service resource targets only). */
  private readonly siteConfig?: SiteConfigReader;
  private readonly siteConfigUnavailable?: string;
  /** Lists the site's deployment history (App Service resource targets only). */
  private readonly deployments?: DeploymentHistoryReader;
  /** Site and plan metrics (the site is the resource target, or the workspace target's app.resourceId). */
  private readonly metrics?: PlatformMetricsReader;
  private readonly metricsUnavailable?: string;

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
    const cloud = resolveCloud(settings.cloud);
    // One credential for every Resource Manager and metrics read: one token cache, one sign-in.
    const credential = createCredential(settings.auth, cloud, settings.transport);
    const armOptions = (resource: SiteResource, armEndpoint: string) => ({
      credential,
      endpoint: armEndpoint,
      resource,
      tlsCa: settings.transport?.tlsCa,
      secrets: authSecrets(settings.auth),
      cacheTtlMs: settings.cacheTtlMs,
    });
    if (site && endpoint) {
      this.siteConfig = new SiteConfigReader(armOptions(site, endpoint));
      this.deployments = new DeploymentHistoryReader(armOptions(site, endpoint));
    } else if (site) {
      this.siteConfigUnavailable = 'site configuration not read: a custom cloud needs armEndpoint (its Resource Manager origin)';
    }
    // A workspace target names its site only through the app filter (if at all).
    const metricsSite = site ?? (settings.app?.resourceId ? parseSiteResourceId(normalisedId(settings.app.resourceId)) : undefined);
    if (settings.metrics === false) {
      // Turned off in the settings: nothing to say.
    } else if (!metricsSite) {
      this.metricsUnavailable = 'not read: platform metrics need the App Service site — use the app\'s resource id as the target instead of the workspace id (or set the app filter\'s resourceId)';
    } else if (!endpoint) {
      this.metricsUnavailable = 'not read: a custom cloud needs armEndpoint (to find the site\'s region and plan)';
    } else if (!cloud.metrics) {
      this.metricsUnavailable = 'not read: a custom cloud needs metricsEndpoint (its metrics data-plane origin)';
    } else {
      this.metrics = new PlatformMetricsReader(
        new SiteResourceReader(armOptions(metricsSite, endpoint)),
        new AzureMetricsClient({
          credential,
          scope: cloud.metrics.scope,
          credentialDescription: describeAuth(settings.auth),
          secrets: authSecrets(settings.auth),
          tlsCa: settings.transport?.tlsCa,
          retry: settings.retry,
          attemptTimeoutMs: settings.attemptTimeoutMs,
          cacheTtlMs: settings.cacheTtlMs,
        }),
        cloud
      );
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
    const metricsReading = this.metrics?.read({ window: request.window, binMs: request.binMs, instances: request.instances }, request.signal);

    // HttpBins carries every rate and latency signal: if it fails the load fails; a raw set
    // failing costs only that set.
    const [bins, raw] = await Promise.all([
      Promise.all(plan.windows.map((window) => run(HTTP_BINS_TABLE, buildHttpBinsQuery(scope(window), split), window))),
      Promise.allSettled([
        run('AppServiceHTTPLogs', buildClientAbortQuery(scope(), caps.clientAborts)),
        run(SCM_DEPLOYS_TABLE, buildScmDeployQuery(scope(), caps.scmDeploys)),
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
      ['http', raw[1], caps.scmDeploys, 'Kudu/SCM deploy requests'],
      ['console', raw[2], caps.console, 'matching console lines'],
      ['platform', raw[3], caps.platform, 'matching platform lines'],
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
    // Metrics never fail the load: what could not be read is a warning (read() does not throw).
    const metrics = await metricsReading;
    warnings.push(...(metrics?.warnings ?? []), ...(this.metricsUnavailable ? [{ where: METRICS_WHERE, message: this.metricsUnavailable }] : []));
    return {
      ...(siteConfig ? { siteConfig } : {}),
      ...(metrics?.metrics ? { metrics: metrics.metrics } : {}),
      description: `${this.describe()} (HttpBins at ${plan.bin.kql}, KQL pushdown)`,
      tables,
      warnings,
      span: request.window,
      truncated: { clientAborts: truncated[0], scmDeploys: truncated[1], console: truncated[2], platform: truncated[3] },
      queries: plan.windows.length + 4,
      metricsCalls: metrics?.calls ?? 0,
    };
  }

  /** Workspace targets and custom clouds without a Resource Manager origin have no history to read (and say nothing). */
  readDeploymentHistory(signal?: AbortSignal): Promise<DeploymentHistoryReading> {
    return this.deployments ? this.deployments.read(signal) : Promise.resolve({ notes: [] });
  }

  async health(): Promise<SourceHealth> {
    const [logs, metrics] = await Promise.all([this.logsHealth(), this.metricsHealth()]);
    if (!metrics) {
      return logs;
    }
    const status = logs.status === 'error' ? 'error' : logs.status === 'warning' || metrics.status !== 'ok' ? 'warning' : 'ok';
    return { ...logs, status, checks: [...logs.checks, metrics] };
  }

  /** One site + plan metrics read over the last hour; absent when the source reads no metrics (each load says why). */
  private async metricsHealth(): Promise<HealthCheck | undefined> {
    const name = METRICS_WHERE;
    if (!this.metrics) {
      return undefined;
    }
    const to = this.now();
    const reading = await this.metrics.read({ window: { from: to - METRICS_HEALTH_WINDOW_MS, to }, binMs: METRICS_HEALTH_WINDOW_MS });
    const problems = reading.warnings.filter((w) => !/coarser than/.test(w.message)).map((w) => w.message);
    if (problems.length > 0 || !reading.metrics) {
      return { name, status: 'warning', message: problems.join('; ') || 'no metrics returned' };
    }
    const instances = new Set(reading.metrics.series.filter((s) => s.name === 'CpuPercentage').map((s) => s.instance ?? ''));
    return { name, status: 'ok', message: `site and plan metrics readable; ${instances.size} instance(s) reported CpuPercentage in the last hour` };
  }

  private async logsHealth(): Promise<SourceHealth> {
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

/** A resource id with its leading slash, as validateTarget keeps it. */
function normalisedId(resourceId: string): string {
  const trimmed = resourceId.trim();
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
