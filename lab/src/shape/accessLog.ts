import { parseNginxMsec } from './timeGenerated';

/** One nginx access-log line in the lab's JSON log_format (see runner/nginx.ts). */
export interface AccessEntry {
  endMs: number;
  requestTimeS: number;
  status: number;
  method: string;
  uri: string;
  args: string;
  remoteAddr: string;
  serverPort: string;
  userAgent: string;
  requestLength: number;
  bytesSent: number;
  upstreamAddr: string;
  upstreamStatus: string;
  affinity: string;
}

const REQUIRED = ['msec', 'request_time', 'status', 'method', 'uri'] as const;

/** Parses the whole log; a bad line fails with its line number and loses nothing silently. */
export function parseAccessLog(text: string): AccessEntry[] {
  const entries: AccessEntry[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') {return;}
    const where = `access.log line ${index + 1}`;
    let obj: Record<string, string>;
    try {
      obj = JSON.parse(raw);
    } catch {
      throw new Error(`${where} is not JSON: ${raw.slice(0, 120)}`);
    }
    for (const key of REQUIRED) {
      if (typeof obj[key] !== 'string' || obj[key] === '') {
        throw new Error(`${where} lacks "${key}"`);
      }
    }
    const status = Number(obj.status);
    const requestTimeS = Number(obj.request_time);
    if (!Number.isInteger(status) || !Number.isFinite(requestTimeS)) {
      throw new Error(`${where} has status "${obj.status}" / request_time "${obj.request_time}" that are not numbers`);
    }
    entries.push({
      endMs: parseNginxMsec(obj.msec),
      requestTimeS,
      status,
      method: obj.method,
      uri: obj.uri,
      args: obj.args ?? '',
      remoteAddr: obj.remote_addr ?? '',
      serverPort: obj.server_port ?? '',
      userAgent: obj.user_agent ?? '',
      requestLength: Number(obj.request_length) || 0,
      bytesSent: Number(obj.bytes_sent) || 0,
      upstreamAddr: obj.upstream_addr ?? '',
      upstreamStatus: obj.upstream_status ?? '',
      affinity: obj.affinity ?? '',
    });
  });
  return entries;
}
