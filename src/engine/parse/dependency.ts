// Dependency / outbound failure signatures in application output (H2, H4), with host:port when present.
import { DependencySignature, NetworkTarget } from '../model/events';

// Most specific first: a connect timeout is also "a timeout".
const SIGNATURES: Array<[DependencySignature, RegExp]> = [
  ['address-not-available', /Cannot assign requested address|EADDRNOTAVAIL|\[Errno 99\]/i],
  ['dns-failure', /Name or service not known|Temporary failure in name resolution|getaddrinfo (?:failed|ENOTFOUND)|NameResolutionError|nodename nor servname|\[Errno -[235]\]|\bENOTFOUND\b|No address associated with hostname/i],
  ['connection-refused', /Connection refused|ECONNREFUSED|\[Errno 111\]/i],
  ['connection-reset', /Connection reset by peer|ECONNRESET|\[Errno 104\]|ConnectionResetError|RemoteDisconnected|Connection aborted/i],
  ['connect-timeout', /ConnectTimeout|connect timeout|Connection to \S+ timed out|timed out while connecting|connection timed out|\[Errno 110\]|ETIMEDOUT/i],
  ['read-timeout', /ReadTimeout|Read timed out|read timeout|timed out while reading|ESOCKETTIMEDOUT/i],
  ['timeout', /\bTimeoutError\b|socket\.timeout|\btimed out\b|TimeoutExpired|deadline exceeded/i],
];

export interface DependencyFailure {
  signature: DependencySignature;
  target?: NetworkTarget;
}

function portOf(text: string | undefined): number | undefined {
  const port = Number(text);
  return Number.isInteger(port) && port > 0 && port < 65_536 ? port : undefined;
}

/** Finds the remote endpoint in the usual client wordings (urllib3, requests, psycopg, redis, node). */
export function findNetworkTarget(line: string): NetworkTarget | undefined {
  const pool = /host='([^']+)',\s*port=(\d+)/.exec(line);
  if (pool) {
    return { host: pool[1], port: portOf(pool[2]) };
  }
  const hostPort = /\b((?:\d{1,3}\.){3}\d{1,3}|\[[0-9a-f:]+\]|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+):(\d{1,5})\b/i.exec(line);
  if (hostPort) {
    return { host: hostPort[1], port: portOf(hostPort[2]) };
  }
  const tuple = /\('([^']+)',\s*(\d+)\)/.exec(line);
  if (tuple) {
    return { host: tuple[1], port: portOf(tuple[2]) };
  }
  const named = /(?:Connection to|connect to|resolve|host) '?([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+)'?/i.exec(line);
  if (named) {
    return { host: named[1] };
  }
  return undefined;
}

/** Classifies one line of app output; undefined when it carries no dependency failure signature. */
export function classifyDependencyFailure(line: string): DependencyFailure | undefined {
  for (const [signature, pattern] of SIGNATURES) {
    if (pattern.test(line)) {
      const target = findNetworkTarget(line);
      return target ? { signature, target } : { signature };
    }
  }
  return undefined;
}
