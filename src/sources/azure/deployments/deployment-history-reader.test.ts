// The site's deployment history through the real @azure/arm-appservice client and a real
// ClientSecretCredential against the HTTPS fake's Resource Manager paths, and on into a diagnosis.
import { runDiagnosis } from '../../../diagnosis/run-diagnosis';
import { AzureSource } from '../azure-source';
import { arm404, deploymentResource, withDeploymentHistory } from '../testing/arm-deployments-route';
import { dashboardHandler } from '../testing/corpus-replies';
import { TEST_AUTH, TEST_SECRET, fakeCloudSettings, startFakeAzure } from '../testing/fake-azure';
import { FakeLogAnalyticsServer, errorReply } from '../testing/fake-log-analytics-server';
import { MAX_DEPLOYMENT_RECORDS } from './deployment-history-reader';

const SITE = '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-lab-5xx/providers/Microsoft.Web/sites/app-lab5xx';
const request = { window: { from: Date.UTC(2026, 3, 4, 5, 30), to: Date.UTC(2026, 3, 4, 6, 0) }, binMs: 60_000 };
const AUTHOR_EMAIL = 'dev.person@example.com';
const COMMIT_MESSAGE = 'Fix the startup command (ticket 4242)';

const zipDeploy = deploymentResource(SITE, '5f3a9c1e8b7d4e11', {
  status: 4,
  author: 'Dev Person',
  author_email: AUTHOR_EMAIL,
  deployer: 'ZipDeploy',
  message: COMMIT_MESSAGE,
  start_time: '2026-04-04T05:40:12.5Z',
  end_time: '2026-04-04T05:41:30Z',
  active: true,
});
const failedDeploy = deploymentResource(SITE, '0a1b2c3d4e5f6789', { status: 3, deployer: 'OneDeploy', start_time: '2026-04-04T05:20:00Z', active: false });
const noStart = deploymentResource(SITE, 'temp', { status: 0, deployer: 'ZipDeploy' });

let server: FakeLogAnalyticsServer;
beforeEach(async () => {
  server = await startFakeAzure();
  server.handler = dashboardHandler();
  server.armHandler = withDeploymentHistory(server.url, [[zipDeploy, noStart], [failedDeploy]], arm404);
});
afterEach(async () => {
  await server.close();
});

function sourceFor(resourceId = SITE): AzureSource {
  const { cloud, transport } = fakeCloudSettings(server);
  return new AzureSource({
    target: { kind: 'resource', resourceId },
    auth: TEST_AUTH,
    cloud: { logsEndpoint: cloud.logsEndpoint, authorityHost: cloud.authorityHost },
    armEndpoint: server.url,
    transport,
    retry: { baseDelayMs: 10, maxDelayMs: 20 },
  });
}

