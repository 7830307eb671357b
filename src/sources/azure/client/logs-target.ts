// Where queries go: a workspace (by id) or one App Service resource (resource-centric queries,
// which see only that app's rows in whichever workspaces its diagnostic settings feed).
import { SourceInputError } from '../../source';

export type LogsTarget = { kind: 'workspace'; workspaceId: string } | { kind: 'resource'; resourceId: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Segments are restricted to the characters Azure allows in names, so the id is safe in a URL
// path; a segment of dots only (`..`) is refused because URL normalisation would resolve it.
const SEGMENT = '(?!\\.+(?:/|$))[A-Za-z0-9._()-]+';
const APP_SERVICE_RESOURCE_ID = new RegExp(
  `^/subscriptions/${SEGMENT}/resourceGroups/${SEGMENT}/providers/Microsoft\\.Web/sites/${SEGMENT}(/slots/${SEGMENT})?$`,
  'i'
);

/** Validate a target from settings; errors name the setting and the expected form. */
export function validateTarget(target: LogsTarget): LogsTarget {
  if (target.kind === 'workspace') {
    const id = (target.workspaceId ?? '').trim();
    if (!GUID.test(id)) {
      throw new SourceInputError(
        `workspaceId: ${JSON.stringify(target.workspaceId)} is not a Log Analytics workspace id (a GUID, shown as "Workspace ID" on the workspace's overview)`
      );
    }
    return { kind: 'workspace', workspaceId: id.toLowerCase() };
  }
  if (target.kind === 'resource') {
    const raw = (target.resourceId ?? '').trim();
    const id = raw.startsWith('/') ? raw : `/${raw}`;
    if (!APP_SERVICE_RESOURCE_ID.test(id)) {
      throw new SourceInputError(
        `resourceId: ${JSON.stringify(target.resourceId)} is not an App Service resource id (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Web/sites/<app>[/slots/<slot>])`
      );
    }
    return { kind: 'resource', resourceId: id };
  }
  throw new SourceInputError(`target.kind: ${JSON.stringify((target as { kind: unknown }).kind)} must be "workspace" or "resource"`);
}

export function describeTarget(target: LogsTarget): string {
  return target.kind === 'workspace' ? `workspace ${target.workspaceId}` : `resource ${target.resourceId}`;
}
