// The site's deployment history (Kudu's deployment records, as Resource Manager lists them): the
// third witness of deployments beside Kudu requests in the HTTP logs and the platform's deployment ids.
import { EpochMs } from './input';

export interface DeploymentRecord {
  id: string;
  startTime: EpochMs;
  endTime?: EpochMs;
  /** Kudu's DeployStatus: 0 pending, 1 building, 2 deploying, 3 failed, 4 success. */
  status?: number;
  /** True for the deployment the site runs now. */
  active?: boolean;
  /** The deploying client as Kudu names it (e.g. `ZipDeploy`, `OneDeploy`, `GitHub`). */
  deployer?: string;
}

export interface DeploymentHistory {
  /** Where it was read, e.g. `azure:app-x deployments`. */
  from: string;
  records: DeploymentRecord[];
}
