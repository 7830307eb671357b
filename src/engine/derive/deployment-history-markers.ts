// Deployment markers from the site's deployment history: one per record, at its start time.
import { DeploymentHistory, DeploymentRecord } from '../model/deployments';
import { Marker } from '../model/findings';
import { UNKNOWN_INSTANCE } from '../table/http-table-builder';

const DEPLOY_STATUS = ['pending', 'building', 'deploying', 'failed', 'succeeded'];

function statusText(record: DeploymentRecord): string {
  return record.status !== undefined ? (DEPLOY_STATUS[record.status] ?? `status ${record.status}`) : 'status unknown';
}

function recordLine(record: DeploymentRecord): string {
  const by = record.deployer ? ` by ${record.deployer}` : '';
  const ended = record.endTime !== undefined ? `, ended ${new Date(record.endTime).toISOString()}` : '';
  return `deployment ${record.id}${by} ${statusText(record)}${record.active ? ' (active)' : ''}, started ${new Date(record.startTime).toISOString()}${ended}`;
}

/** One marker per history record with a valid start time; the records' order does not matter. */
export function deploymentHistoryMarkers(history: DeploymentHistory): Marker[] {
  return history.records
    .map((record, row) => ({ record, row }))
    .filter(({ record }) => Number.isFinite(record.startTime))
    .map(({ record, row }) => ({
      time: record.startTime,
      kind: 'deployment' as const,
      instance: UNKNOWN_INSTANCE,
      generation: 0,
      title: `deployment ${record.id.length > 12 ? `${record.id.slice(0, 8)}…` : record.id}${record.deployer ? ` via ${record.deployer}` : ''} ${statusText(record)} (deployment history)`,
      source: { table: 'deployment-history' as const, row, line: `${recordLine(record)} — ${history.from}` },
    }))
    .sort((a, b) => a.time - b.time);
}
