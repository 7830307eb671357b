// Conformance host 1: launches the packaged executable as Grafana's go-plugin client does,
// calls every service and decodes the frames with apache-arrow. Process lifecycle (cookie,
// signals, AutoMTLS, parent death) is in node-host-lifecycle.test.ts.
import { status as GrpcStatus } from '@grpc/grpc-js';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { queryTypeHandlers } from '../../src/backend/queries';
import { frameProblems, isNumericTimeSeries, timeSeriesKind } from './arrow-checks';
import goodQueries from './good-queries.json';
import {
  collectStream,
  EXECUTABLE,
  LAUNCH_TIMEOUT_MS,
  unary,
  shippedScenarioWindow,
} from './plugin-process';
import { servePluginDuringSuite } from './served-plugin';

jest.setTimeout(3 * LAUNCH_TIMEOUT_MS);

const SECRET = 'conformance-secret-value-7f3a';
const LAB_DATASOURCE_JSON = goodQueries.labDataSourceJsonData;

interface GoodQuery {
  model: Record<string, unknown>;
  timeSeries: boolean;
  alerting: boolean;
}
const GOOD_QUERIES: Record<string, GoodQuery> = goodQueries.queries;
// The recordings the build copied beside the executable (what the executable itself reads).
const RECORDINGS = join(dirname(EXECUTABLE), 'recordings');

function pluginContext(jsonData: unknown, lastUpdatedMS = 1000, uid = 'conformance-ds') {
  return {
    orgId: 1,
    pluginId: 'appsvc-triage-datasource',
    dataSourceInstanceSettings: {
      id: 1,
      uid,
      name: 'Conformance',
      jsonData: Buffer.from(typeof jsonData === 'string' ? jsonData : JSON.stringify(jsonData)),
      decryptedSecureJsonData: { clientSecret: SECRET },
      lastUpdatedMS,
    },
  };
}

function query(refId: string, json: string | object, queryType = '', range?: { from: string; to: string }) {
  const now = Date.now();
  return {
    refId,
    queryType,
    maxDataPoints: 500,
    intervalMS: 60_000,
    timeRange: range ? { fromEpochMS: Date.parse(range.from), toEpochMS: Date.parse(range.to) } : { fromEpochMS: now - 3_600_000, toEpochMS: now },
    json: Buffer.from(typeof json === 'string' ? json : JSON.stringify(json)),
  };
}

interface DataResponse {
  frames: Buffer[];
  error: string;
  status: number;
  errorSource: string;
}

