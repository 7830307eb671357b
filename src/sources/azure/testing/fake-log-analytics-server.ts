// An HTTPS loopback server speaking the Log Analytics query API (workspace and resource-centric
// POST /v1/…/query, error bodies, Retry-After, PartialError), the Entra token endpoint
// (OpenID metadata + client-credentials grant), the metrics data plane's metrics:getBatch
// (answered by `metricsHandler`) and Resource Manager paths under /subscriptions/ (answered by
// `armHandler`), recording every request it answers.
import { createServer, Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { MetricsHandler, RecordedMetricsRequest, parseMetricsBatchRequest } from './metrics-batch-route';
import { TestCertificate } from './test-certificate';

export interface RecordedQuery {
  kind: 'workspace' | 'resource';
  /** Workspace id or resource id from the URL. */
  target: string;
  query: string;
  timespan?: string;
  prefer?: string;
  authorization?: string;
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Wait this long before answering (a slow query). */
  delayMs?: number;
}

/** A Resource Manager call (e.g. GET …/sites/<app>/config/web, POST …/config/appsettings/list). */
export interface ArmRequest {
  method: string;
  path: string;
  apiVersion?: string;
  authorization?: string;
}

export type ArmHandler = (request: ArmRequest) => FakeReply;

export type QueryHandler = (query: RecordedQuery, index: number) => FakeReply | Promise<FakeReply>;
export type TokenHandler = (form: URLSearchParams) => FakeReply;

export const FAKE_ACCESS_TOKEN = 'fake-access-token-for-tests';
/** Path of the App Service managed identity endpoint (IDENTITY_ENDPOINT) this fake serves. */
export const MANAGED_IDENTITY_PATH = '/msi/token';

export const tableReply = (table: { columns: Array<{ name: string; type: string }>; rows: unknown[][] }): FakeReply => ({
  status: 200,
  body: { tables: [{ name: 'PrimaryResult', ...table }] },
});

export const errorReply = (status: number, code: string, message: string, headers?: Record<string, string>): FakeReply => ({
  status,
  headers,
  body: { error: { code, message, details: [{ code: `${code}Detail`, message: `${message} (detail)` }] } },
});

const defaultTokenHandler: TokenHandler = () => ({
  status: 200,
  body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: FAKE_ACCESS_TOKEN },
});