describe('deployment history from Resource Manager', () => {
  it('follows nextLink, keeps id, times, status, active and deployer only, and names skipped records', async () => {
    const reading = await sourceFor().readDeploymentHistory();
    const lists = server.armRequests.filter((item) => item.path.startsWith(`${SITE}/deployments`));
    expect(lists.map((item) => item.path)).toEqual([`${SITE}/deployments`, `${SITE}/deployments/next/1`]);
    expect(lists.every((item) => item.authorization === 'Bearer fake-access-token-for-tests' && item.apiVersion !== undefined)).toBe(true);
    expect(reading.history).toEqual({
      from: 'azure:app-lab5xx deployments',
      records: [
        { id: '5f3a9c1e8b7d4e11', startTime: Date.parse('2026-04-04T05:40:12.5Z'), endTime: Date.parse('2026-04-04T05:41:30Z'), status: 4, active: true, deployer: 'ZipDeploy' },
        { id: '0a1b2c3d4e5f6789', startTime: Date.parse('2026-04-04T05:20:00Z'), status: 3, active: false, deployer: 'OneDeploy' },
      ],
    });
    expect(reading.notes).toEqual(['deployment history: 1 record(s) without an id or start time were skipped']);
    const everything = JSON.stringify(reading);
    for (const kept of [AUTHOR_EMAIL, COMMIT_MESSAGE, 'Dev Person', TEST_SECRET]) {
      expect(everything).not.toContain(kept);
    }
  });

  it('reads a slot through the slot path', async () => {
    await sourceFor(`${SITE}/slots/staging`).readDeploymentHistory();
    expect(server.armRequests.map((item) => item.path)).toEqual([`${SITE}/slots/staging/deployments`, `${SITE}/slots/staging/deployments/next/1`]);
  });

  it('stops after the first records when the history is long', async () => {
    const many = Array.from({ length: MAX_DEPLOYMENT_RECORDS + 5 }, (_, index) =>
      deploymentResource(SITE, `d${index}`, { status: 4, start_time: new Date(Date.UTC(2026, 3, 1) + index * 60_000).toISOString() })
    );
    server.armHandler = withDeploymentHistory(server.url, [many], arm404);
    const reading = await sourceFor().readDeploymentHistory();
    expect(reading.history?.records).toHaveLength(MAX_DEPLOYMENT_RECORDS);
    expect(reading.notes).toEqual([`deployment history: only the first ${MAX_DEPLOYMENT_RECORDS} records were read`]);
  });

  it('on 403 names the Reader action and returns no history (not an empty one); the failure is not cached', async () => {
    server.armHandler = withDeploymentHistory(server.url, [], arm404, errorReply(403, 'AuthorizationFailed', 'no'));
    const source = sourceFor();
    const reading = await source.readDeploymentHistory();
    expect(reading).toEqual({ notes: ['deployment history not read: 403 Forbidden: listing deployments needs Reader on the site (Microsoft.Web/sites/deployments/read)'] });
    await source.readDeploymentHistory();
    expect(server.armRequests).toHaveLength(2);
  });

  it('reuses one successful reading across refreshes', async () => {
    const source = sourceFor();
    await source.readDeploymentHistory();
    await source.readDeploymentHistory();
    expect(server.armRequests).toHaveLength(2);
  });

  it('asks nothing of Resource Manager for a workspace target', async () => {
    const { cloud, transport } = fakeCloudSettings(server);
    const source = new AzureSource({ target: { kind: 'workspace', workspaceId: '0b6f3d1e-7c1a-4a53-9a43-2f1f2f7b9e10' }, auth: TEST_AUTH, cloud, transport, armEndpoint: server.url });
    expect(await source.readDeploymentHistory()).toEqual({ notes: [] });
    expect(server.armRequests).toEqual([]);
  });
});

describe('deployment history in a diagnosis', () => {
  it('becomes deployment markers in the window and makes H3 deployment rule decidable', async () => {
    const diagnosis = await runDiagnosis(sourceFor(), request);
    const deployments = diagnosis.signals.markers.filter((marker) => marker.kind === 'deployment');
    expect(deployments.map((marker) => [new Date(marker.time).toISOString(), marker.source.table])).toEqual([['2026-04-04T05:40:12.500Z', 'deployment-history']]);
    expect(diagnosis.signals.deploymentWitnesses?.historyRecords).toBe(2);
    const rule = diagnosis.assessment.hypotheses.find((item) => item.id === 'H3')?.evidence.find((item) => item.signal === 'failures-begin-after-deployment');
    expect(rule?.effect).not.toBe('no-data');
    expect(diagnosis.data.warnings).toContainEqual({ where: 'deployment history', message: 'deployment history: 1 record(s) without an id or start time were skipped' });
  });

  it('a refused history costs only the history: the diagnosis runs and says why', async () => {
    server.armHandler = withDeploymentHistory(server.url, [], arm404, errorReply(403, 'AuthorizationFailed', 'no'));
    const diagnosis = await runDiagnosis(sourceFor(), request);
    expect(diagnosis.signals.deploymentWitnesses?.historyRecords).toBeUndefined();
    expect(diagnosis.data.warnings.filter((item) => item.where === 'deployment history').map((item) => item.message)).toEqual([
      'deployment history not read: 403 Forbidden: listing deployments needs Reader on the site (Microsoft.Web/sites/deployments/read)',
    ]);
  });
});
