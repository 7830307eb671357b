// Resource Manager's deployment history for the HTTPS fake: GET …/sites/<app>[/slots/<slot>]/deployments
// answered in pages that link to each other with `nextLink`, as Resource Manager pages lists.
// Kept apart from the site-config routes: wrap any other ArmHandler and pass on what is not ours.
import { ArmHandler, ArmRequest, FakeReply, errorReply } from './fake-log-analytics-server';

/** A Kudu deployment record as Resource Manager returns it (properties use snake_case). */
export function deploymentResource(siteId: string, id: string, properties: Record<string, unknown>): unknown {
  return { id: `${siteId}/deployments/${id}`, name: id, type: 'Microsoft.Web/sites/deployments', properties };
}

/**
 * `pages[i]` is the `value` of page i; page i > 0 lives at `<list path>/next/<i>` (a path only the fake knows).
 * `reply` replaces the answer to the list (e.g. a 403) when given.
 */
export function withDeploymentHistory(origin: string, pages: unknown[][], fallback: ArmHandler, reply?: FakeReply): ArmHandler {
  return (request: ArmRequest): FakeReply => {
    const match = /^(.*\/deployments)(?:\/next\/(\d+))?$/.exec(request.path);
    if (request.method !== 'GET' || !match) {
      return fallback(request);
    }
    if (reply) {
      return reply;
    }
    const page = Number(match[2] ?? 0);
    const value = pages[page] ?? [];
    const nextLink = page + 1 < pages.length ? `${origin}${match[1]}/next/${page + 1}?api-version=${request.apiVersion ?? ''}` : undefined;
    return { status: 200, body: { value, ...(nextLink ? { nextLink } : {}) } };
  };
}

/** The fallback for tests that serve nothing else from Resource Manager. */
export const arm404: ArmHandler = (request) => errorReply(404, 'ResourceNotFound', `no ${request.path}`);
