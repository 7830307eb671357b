import { AccessEntry } from './accessLog';
import { Column, QueryResponse, SiteIdentity, toQueryResponse } from './table';
import { formatTimeGenerated } from './timeGenerated';

export const HTTP_COLUMNS: Column[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'CsMethod', type: 'string' },
  { name: 'CsUriStem', type: 'string' },
  { name: 'CsUriQuery', type: 'string' },
  { name: 'ScStatus', type: 'int' },
  { name: 'ScSubStatus', type: 'string' },
  { name: 'ScWin32Status', type: 'string' },
  { name: 'TimeTaken', type: 'int' },
  { name: 'CsHost', type: 'string' },
  { name: 'ComputerName', type: 'string' },
  { name: 'CIp', type: 'string' },
  { name: 'UserAgent', type: 'string' },
  { name: 'Result', type: 'string' },
  { name: 'CsBytes', type: 'int' },
  { name: 'ScBytes', type: 'int' },
  { name: 'SPort', type: 'string' },
  { name: 'Cookie', type: 'string' },
  { name: 'Referer', type: 'string' },
  { name: 'CsUsername', type: 'string' },
  { name: '_ResourceId', type: 'string' },
];

export interface InstanceRoute {
  name: string;
  /** nginx $upstream_addr of the instance, e.g. "127.0.0.1:8001" or "unix:/tmp/x.sock". */
  upstreamAddr: string;
  affinity: string;
}

/** The instance that served the request: the last upstream tried, else the affinity route. */
export function instanceFor(entry: AccessEntry, routes: InstanceRoute[]): string {
  const tried = entry.upstreamAddr.split(/[,:]\s+/).map((s) => s.trim()).filter((s) => s && s !== '-');
  const last = tried[tried.length - 1];
  const byAddr = routes.find((r) => r.upstreamAddr === last);
  if (byAddr) {return byAddr.name;}
  const byAffinity = routes.find((r) => r.affinity === entry.affinity);
  return (byAffinity ?? routes[0]).name;
}

export function httpRecords(entries: AccessEntry[], routes: InstanceRoute[], site: SiteIdentity): Array<Record<string, unknown>> {
  return entries.map((e) => ({
    TimeGenerated: formatTimeGenerated(e.endMs),
    CsMethod: e.method,
    CsUriStem: e.uri,
    CsUriQuery: e.args,
    ScStatus: e.status,
    ScSubStatus: '0',
    ScWin32Status: '0',
    TimeTaken: Math.round(e.requestTimeS * 1000),
    CsHost: site.siteHost,
    ComputerName: instanceFor(e, routes),
    CIp: e.remoteAddr,
    UserAgent: e.userAgent,
    Result: e.status < 400 ? 'Success' : 'Failure',
    CsBytes: e.requestLength,
    ScBytes: e.bytesSent,
    SPort: e.serverPort,
    Cookie: e.affinity ? `ARRAffinity=${e.affinity}` : '',
    Referer: '',
    CsUsername: '',
    _ResourceId: site.resourceId,
  }));
}

export function httpTable(entries: AccessEntry[], routes: InstanceRoute[], site: SiteIdentity): QueryResponse {
  return toQueryResponse(HTTP_COLUMNS, httpRecords(entries, routes, site));
}
