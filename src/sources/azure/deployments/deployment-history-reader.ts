// The site's deployment history through @azure/arm-appservice (`webApps.listDeployments`), for an
// App Service resource target: Kudu's deployment records become the engine's DeploymentRecords.
// Only id, times, status, active flag and deployer are kept — never the author, e-mail or commit
// message. Reading needs Reader on the site; a refusal costs only the history, with a note.
import type { Deployment, WebSiteManagementClient } from '@azure/arm-appservice';
import type { DeploymentRecord } from '../../../engine';
import type { DeploymentHistoryReading } from '../../source';
import { CachedReading, webSiteClient, type ArmReaderOptions } from '../site-config/arm-reader';

/** Kudu keeps a few dozen records; more than this is old history no incident window needs. */
export const MAX_DEPLOYMENT_RECORDS = 100;

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

export class DeploymentHistoryReader {
  private readonly client: WebSiteManagementClient;
  private readonly cache: CachedReading<DeploymentHistoryReading>;

  constructor(private readonly options: DeploymentHistoryReaderOptions) {
    this.client = webSiteClient(options);
    // A failed reading (token, network, refusal) is not worth reusing.
    this.cache = new CachedReading(options, (result) => result.history === undefined);
  }

  /** Never throws: what could not be read is named in `notes`. */
  read(signal?: AbortSignal): Promise<DeploymentHistoryReading> {
    return this.cache.get(() => this.readNow(signal));
  }

  private async readNow(signal?: AbortSignal): Promise<DeploymentHistoryReading> {
    const { resourceGroup, site, slot } = this.options.resource;
    const from = `azure:${site}${slot ? `/slots/${slot}` : ''} deployments`;
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
      return { notes: [`deployment history not read: ${this.explain(error)}`] };
    }
    if (unusable > 0) {
      notes.push(`deployment history: ${unusable} record(s) without an id or start time were skipped`);
    }
    return { history: { from, records }, notes };
  }

  private explain(error: unknown): string {
    const status = (error as { statusCode?: unknown })?.statusCode;
    if (status === 403) {
      return '403 Forbidden: listing deployments needs Reader on the site (Microsoft.Web/sites/deployments/read)';
    }
    if (status === 404) {
      return '404 Not Found: no such site or slot in this subscription and resource group';
    }
    let message = error instanceof Error ? error.message : String(error);
    for (const secret of this.options.secrets ?? []) {
      message = message.split(secret).join('<redacted>');
    }
    return `${typeof status === 'number' ? `HTTP ${status} ` : ''}${message.split('\n')[0].slice(0, 300)}`;
  }
}
