import path from 'node:path';
import { createAppInstance } from '../app-instance';
import type { Logger } from '../protocol/hclog';
import type { ResourceRequest } from '../protocol/plugin-types';
import { routeResource } from '../protocol/resource-router';
import { resourceRoutes } from '.';

const recordingsRoot = path.resolve(__dirname, '../../../lab/recordings');
const silent = { debug() {}, info() {}, warn() {}, error() {} } as unknown as Logger;

function request(pathAndQuery: string, jsonData: object) {
  const [routePath, search = ''] = pathAndQuery.split('?');
  const instance = createAppInstance(
    { id: 1, uid: 'lab', name: 'lab', url: '', jsonData: Buffer.from(JSON.stringify(jsonData)), decryptedSecureJsonData: {}, lastUpdatedMS: 1 },
    recordingsRoot
  );
  return {
    instance,
    pluginContext: {} as ResourceRequest<typeof instance>['pluginContext'],
    headers: {},
    fromAlert: false,
    signal: new AbortController().signal,
    logger: silent,
    method: 'GET',
    path: routePath,
    query: new URLSearchParams(search),
    body: Buffer.alloc(0),
  };
}

async function call(pathAndQuery: string, jsonData: object = { source: 'lab', labScenario: 'h1-two-instances', labReplayAsOfNow: false }) {
  const response = await routeResource(resourceRoutes, request(pathAndQuery, jsonData));
  return { status: response.status, body: JSON.parse(response.body.toString('utf8')) };
}

describe('diagnosis resources', () => {
  it('lists the paths and instances of the recording', async () => {
    const paths = await call('/paths');
    expect(paths.status).toBe(200);
    expect(paths.body).toEqual([...paths.body].sort());
    expect(paths.body.length).toBeGreaterThan(2);
    const instances = await call('/instances');
    expect(instances.body.length).toBe(2);
  });

  it('returns the full report with the contract keys for a range', async () => {
    const { status, body } = await call('/report?bin=1m');
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['window', 'source', 'totals', 'series', 'clusters', 'markers', 'workerModel', 'hypotheses', 'ranking'])
    );
    expect(body.source.spec).toBe('lab:h1-two-instances');
    expect(body.ranking[0]).toBe('H1');
    const from = Date.parse(body.window.from);
    const narrowed = await call(`/report?from=${from}&to=${from + 60_000}`);
    expect(Date.parse(narrowed.body.window.to) - Date.parse(narrowed.body.window.from)).toBe(60_000);
  });

  it('answers 400 with the reason for a bad range or bin', async () => {
    expect(await call('/paths?from=abc&to=1')).toMatchObject({ status: 400 });
    expect((await call('/paths?from=10')).body.error).toMatch(/"from" and "to" must both be given/);
    expect(await call('/instances?bin=7q')).toMatchObject({ status: 400 });
  });

  it('answers 400 naming an unknown lab scenario', async () => {
    const response = await call('/paths', { source: 'lab', labScenario: 'nope' });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/unknown lab scenario "nope" \(known: .*baseline/);
  });
});
