// The site's deployment history through @azure/arm-appservice (`webApps.listDeployments`), for an
// App Service resource target: Kudu's deployment records become the engine's DeploymentRecords.
// Only id, times, status, active flag and deployer are kept — never the author, e-mail or commit
// message. Reading needs Reader on the site; a refusal costs only the history, with a note.
import type { Deployment } from '@azure/arm-appservice';
import type { DeploymentRecord } from '../../../engine';
import type { DeploymentHistoryReading } from '../../source';
import { ArmReader, type ArmReaderOptions } from '../site-config/arm-reader';

/** Kudu keeps a few dozen records; more than this is old history no incident window needs. */
export const MAX_DEPLOYMENT_RECORDS = 100;

const DEPLOYMENTS_READ_ROLE_HINT = 'listing deployments needs Reader on the site (Microsoft.Web/sites/deployments/read)';

export type DeploymentHistoryReaderOptions = ArmReaderOptions;

function recordOf(deployment: Deployment): DeploymentRecord | undefined {
  const id = deployment.name?.split('/').pop() || deployment.id?.split('/').pop();
  const startTime = deployment.startTime?.getTime();
  if (!id || startTime === undefined || !Number.isFinite(startTime)) {
    return undefined;
  }
  const endTime = deployment.endTime?.getTime();
  return {
    id,
    startTime,
    ...(endTime !== undefined && Number.isFinite(endTime) ? { endTime } : {}),
    ...(typeof deployment.status === 'number' ? { status: deployment.status } : {}),
    ...(typeof deployment.active === 'boolean' ? { active: deployment.active } : {}),
    ...(deployment.deployer ? { deployer: deployment.deployer.slice(0, 80) } : {}),
  };
}

/** Never throws: what could not be read is named in `notes`. */
export class DeploymentHistoryReader extends ArmReader<DeploymentHistoryReading> {
  constructor(options: DeploymentHistoryReaderOptions) {
    super(options, (result) => result.history === undefined);
  }

  protected async readNow(signal?: AbortSignal): Promise<DeploymentHistoryReading> {
    const { resourceGroup, site, slot } = this.options.resource;
    const from = `${this.siteLabel()} deployments`;
    const apps = this.client.webApps;
    const pages = slot
      ? apps.listDeploymentsSlot(resourceGroup, site, slot, { abortSignal: signal })
      : apps.listDeployments(resourceGroup, site, { abortSignal: signal });
    const records: DeploymentRecord[] = [];
    const notes: string[] = [];
    let unusable = 0;
    let listed = 0;
    try {
      for await (const deployment of pages) {
        if (++listed > MAX_DEPLOYMENT_RECORDS) {
          notes.push(`deployment history: only the first ${MAX_DEPLOYMENT_RECORDS} records were read`);
          break;
        }
        const record = recordOf(deployment);
        if (record) {
          records.push(record);
        } else {
          unusable++;
        }
      }
    } catch (error) {
      return { notes: [`deployment history not read: ${this.explain(error, DEPLOYMENTS_READ_ROLE_HINT)}`] };
    }
    if (unusable > 0) {
      notes.push(`deployment history: ${unusable} record(s) without an id or start time were skipped`);
    }
    return { history: { from, records }, notes };
  }
}
