// Deployment markers from Kudu/SCM requests in the HTTP rows (trap 13): a deploy is a burst of
// requests to the SCM host — the upload (`/api/zipdeploy`, `/api/publish`, …) followed by status polls
// of `/api/deployments/…` — and becomes one marker at the start of its upload request.
import { Marker } from '../model/findings';
import { HttpTable } from '../model/http-table';
import { UNKNOWN_INSTANCE } from '../table/http-table-builder';

/**
 * Kudu requests further apart than this belong to different deploys. Deploy clients poll
 * `/api/deployments/<id>` every few seconds to ~16 s until the deploy settles; 5 min of silence ends it.
 */
export const DEPLOY_BURST_GAP_MS = 5 * 60_000;

/** Kudu endpoints that start a deployment (zip, publish, war, the generic OneDeploy `/api/publish`, Azure DevOps `/deploy`). */
const UPLOAD_PATHS = ['/api/zipdeploy', '/api/publish', '/api/wardeploy', '/api/deploy', '/deploy'];
/** Endpoints that start a deployment only with PUT (they also answer GET: history, downloads). */
const PUT_ONLY_PREFIXES = ['/api/deployments/', '/api/zip/'];
/** Endpoints that belong to a deploy burst (status polls, history) without starting one. */
const RELATED_PREFIX = '/api/deployments';

interface ScmRow {
  index: number;
  method?: string;
  path: string;
}

function normalPath(path: string): string {
  const lower = path.toLowerCase();
  return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
}

/** True when this SCM request starts a deployment. Without a CsMethod column the upload paths alone decide. */
export function startsDeployment(path: string, method: string | undefined): boolean {
  const normal = normalPath(path);
  const writes = method === undefined || method === 'POST' || method === 'PUT';
  if (UPLOAD_PATHS.includes(normal)) {
    return writes;
  }
  return method === 'PUT' && PUT_ONLY_PREFIXES.some((prefix) => normal.startsWith(prefix));
}

function isDeployRelated(path: string): boolean {
  const normal = normalPath(path);
  return UPLOAD_PATHS.includes(normal) || PUT_ONLY_PREFIXES.some((prefix) => normal.startsWith(prefix)) || normal.startsWith(RELATED_PREFIX);
}

function describeRow(table: HttpTable, row: ScmRow): string {
  const r = row.index;
  const method = row.method ? `${row.method} ` : '';
  return `${table.status[r]} ${method}${row.path} on ${table.hosts[table.hostId[r]]} (${table.timeTaken[r]} ms)`;
}

function markerOf(table: HttpTable, upload: ScmRow, polls: ScmRow[]): Marker {
  const r = upload.index;
  const last = polls.length > 0 ? polls[polls.length - 1].index : r;
  const spanSec = Math.round((table.time[last] - table.time[r]) / 1000);
  const more = polls.length > 0 ? `; ${polls.length} Kudu deployment API request(s) over the next ${spanSec} s` : '';
  const instance = table.instances[table.instanceId[r]] ?? UNKNOWN_INSTANCE;
  return {
    // TimeGenerated is the END of the upload (trap 3): the deploy began when the upload started.
    time: table.time[r] - table.timeTaken[r],
    kind: 'deployment',
    instance,
    generation: 0,
    title: `deployment via ${upload.method ? `${upload.method} ` : ''}${upload.path} → ${table.status[r]}${more}`,
    source: { table: 'http', row: table.sourceRow[r], line: describeRow(table, upload) },
  };
}

/**
 * One `deployment` marker per accepted upload (status < 400: a refused upload changes nothing on the
 * site), with the status polls that follow it within the burst gap. Polls with no upload before them
 * (someone reading the deployment history) make no marker. Rows must be time-ordered (the table is).
 */
export function scmDeploymentMarkers(table: HttpTable): Marker[] {
  const markers: Marker[] = [];
  let open: { upload: ScmRow; polls: ScmRow[]; lastTime: number } | undefined;
  const close = () => {
    if (open) {
      markers.push(markerOf(table, open.upload, open.polls));
      open = undefined;
    }
  };
  for (let r = 0; r < table.length; r++) {
    if (!table.hostIsScm[table.hostId[r]]) {
      continue;
    }
    const path = table.paths[table.pathId[r]];
    if (!isDeployRelated(path)) {
      continue;
    }
    const method = table.scmMethods?.get(table.sourceRow[r]);
    const row: ScmRow = { index: r, path, ...(method ? { method } : {}) };
    if (open && table.time[r] - open.lastTime > DEPLOY_BURST_GAP_MS) {
      close();
    }
    if (startsDeployment(path, method) && table.status[r] < 400) {
      close();
      open = { upload: row, polls: [], lastTime: table.time[r] };
    } else if (open) {
      open.polls.push(row);
      open.lastTime = table.time[r];
    }
  }
  close();
  return markers;
}