export class FakeLogAnalyticsServer {
  readonly queries: RecordedQuery[] = [];
  readonly tokenRequests: URLSearchParams[] = [];
  /** App Service managed identity endpoint calls: query parameters plus the X-IDENTITY-HEADER. */
  readonly managedIdentityRequests: Array<{ params: URLSearchParams; identityHeader?: string }> = [];
  /** Requests that arrived with a path this fake does not serve. */
  readonly unknownRequests: string[] = [];
  /** Slow answers whose client hung up before the answer was sent. */
  abandonedReplies = 0;
  handler: QueryHandler = () => tableReply({ columns: [], rows: [] });
  readonly armRequests: ArmRequest[] = [];
  armHandler: ArmHandler = (request) => errorReply(404, 'ResourceNotFound', `The resource at ${request.path} was not found`);
  tokenHandler: TokenHandler = defaultTokenHandler;
  readonly metricsRequests: RecordedMetricsRequest[] = [];
  metricsHandler: MetricsHandler = (request) => errorReply(404, 'ResourceNotFound', `no metrics for ${request.resourceIds.join(', ')}`);
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /** Every TCP socket, including those still in the TLS handshake (closeAllConnections misses them). */
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(certificate: TestCertificate): Promise<FakeLogAnalyticsServer> {
    let fake: FakeLogAnalyticsServer | undefined;
    const server = createServer({ cert: certificate.cert, key: certificate.key }, (req, res) => {
      fake?.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'FakeServerError', message: String(error) } }));
      });
    });
    fake = new FakeLogAnalyticsServer(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.timers.forEach(clearTimeout);
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    // A client still retrying when a test ends may be mid-handshake: without this, close() waits for it.
    this.sockets.forEach((socket) => socket.destroy());
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const path = new URL(req.url ?? '/', this.url).pathname;
    const tokenMatch = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    const metadataMatch = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (metadataMatch && req.method === 'GET') {
      return this.reply(res, { status: 200, body: this.openIdConfiguration(metadataMatch[1]) });
    }
    if (tokenMatch && req.method === 'POST') {
      const form = new URLSearchParams(body);
      this.tokenRequests.push(form);
      return this.reply(res, this.tokenHandler(form));
    }
    if (path === MANAGED_IDENTITY_PATH && req.method === 'GET') {
      const params = new URL(req.url ?? '/', this.url).searchParams;
      this.managedIdentityRequests.push({ params, identityHeader: header(req, 'x-identity-header') });
      const expiresOn = String(Math.floor(Date.now() / 1000) + 3600);
      return this.reply(res, {
        status: 200,
        body: { access_token: FAKE_ACCESS_TOKEN, expires_on: expiresOn, resource: params.get('resource'), token_type: 'Bearer' },
      });
    }
    const workspace = /^\/v1\/workspaces\/([^/]+)\/query$/.exec(path);
    const resource = /^\/v1(\/subscriptions\/.+)\/query$/.exec(path);
    if ((workspace || resource) && req.method === 'POST') {
      const parsed = JSON.parse(body) as { query: string; timespan?: string };
      const recorded: RecordedQuery = {
        kind: workspace ? 'workspace' : 'resource',
        target: decodeURIComponent(workspace ? workspace[1] : resource![1]),
        query: parsed.query,
        timespan: parsed.timespan,
        prefer: header(req, 'prefer'),
        authorization: header(req, 'authorization'),
      };
      this.queries.push(recorded);
      if (recorded.authorization !== `Bearer ${FAKE_ACCESS_TOKEN}`) {
        return this.reply(res, errorReply(401, 'InvalidTokenError', 'The provided authentication is not valid for this resource'));
      }
      return this.reply(res, await this.handler(recorded, this.queries.length - 1));
    }
    const metrics = req.method === 'POST' ? parseMetricsBatchRequest(path, new URL(req.url ?? '/', this.url).searchParams, body, header(req, 'authorization')) : undefined;
    if (metrics) {
      this.metricsRequests.push(metrics);
      if (metrics.authorization !== `Bearer ${FAKE_ACCESS_TOKEN}`) {
        return this.reply(res, errorReply(401, 'InvalidAuthenticationToken', 'The access token is invalid.'));
      }
      return this.reply(res, await this.metricsHandler(metrics, this.metricsRequests.length - 1));
    }
    if (path.startsWith('/subscriptions/') && (req.method === 'GET' || req.method === 'POST')) {
      const request: ArmRequest = {
        method: req.method,
        path,
        apiVersion: new URL(req.url ?? '/', this.url).searchParams.get('api-version') ?? undefined,
        authorization: header(req, 'authorization'),
      };
      this.armRequests.push(request);
      if (request.authorization !== `Bearer ${FAKE_ACCESS_TOKEN}`) {
        return this.reply(res, errorReply(401, 'InvalidAuthenticationToken', 'The access token is invalid.'));
      }
      return this.reply(res, this.armHandler(request));
    }
    this.unknownRequests.push(`${req.method} ${path}`);
    return this.reply(res, errorReply(404, 'PathNotFoundError', `The requested path does not exist: ${path}`));
  }

  private openIdConfiguration(tenant: string) {
    const base = `${this.url}/${tenant}`;
    return {
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_types_supported: ['code', 'token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
    };
  }

  private reply(res: ServerResponse, reply: FakeReply): void {
    const send = () => {
      if (res.destroyed) {
        return;
      }
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    };
    if (!reply.delayMs) {
      return send();
    }
    let sent = false;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      sent = true;
      send();
    }, reply.delayMs);
    this.timers.add(timer);
    res.on('close', () => {
      if (!sent) {
        this.abandonedReplies++;
      }
      clearTimeout(timer);
      this.timers.delete(timer);
    });
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
