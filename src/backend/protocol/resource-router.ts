// Routes CallResource requests (HTTP over gRPC) to the application's routes by method and
// path, with the status codes an HTTP client expects for unknown paths and wrong methods.
import { PluginRequestError, type ResourceRequest, type ResourceResponse, type ResourceRoute } from './plugin-types';

const JSON_HEADERS = { 'Content-Type': ['application/json'] };

export function jsonResponse(status: number, body: unknown, extraHeaders: Record<string, string[]> = {}): ResourceResponse {
  return { status, headers: { ...JSON_HEADERS, ...extraHeaders }, body: Buffer.from(JSON.stringify(body)) };
}

/** "scenarios/", "/scenarios" and "scenarios" all name "/scenarios". */
export function normaliseResourcePath(path: string): string {
  return '/' + path.replace(/^\/+/, '').replace(/\/+$/, '');
}

export async function routeResource<TInstance>(
  routes: ReadonlyArray<ResourceRoute<TInstance>>,
  request: ResourceRequest<TInstance>
): Promise<ResourceResponse> {
  const samePath = routes.filter((route) => route.path === request.path);
  if (samePath.length === 0) {
    const known = routes.map((route) => route.path).join(', ');
    return jsonResponse(404, { error: `no resource at ${request.path}; this plugin serves: ${known}` });
  }
  const route = samePath.find((candidate) => candidate.method === request.method.toUpperCase());
  if (!route) {
    const allowed = samePath.map((candidate) => candidate.method);
    return jsonResponse(405, { error: `${request.method} is not allowed on ${request.path}; use ${allowed.join(' or ')}` }, { Allow: allowed });
  }
  try {
    return await route.handle(request);
  } catch (error) {
    if (error instanceof PluginRequestError) {
      return jsonResponse(error.status, { error: error.message });
    }
    throw error;
  }
}
