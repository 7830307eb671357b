// The plugin server in-process, over TCP (the path unix-less hosts take): dispatch, errors,
// instance caching, cancellation and shutdown, with handlers written for the test.
import { tableFromIPC } from 'apache-arrow';
import { collectStream, connect, parseHandshake, unary, type PluginClients } from '../../../test/conformance/plugin-process';
import { createLogger } from './hclog';
import { PluginMetrics } from './metrics';
import { startPluginServer, type RunningPluginServer } from './plugin-server';
import { PluginRequestError, type PluginHandlers } from './plugin-types';
import { jsonResponse } from './resource-router';

interface TestInstance {
  uid: string;
  version: number;
}

describe('startPluginServer', () => {
  let server: RunningPluginServer;
  let clients: PluginClients;
  const built: string[] = [];
  const disposed: string[] = [];
  const logLines: string[] = [];
  let cancelled: (reason: unknown) => void;
  const cancellation = new Promise((resolve) => (cancelled = resolve));
  let shutdownRequests = 0;

  const handlers: PluginHandlers<TestInstance> = {
    createInstance: (settings) => {
      if (settings?.uid === 'broken') {
        throw new PluginRequestError('data source "broken": setting "source" is wrong', 400, 'downstream');
      }
      built.push(`${settings?.uid}@${settings?.lastUpdatedMS}`);
      return { uid: settings?.uid ?? '', version: settings?.lastUpdatedMS ?? 0 };
    },
    disposeInstance: (instance) => disposed.push(`${instance.uid}@${instance.version}`),
    queryTypes: {
      echo: async (query, context) => [
        {
          name: 'echo',
          meta: { custom: { fromAlert: context.fromAlert, uid: context.instance.uid } },
          fields: [
            { name: 'time', type: 'time', values: [query.timeRange.from] },
            { name: 'value', type: 'float64', values: [Number(query.model.value)] },
          ],
        },
      ],
      upstream: async () => {
        throw new PluginRequestError('Log Analytics answered 502', 502, 'downstream');
      },
      buggy: async () => {
        throw new TypeError('cannot read properties of undefined');
      },
      slow: (_query, context) =>
        new Promise((_resolve, reject) => {
          context.signal.addEventListener('abort', () => {
            cancelled(context.signal.reason);
            reject(new Error('aborted'));
          });
        }),
    },
    checkHealth: async (context) => ({ status: 'OK', message: `instance ${context.instance.uid}`, details: { version: context.instance.version } }),
    resources: [
      { method: 'GET', path: '/hello', handle: async (request) => jsonResponse(200, { query: request.query.get('q'), uid: request.instance.uid }) },
      { method: 'POST', path: '/size', handle: async (request) => jsonResponse(200, { bytes: request.body.length }) },
      {
        method: 'GET',
        path: '/refuse',
        handle: async () => {
          throw new PluginRequestError('"from" must be a date', 400, 'downstream');
        },
      },
      {
        method: 'GET',
        path: '/crash',
        handle: async () => {
          throw new Error('disk on fire');
        },
      },
    ],
  };

  const context = (uid: string, lastUpdatedMS = 1) => ({
    pluginContext: { orgId: 1, dataSourceInstanceSettings: { uid, name: uid, jsonData: Buffer.from('{}'), lastUpdatedMS } },
  });
  const query = (refId: string, queryType: string, model: object = {}) => ({
    refId,
    queryType,
    timeRange: { fromEpochMS: 1_700_000_000_000, toEpochMS: 1_700_000_060_000 },
    json: Buffer.from(JSON.stringify(model)),
  });

  beforeAll(async () => {
    server = await startPluginServer({
      environment: { protocolVersion: 2, listen: { kind: 'tcp', minPort: 0, maxPort: 0 }, clientCertificatePem: undefined, hostAskedAboutMultiplexing: false },
      handlers,
      metrics: new PluginMetrics('test'),
      logger: createLogger('test', 'debug', (line) => logLines.push(line)),
      onShutdownRequested: () => shutdownRequests++,
    });
    clients = connect(parseHandshake(server.handshakeLine));
  });
  afterAll(async () => {
    clients.close();
    await server.stop(500);
  });

  it('announces a TCP address on loopback when asked for TCP', () => {
    expect(server.handshakeLine).toMatch(/^1\|2\|tcp\|127\.0\.0\.1:\d+\|grpc\|$/);
  });

  it('answers each query on its own: frames, downstream errors, plugin bugs', async () => {
    const response = await unary<{ responses: Record<string, { frames: Buffer[]; error: string; status: number; errorSource: string }> }>(
      clients.data,
      'QueryData',
      { ...context('ds1'), headers: { FromAlert: 'true' }, queries: [query('A', 'echo', { value: 4 }), query('B', 'upstream'), query('C', 'buggy')] }
    );
    const table = tableFromIPC(response.responses.A.frames[0]);
    expect(table.schema.metadata.get('refId')).toBe('A');
    expect(JSON.parse(table.schema.metadata.get('meta')!)).toEqual({ custom: { fromAlert: true, uid: 'ds1' } });
    expect(table.getChild('value')!.get(0)).toBe(4);
    expect(response.responses.B).toMatchObject({ status: 502, errorSource: 'downstream', error: 'Log Analytics answered 502', frames: [] });
    expect(response.responses.C).toMatchObject({ status: 500, errorSource: 'plugin' });
    expect(response.responses.C.error).toMatch(/query C: internal error in the plugin: cannot read properties/);
    expect(logLines.some((line) => JSON.parse(line)['@message'] === 'query failed')).toBe(true);
  });

  it('builds one instance per data source version and disposes replaced ones', async () => {
    await unary(clients.diagnostics, 'CheckHealth', context('ds2', 5));
    await unary(clients.diagnostics, 'CheckHealth', context('ds2', 5));
    const health = await unary<{ status: string; message: string; jsonDetails: Buffer }>(clients.diagnostics, 'CheckHealth', context('ds2', 6));
    expect(health).toMatchObject({ status: 'OK', message: 'instance ds2' });
    expect(JSON.parse(health.jsonDetails.toString())).toEqual({ version: 6 });
    expect(built.filter((name) => name.startsWith('ds2'))).toEqual(['ds2@5', 'ds2@6']);
    expect(disposed).toContain('ds2@5');
  });

  it('reports settings the user must fix, for health, queries and resources alike', async () => {
    await expect(unary(clients.diagnostics, 'CheckHealth', context('broken'))).resolves.toMatchObject({
      status: 'ERROR',
      message: expect.stringMatching(/"source" is wrong/),
    });
    const data = await unary<{ responses: Record<string, { status: number; error: string }> }>(clients.data, 'QueryData', {
      ...context('broken'),
      queries: [query('A', 'echo')],
    });
    expect(data.responses.A).toMatchObject({ status: 400, error: expect.stringMatching(/"source" is wrong/) });
    const [resource] = await collectStream<{ code: number }>(clients.resource, 'CallResource', { ...context('broken'), path: 'hello', method: 'GET' });
    expect(resource.code).toBe(400);
  });

  it('routes resources with their query string and maps handler errors to status codes', async () => {
    const call = (path: string, url = `/${path}`) =>
      collectStream<{ code: number; body: Buffer }>(clients.resource, 'CallResource', { ...context('ds1'), path, method: 'GET', url });
    const [hello] = await call('hello/', '/hello?q=x%20y');
    expect(hello.code).toBe(200);
    expect(JSON.parse(hello.body.toString())).toEqual({ query: 'x y', uid: 'ds1' });
    const [refused] = await call('refuse');
    expect(refused.code).toBe(400);
    expect(JSON.parse(refused.body.toString())).toEqual({ error: '"from" must be a date' });
    const [crashed] = await call('crash');
    expect(crashed.code).toBe(500);
    expect(JSON.parse(crashed.body.toString()).error).toMatch(/internal error in the plugin: disk on fire/);
  });

  it('accepts request bodies up to the Go SDK limit of 16 MiB, beyond grpc 4 MiB default', async () => {
    const body = Buffer.alloc(12 * 1024 * 1024, 120);
    const [answer] = await collectStream<{ code: number; body: Buffer }>(clients.resource, 'CallResource', {
      ...context('ds1'),
      path: 'size',
      method: 'POST',
      body,
    });
    expect(JSON.parse(answer.body.toString())).toEqual({ bytes: body.length });
  });

  it('aborts the handler signal when the caller cancels', async () => {
    const call = clients.data.QueryData({ ...context('ds1'), queries: [query('A', 'slow')] }, () => undefined) as { cancel(): void };
    setTimeout(() => call.cancel(), 50);
    await expect(cancellation).resolves.toBeInstanceOf(Error);
  });

  it('passes Shutdown on to the process and answers it first', async () => {
    await unary(clients.controller, 'Shutdown', {});
    await new Promise((done) => setImmediate(done));
    expect(shutdownRequests).toBe(1);
  });
});
