import { PlatformEvent } from '../runner/platformEvents';
import { Column, QueryResponse, SiteIdentity, toQueryResponse } from './table';
import { formatTimeGenerated } from './timeGenerated';

export const PLATFORM_COLUMNS: Column[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'Level', type: 'string' },
  { name: 'Message', type: 'string' },
  { name: 'ContainerId', type: 'string' },
  { name: 'OperationName', type: 'string' },
  { name: 'DeploymentId', type: 'string' },
  { name: 'Host', type: 'string' },
  { name: 'StackTrace', type: 'string' },
  { name: 'Exception', type: 'string' },
  { name: 'ActivityId', type: 'string' },
  { name: '_ResourceId', type: 'string' },
];

export function platformTable(events: PlatformEvent[], site: SiteIdentity, deploymentId: string): QueryResponse {
  return toQueryResponse(
    PLATFORM_COLUMNS,
    events.map((e, i) => ({
      TimeGenerated: formatTimeGenerated(e.t),
      Level: e.level,
      Message: e.message,
      ContainerId: e.containerId,
      OperationName: 'Microsoft.Web/sites/log',
      DeploymentId: deploymentId,
      Host: e.instance,
      StackTrace: '',
      Exception: '',
      ActivityId: `lab-${String(i + 1).padStart(4, '0')}`,
      _ResourceId: site.resourceId,
    })),
  );
}
