// The request shapes and the handler interface the plugin plumbing serves. Nothing here
// knows what the data source is about: an application supplies PluginHandlers.
import type { Frame } from '../frames/frame';
import type { Logger } from './hclog';

export interface GrafanaUser {
  login: string;
  name: string;
  email: string;
  role: string;
}

export interface DataSourceInstanceSettings {
  id: number;
  uid: string;
  name: string;
  url: string;
  /** Raw jsonData bytes as Grafana stored them; the application parses them. */
  jsonData: Buffer;
  /** Decrypted secrets: never log them, never return them. */
  decryptedSecureJsonData: Readonly<Record<string, string>>;
  lastUpdatedMS: number;
}

export interface PluginContext {
  orgId: number;
  pluginId: string;
  pluginVersion: string;
  userAgent: string;
  /** Absent when Grafana itself makes the request (alert rules, provisioning). */
  user: GrafanaUser | undefined;
  dataSourceInstanceSettings: DataSourceInstanceSettings | undefined;
  grafanaConfig: Readonly<Record<string, string>>;
}

/** A query after the plumbing has checked its JSON is an object. */
export interface ParsedQuery {
  refId: string;
  queryType: string;
  /** The query's JSON object as the frontend saved it (including refId, queryType, …). */
  model: Readonly<Record<string, unknown>>;
  timeRange: { from: Date; to: Date };
  intervalMs: number;
  maxDataPoints: number;
}

export interface RequestContext<TInstance> {
  instance: TInstance;
  pluginContext: PluginContext;
  headers: Readonly<Record<string, string>>;
  /** Grafana's alerting evaluates this request (header FromAlert): numeric frames only. */
  fromAlert: boolean;
  /** Aborted when Grafana cancels the request. */
  signal: AbortSignal;
  logger: Logger;
}

export type QueryTypeHandler<TInstance> = (query: ParsedQuery, context: RequestContext<TInstance>) => Promise<Frame[]>;

export type HealthStatus = 'OK' | 'ERROR' | 'UNKNOWN';

export interface HealthCheckResult {
  status: HealthStatus;
  message: string;
  /** Serialised as jsonDetails; shown by Grafana's data source page. */
  details?: Record<string, unknown>;
}

export interface ResourceRequest<TInstance> extends RequestContext<TInstance> {
  method: string;
  /** Normalised: leading "/" and no trailing "/" (e.g. "/scenarios"). */
  path: string;
  query: URLSearchParams;
  body: Buffer;
}

export interface ResourceResponse {
  status: number;
  headers?: Record<string, string[]>;
  body: Buffer;
}

export interface ResourceRoute<TInstance> {
  method: 'GET' | 'POST';
  path: string;
  handle(request: ResourceRequest<TInstance>): Promise<ResourceResponse>;
}

export interface PluginHandlers<TInstance> {
  /**
   * Builds the per-data-source state from its settings (undefined when the request names no
   * data source). Cached per uid and rebuilt when lastUpdatedMS changes. Throw a
   * PluginRequestError for settings the user must fix.
   */
  createInstance(settings: DataSourceInstanceSettings | undefined): TInstance;
  disposeInstance?(instance: TInstance): void;
  /** One handler per query type; the key is the query's queryType. */
  queryTypes: Readonly<Record<string, QueryTypeHandler<TInstance>>>;
  checkHealth(context: RequestContext<TInstance>): Promise<HealthCheckResult>;
  resources: ReadonlyArray<ResourceRoute<TInstance>>;
}

/** Where an error comes from, as Grafana's error source: the plugin's fault or not. */
export type ErrorSource = 'plugin' | 'downstream';

/**
 * An error a handler raises on purpose: its message reaches the user, with an HTTP-like
 * status. Use source "downstream" for bad input or a failing upstream service, "plugin"
 * for the plugin's own faults.
 */
export class PluginRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly source: ErrorSource
  ) {
    super(message);
    this.name = 'PluginRequestError';
  }
}
