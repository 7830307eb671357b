import { request } from 'node:http';

export interface Endpoint {
  /** TCP port on 127.0.0.1, or a unix socket path. */
  port?: number;
  socketPath?: string;
}

/** One GET on the instance itself (not through the proxy); resolves to the status or 0. */
export function probeOnce(endpoint: Endpoint, path: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port: endpoint.port, socketPath: endpoint.socketPath, path, timeout: timeoutMs, headers: { 'user-agent': 'HealthCheck/1.0' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** Polls until the path answers 200; returns seconds waited, or undefined at the limit. */
export async function waitHealthy(endpoint: Endpoint, path: string, limitS: number): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < limitS * 1000) {
    if ((await probeOnce(endpoint, path, 1000)) === 200) {
      return (Date.now() - started) / 1000;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return undefined;
}
