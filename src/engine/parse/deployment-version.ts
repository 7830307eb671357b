// Which deployment the site was running, per platform row: the DeploymentId column when the export has
// it, or the platform's own startup line `Site is running with deployment version: <id>`.
import { LogRow } from './log-rows';

export interface DeploymentSighting {
  time: number;
  instance: string;
  deploymentId: string;
  via: 'DeploymentId' | 'message';
  /** Platform row index and text, for pointing back at the evidence. */
  row: number;
  line: string;
}

const VERSION_MESSAGE = /^Site is running with deployment version:\s*(\S+?)\.?$/i;

/**
 * Sanitized exports replace every GUID with x's (the corpus does): such an id cannot tell two
 * deployments apart, so it is no evidence either way.
 */
export function isReadableDeploymentId(id: string): boolean {
  return id !== '' && !/^[x-]+$/i.test(id) && !/^redacted$/i.test(id);
}

/** Readable deployment ids seen in time-ordered platform rows. */
export function deploymentSightings(rows: LogRow[]): DeploymentSighting[] {
  const sightings: DeploymentSighting[] = [];
  for (const row of rows) {
    const base = { time: row.time, instance: row.instance, row: row.row, line: row.text };
    if (row.deploymentId !== undefined && isReadableDeploymentId(row.deploymentId)) {
      sightings.push({ ...base, deploymentId: row.deploymentId, via: 'DeploymentId' });
      continue;
    }
    const match = VERSION_MESSAGE.exec(row.text.trim());
    if (match && isReadableDeploymentId(match[1])) {
      sightings.push({ ...base, deploymentId: match[1], via: 'message' });
    }
  }
  return sightings;
}
