// The App Service Triage data source as the plugin plumbing sees it: instance factory,
// query types, health check and resources, all in one place.
import { createAppInstance, type AppInstance } from './app-instance';
import { checkHealth } from './health/check-health';
import type { PluginHandlers, QueryTypeHandler, ResourceRoute } from './protocol/plugin-types';
import { queryTypeHandlers } from './queries';
import { resourceRoutes } from './resources';

export interface AppHandlerOptions {
  recordingsRoot: string;
  queryTypes?: Record<string, QueryTypeHandler<AppInstance>>;
  resources?: Array<ResourceRoute<AppInstance>>;
}

export function createAppHandlers(options: AppHandlerOptions): PluginHandlers<AppInstance> {
  return {
    createInstance: (settings) => createAppInstance(settings, options.recordingsRoot),
    queryTypes: options.queryTypes ?? queryTypeHandlers,
    checkHealth,
    resources: options.resources ?? resourceRoutes,
  };
}