describe('the packaged executable, launched as go-plugin does', () => {
  describe('serving', () => {
    const served = servePluginDuringSuite();

    it('prints the go-plugin handshake for a unix socket in the host-chosen directory', () => {
      expect(served.plugin.handshake).toMatchObject({ coreProtocol: 1, appProtocol: 2, network: 'unix', protocol: 'grpc', serverCertificate: '' });
      expect(served.plugin.handshake.address.startsWith(served.env.PLUGIN_UNIX_SOCKET_DIR + '/plugin')).toBe(true);
    });

    it('answers the go-plugin health ping for service "plugin"', async () => {
      await expect(unary(served.clients.health, 'Check', { service: 'plugin' })).resolves.toEqual({ status: 'SERVING' });
      await expect(unary(served.clients.health, 'Check', { service: 'nope' })).rejects.toMatchObject({ code: GrpcStatus.NOT_FOUND });
    });

    it('holds the stdio and broker streams open without error', async () => {
      const stdio = served.clients.stdio.StreamStdio({}) as unknown as NodeJS.EventEmitter & { cancel(): void };
      const broker = served.clients.broker.StartStream() as unknown as NodeJS.EventEmitter & { cancel(): void };
      const events: string[] = [];
      for (const [name, stream] of [['stdio', stdio], ['broker', broker]] as const) {
        stream.on('error', (error: { code: number }) => events.push(`${name} error ${error.code}`));
        stream.on('end', () => events.push(`${name} end`));
      }
      await new Promise((done) => setTimeout(done, 300));
      expect(events).toEqual([]);
      stdio.cancel();
      broker.cancel();
    });

    it('reports the parsed settings in CheckHealth without the secret', async () => {
      const response = await unary<{ status: string; message: string; jsonDetails: Buffer }>(served.clients.diagnostics, 'CheckHealth', {
        pluginContext: pluginContext(LAB_DATASOURCE_JSON),
      });
      const scenarios = existsSync(RECORDINGS) ? readdirSync(RECORDINGS) : [];
      expect(response.status).toBe(scenarios.length > 0 ? 'OK' : 'ERROR');
      const details = JSON.parse(response.jsonDetails.toString());
      expect(details).toMatchObject({ source: 'lab', secretsPresent: ['clientSecret'] });
      expect(JSON.stringify(response)).not.toContain(SECRET);
    });

    it('names the setting at fault in CheckHealth for broken settings', async () => {
      const broken = await unary<{ status: string; message: string }>(served.clients.diagnostics, 'CheckHealth', {
        pluginContext: pluginContext('{not json', 2000, 'broken-ds'),
      });
      expect(broken).toMatchObject({ status: 'ERROR', message: expect.stringMatching(/jsonData is not valid JSON/) });
      const azure = await unary<{ status: string; message: string }>(served.clients.diagnostics, 'CheckHealth', {
        pluginContext: pluginContext({ source: 'azure' }, 3000, 'azure-ds'),
      });
      // The message must name the setting to fix; its wording belongs to the health check.
      expect(azure).toMatchObject({ status: 'ERROR', message: expect.stringMatching(/azureTarget/) });
    });

    it('lists the bundled lab scenarios at /scenarios with proper status codes elsewhere', async () => {
      const call = (path: string, method = 'GET') =>
        collectStream<{ code: number; body: Buffer; headers: Record<string, { values: string[] }> }>(served.clients.resource, 'CallResource', {
          pluginContext: pluginContext(LAB_DATASOURCE_JSON),
          path,
          method,
          url: `/${path}`,
        });
      const [scenarios] = await call('scenarios');
      expect(scenarios.code).toBe(200);
      expect(scenarios.headers['Content-Type'].values).toEqual(['application/json']);
      const listed = JSON.parse(scenarios.body.toString()).scenarios.map((s: { scenario: string }) => s.scenario);
      const shipped = existsSync(RECORDINGS) ? readdirSync(RECORDINGS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
      expect(listed).toEqual(shipped);
      expect((await call('nope'))[0].code).toBe(404);
      const [wrongMethod] = await call('scenarios', 'POST');
      expect(wrongMethod.code).toBe(405);
      expect(wrongMethod.headers.Allow.values).toEqual(['GET']);
      expect(scenarios.body.toString()).not.toContain(SECRET);
    });

    it('serves /report, /paths and /instances for a range, and 400 with the reason for a bad range', async () => {
      const window = shippedScenarioWindow(LAB_DATASOURCE_JSON.labScenario);
      const range = `from=${encodeURIComponent(window.from)}&to=${encodeURIComponent(window.to)}`;
      const call = (path: string, query: string) =>
        collectStream<{ code: number; body: Buffer }>(served.clients.resource, 'CallResource', {
          pluginContext: pluginContext(LAB_DATASOURCE_JSON),
          path,
          method: 'GET',
          url: `/${path}?${query}`,
        });
      const [report] = await call('report', range);
      expect(report.code).toBe(200);
      const body = JSON.parse(report.body.toString());
      // DESIGN.md's CLI report contract: the Investigate page reads these keys.
      for (const key of ['window', 'source', 'totals', 'series', 'clusters', 'markers', 'workerModel', 'hypotheses', 'ranking']) {
        expect([key, key in body]).toEqual([key, true]);
      }
      const [paths] = await call('paths', range);
      expect(paths.code).toBe(200);
      expect(JSON.parse(paths.body.toString()).length).toBeGreaterThan(0);
      const [instances] = await call('instances', range);
      expect(JSON.parse(instances.body.toString()).length).toBeGreaterThan(0);
      const [badRange] = await call('paths', 'from=yesterday&to=today');
      expect(badRange.code).toBe(400);
      expect(JSON.parse(badRange.body.toString()).error).toMatch(/"from"/);
      expect(report.body.toString()).not.toContain(SECRET);
    });

    it('gives each bad query its own error and keeps answering the others', async () => {
      const registered = Object.keys(queryTypeHandlers);
      const good = registered.map((type, index) =>
        query(`good${index}`, { ...GOOD_QUERIES[type]?.model, queryType: type }, type, shippedScenarioWindow(LAB_DATASOURCE_JSON.labScenario))
      );
      const response = await unary<{ responses: Record<string, DataResponse> }>(served.clients.data, 'QueryData', {
        pluginContext: pluginContext(LAB_DATASOURCE_JSON),
        headers: {},
        queries: [query('malformed', '{"queryType": "series",'), query('array', '[1,2]'), query('unknown', { queryType: 'nope' }, 'nope'), query('untyped', {}), ...good],
      });
      for (const refId of ['malformed', 'array', 'unknown', 'untyped']) {
        expect(response.responses[refId]).toMatchObject({ status: 400, errorSource: 'downstream', frames: [] });
        expect(response.responses[refId].error).toContain(`query ${refId}`);
      }
      expect(response.responses.malformed.error).toMatch(/malformed/);
      expect(response.responses.unknown.error).toMatch(/unknown queryType "nope"/);
      for (const goodQuery of good) {
        const answer = response.responses[goodQuery.refId];
        expect(answer).toMatchObject({ error: '', status: 200 });
        expect(answer.frames.length).toBeGreaterThan(0);
        for (const frame of answer.frames) {
          expect(frameProblems(frame, goodQuery.refId)).toEqual([]);
          if (GOOD_QUERIES[goodQuery.queryType].timeSeries) {
            expect([goodQuery.queryType, timeSeriesKind(frame)]).toEqual([goodQuery.queryType, expect.stringMatching(/^(wide|long)$/)]);
          }
        }
      }
      await expect(unary(served.clients.health, 'Check', { service: 'plugin' })).resolves.toEqual({ status: 'SERVING' });
    });

    it('answers alert evaluation (FromAlert) with numeric time series only, and refuses table-only types', async () => {
      const window = shippedScenarioWindow(LAB_DATASOURCE_JSON.labScenario);
      const types = Object.keys(GOOD_QUERIES);
      const response = await unary<{ responses: Record<string, DataResponse> }>(served.clients.data, 'QueryData', {
        pluginContext: pluginContext(LAB_DATASOURCE_JSON),
        headers: { FromAlert: 'true' },
        queries: types.map((type) => query(type, { ...GOOD_QUERIES[type].model, queryType: type }, type, window)),
      });
      for (const type of types) {
        const answer = response.responses[type];
        if (GOOD_QUERIES[type].alerting) {
          expect([type, answer.error]).toEqual([type, '']);
          expect(answer.frames.length).toBeGreaterThan(0);
          expect(answer.frames.map((frame) => [type, isNumericTimeSeries(frame)])).toEqual(answer.frames.map(() => [type, true]));
        } else {
          expect([type, answer.status, answer.errorSource]).toEqual([type, 400, 'downstream']);
        }
      }
    });

    it('has a conformance query for every registered query type', () => {
      expect(Object.keys(queryTypeHandlers).filter((type) => !(type in GOOD_QUERIES))).toEqual([]);
    });

    it('fails every query of a request whose data source settings are broken, with the reason', async () => {
      const response = await unary<{ responses: Record<string, DataResponse> }>(served.clients.data, 'QueryData', {
        pluginContext: pluginContext('{"source":"kusto"}', 4000, 'kusto-ds'),
        headers: {},
        queries: [query('A', {}), query('B', {})],
      });
      for (const refId of ['A', 'B']) {
        expect(response.responses[refId]).toMatchObject({ status: 400, errorSource: 'downstream', error: expect.stringMatching(/"source" is "kusto"/) });
      }
    });

    it('exposes Prometheus metrics: requests, latency, query outcomes, instance cache hits', async () => {
      await unary(served.clients.diagnostics, 'CheckHealth', { pluginContext: pluginContext(LAB_DATASOURCE_JSON) });
      const response = await unary<{ metrics: { prometheus: Buffer } }>(served.clients.diagnostics, 'CollectMetrics', {});
      const text = response.metrics.prometheus.toString();
      expect(text).toMatch(/^appsvc_triage_backend_requests_total\{endpoint="checkHealth",outcome="ok"\} \d+$/m);
      expect(text).toMatch(/^appsvc_triage_backend_request_duration_seconds_count\{endpoint="queryData"\} \d+$/m);
      expect(text).toMatch(/^appsvc_triage_backend_queries_total\{query_type="nope",outcome="error"\} 1$/m);
      const hits = Number(/^appsvc_triage_backend_instance_cache_hits_total (\d+)$/m.exec(text)?.[1]);
      expect(hits).toBeGreaterThan(0);
    });

    it('logs hclog JSON lines on stderr and never the secret', () => {
      const lines = served.plugin.stderr().trim().split('\n');
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const entry = JSON.parse(line);
        expect(entry).toMatchObject({ '@level': expect.any(String), '@message': expect.any(String), '@module': 'appsvc-triage-datasource' });
        expect(entry['@timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      }
      expect(served.plugin.stderr()).not.toContain(SECRET);
    });

    it('exits within 2 s of GRPCController.Shutdown and removes its socket', async () => {
      const asked = performance.now();
      await unary(served.clients.controller, 'Shutdown', {});
      const exit = await served.plugin.exited;
      expect(exit.code).toBe(0);
      expect(exit.atMs - asked).toBeLessThan(2000);
      expect(existsSync(served.plugin.handshake.address)).toBe(false);
    });
  });

});
