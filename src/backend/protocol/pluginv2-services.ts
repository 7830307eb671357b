// Grafana's pluginv2 services (Data, Diagnostics, Resource): decode, find the data source
// instance, call the application's handlers, encode. Each call is timed and counted.
import {
  status as GrpcStatus,
  type ServerUnaryCall,
  type ServerWritableStream,
  type UntypedServiceImplementation,
  type sendUnaryData,
} from '@grpc/grpc-js';
import type { Logger } from './hclog';
import type { InstanceCache } from './instance-cache';
import type { PluginMetrics } from './metrics';
import { PluginRequestError, type PluginHandlers, type RequestContext } from './plugin-types';
import { isFromAlert, toPluginContext, type RawDataQuery, type RawPluginContext } from './proto-convert';
import { answerQueries, failAllQueries } from './query-dispatch';
import { jsonResponse, normaliseResourcePath, routeResource } from './resource-router';

export interface PluginServiceDependencies<TInstance> {
  handlers: PluginHandlers<TInstance>;
  instances: InstanceCache<TInstance>;
  metrics: PluginMetrics;
  logger: Logger;
}

interface CancellableCall {
  on(event: 'cancelled', listener: () => void): unknown;
}

function abortOnCancel(call: CancellableCall): AbortSignal {
  const controller = new AbortController();
  call.on('cancelled', () => controller.abort(new Error('cancelled by Grafana')));
  return controller.signal;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Resolves the instance or turns a settings failure into a PluginRequestError. */
function contextFor<TInstance>(
  deps: PluginServiceDependencies<TInstance>,
  rawContext: RawPluginContext | null,
  headers: Record<string, string>,
  signal: AbortSignal
): RequestContext<TInstance> {
  const pluginContext = toPluginContext(rawContext);
  let cached;
  try {
    cached = deps.instances.get(pluginContext.dataSourceInstanceSettings);
  } catch (error) {
    if (error instanceof PluginRequestError) {
      throw error;
    }
    const uid = pluginContext.dataSourceInstanceSettings?.uid ?? '(none)';
    throw new PluginRequestError(`data source ${uid}: could not load its settings: ${errorMessage(error)}`, 500, 'plugin');
  }
  deps.metrics.recordInstanceCache(cached.cacheHit);
  return { instance: cached.instance, pluginContext, headers, fromAlert: isFromAlert(headers), signal, logger: deps.logger };
}

async function timed<T>(metrics: PluginMetrics, endpoint: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await work();
    metrics.recordRequest(endpoint, 'ok', performance.now() - started);
    return result;
  } catch (error) {
    metrics.recordRequest(endpoint, 'error', performance.now() - started);
    throw error;
  }
}

interface QueryDataRequest {
  pluginContext: RawPluginContext | null;
  headers: Record<string, string>;
  queries: RawDataQuery[];
}

export function dataService<TInstance>(deps: PluginServiceDependencies<TInstance>): UntypedServiceImplementation {
  return {
    QueryData(call: ServerUnaryCall<QueryDataRequest, unknown>, callback: sendUnaryData<unknown>) {
      const { pluginContext, headers, queries } = call.request;
      const signal = abortOnCancel(call);
      timed(deps.metrics, 'queryData', async () => {
        let context: RequestContext<TInstance>;
        try {
          context = contextFor(deps, pluginContext, headers ?? {}, signal);
        } catch (error) {
          return failAllQueries(queries, error as PluginRequestError);
        }
        return answerQueries(queries, deps.handlers.queryTypes, context, deps.metrics, deps.logger);
      }).then(
        (responses) => callback(null, { responses }),
        (error) => callback({ code: GrpcStatus.INTERNAL, details: `QueryData failed: ${errorMessage(error)}` })
      );
    },
  };
}

interface CheckHealthRequest {
  pluginContext: RawPluginContext | null;
  headers: Record<string, string>;
}

export function diagnosticsService<TInstance>(deps: PluginServiceDependencies<TInstance>): UntypedServiceImplementation {
  return {
    CheckHealth(call: ServerUnaryCall<CheckHealthRequest, unknown>, callback: sendUnaryData<unknown>) {
      const signal = abortOnCancel(call);
      timed(deps.metrics, 'checkHealth', async () => {
        try {
          const context = contextFor(deps, call.request.pluginContext, call.request.headers ?? {}, signal);
          return await deps.handlers.checkHealth(context);
        } catch (error) {
          deps.logger.warn('health check failed', { error: errorMessage(error) });
          return { status: 'ERROR' as const, message: errorMessage(error) };
        }
      }).then((result) =>
        callback(null, {
          status: result.status,
          message: result.message,
          jsonDetails: Buffer.from(result.details ? JSON.stringify(result.details) : ''),
        })
      );
    },
    CollectMetrics(_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) {
      callback(null, { metrics: { prometheus: Buffer.from(deps.metrics.render()) } });
    },
  };
}

interface CallResourceRequest {
  pluginContext: RawPluginContext | null;
  path: string;
  method: string;
  url: string;
  headers: Record<string, { values: string[] }>;
  body: Buffer;
}

function flattenHeaders(headers: Record<string, { values: string[] }> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, list]) => [name, (list?.values ?? []).join(', ')]));
}

export function resourceService<TInstance>(deps: PluginServiceDependencies<TInstance>): UntypedServiceImplementation {
  return {
    CallResource(call: ServerWritableStream<CallResourceRequest, unknown>) {
      const request = call.request;
      const signal = abortOnCancel(call);
      timed(deps.metrics, 'callResource', async () => {
        try {
          const context = contextFor(deps, request.pluginContext, flattenHeaders(request.headers), signal);
          const query = new URL(request.url || '/', 'http://plugin.invalid').searchParams;
          return await routeResource(deps.handlers.resources, {
            ...context,
            method: request.method || 'GET',
            path: normaliseResourcePath(request.path),
            query,
            body: request.body ?? Buffer.alloc(0),
          });
        } catch (error) {
          if (error instanceof PluginRequestError) {
            return jsonResponse(error.status, { error: error.message });
          }
          deps.logger.error('resource failed', { path: request.path, error: errorMessage(error) });
          return jsonResponse(500, { error: `resource ${request.path}: internal error in the plugin: ${errorMessage(error)}` });
        }
      }).then((response) => {
        const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([name, values]) => [name, { values }]));
        call.write({ code: response.status, headers, body: response.body });
        call.end();
      });
    },
  };
}
