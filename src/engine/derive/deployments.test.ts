import { LogTable } from '../model/input';
import { Signals } from '../model/signals';
import { isReadableDeploymentId } from '../parse/deployment-version';
import { parseLogs } from '../parse/parse-logs';
import { buildHttpTable } from '../table/http-table-builder';
import { CorpusLab, corpusTable } from '../testing/fixtures';
import { derive } from './derive';
import { DEPLOY_BURST_GAP_MS, startsDeployment } from './scm-deploys';

function corpusSignals(lab: CorpusLab): Signals {
  const logs = parseLogs({ console: [corpusTable(lab, 'console')], platform: [corpusTable(lab, 'platform')] });
  return derive({ http: buildHttpTable([corpusTable(lab, 'http')]), logs });
}

const deployments = (signals: Signals) => signals.markers.filter((marker) => marker.kind === 'deployment');

const SCM = 'app-x.scm.azurewebsites.net';
const SITE = 'app-x.azurewebsites.net';

/** Rows `[time, method, path, status, taken, host]` as an AppServiceHTTPLogs table with CsMethod. */
function httpWithMethod(rows: Array<[string, string, string, number, number, string]>): LogTable {
  return {
    name: 'PrimaryResult',
    columns: ['TimeGenerated', 'CsMethod', 'CsUriStem', 'ScStatus', 'TimeTaken', 'CsHost'].map((name) => ({ name, type: 'string' })),
    rows,
  };
}

function platformTable(columns: string[], rows: string[][]): LogTable {
  return { name: 'PrimaryResult', columns: columns.map((name) => ({ name, type: 'string' })), rows };
}

describe('deployment markers from Kudu/SCM requests in the corpus', () => {
  it('deployment-succeeded-startup-failed: its zipdeploy 202 becomes one marker at the upload start, polls folded in', () => {
    const found = deployments(corpusSignals('deployment-succeeded-startup-failed'));
    expect(found).toHaveLength(1);
    // TimeGenerated 05:16:36.397916 is the end of a 2409 ms upload.
    expect(found[0].time).toBeCloseTo(Date.parse('2026-04-04T05:16:36.397Z') - 2409, -1);
    expect(found[0].title).toContain('/api/zipdeploy → 202');
    expect(found[0].title).toContain('6 Kudu deployment API request(s)');
    expect(found[0].source.table).toBe('http');
    expect(found[0].source.line).toMatch(/^202 \/api\/zipdeploy on app-labstartup-\S+\.scm\./);
  });

  it('no-space-left-on-device: two zip deploys 11 minutes apart are two markers', () => {
    const found = deployments(corpusSignals('no-space-left-on-device'));
    expect(found.map((marker) => new Date(marker.time).toISOString().slice(11, 16))).toEqual(['05:16', '05:27']);
  });

  it('snat-exhaustion: two /api/publish uploads 5 minutes apart and a later zipdeploy are three markers', () => {
    const found = deployments(corpusSignals('snat-exhaustion'));
    expect(found.map((marker) => marker.title.split(' →')[0])).toEqual(['deployment via /api/publish', 'deployment via /api/publish', 'deployment via /api/zipdeploy']);
  });

  it.each<CorpusLab>(['intermittent-5xx', 'memory-pressure', 'slot-swap-config-drift', 'slow-start-cold-start'])('%s has no SCM rows and gets no deployment marker', (lab) => {
    const signals = corpusSignals(lab);
    expect(signals.deploymentWitnesses).toEqual({ scmRequests: 0, deploymentIds: 0 });
    expect(deployments(signals)).toEqual([]);
  });

  it('container-http-pings: a Kudu /dump request is SCM traffic but not a deployment', () => {
    const signals = corpusSignals('container-http-pings');
    expect(signals.deploymentWitnesses?.scmRequests).toBe(1);
    expect(deployments(signals)).toEqual([]);
  });

  it('redacted deployment versions in platform lines are no evidence (all corpus GUIDs are x-ed out)', () => {
    expect(corpusSignals('dns-vnet-resolution').deploymentWitnesses?.deploymentIds).toBe(0);
    expect(isReadableDeploymentId('xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx')).toBe(false);
    expect(isReadableDeploymentId('REDACTED')).toBe(false);
    expect(isReadableDeploymentId('3f2b9c1e-8a7d-4e11-9b0a-5c6d7e8f9a01')).toBe(true);
  });
});

describe('deployment markers when CsMethod is present', () => {
  it('decides upload paths by method: POST/PUT start a deploy, GET does not', () => {
    expect(startsDeployment('/api/zipdeploy', 'POST')).toBe(true);
    expect(startsDeployment('/api/zipdeploy', 'GET')).toBe(false);
    expect(startsDeployment('/api/zipdeploy', undefined)).toBe(true);
    expect(startsDeployment('/api/deployments/abc', 'PUT')).toBe(true);
    expect(startsDeployment('/api/deployments/abc', 'GET')).toBe(false);
    expect(startsDeployment('/api/deployments/abc', undefined)).toBe(false);
    expect(startsDeployment('/api/zip/site/wwwroot/', 'PUT')).toBe(true);
    expect(startsDeployment('/api/zip/site/wwwroot/', undefined)).toBe(false);
  });

  it('marks accepted uploads only; site rows, GETs, refused uploads and lone history reads make none', () => {
    const table = httpWithMethod([
      ['2026-04-04T10:00:00Z', 'GET', '/api/deployments', 200, 300, SCM],
      ['2026-04-04T10:00:05Z', 'GET', '/api/zipdeploy', 200, 20, SCM],
      ['2026-04-04T10:00:10Z', 'POST', '/api/zipdeploy', 409, 50, SCM],
      ['2026-04-04T10:00:20Z', 'POST', '/api/zipdeploy', 200, 3000, SITE],
      ['2026-04-04T10:01:00Z', 'POST', '/api/zipdeploy', 202, 1500, SCM],
      ['2026-04-04T10:01:10Z', 'GET', '/api/deployments/latest', 202, 100, SCM],
      ['2026-04-04T10:01:30Z', 'GET', '/api/deployments/latest', 200, 100, SCM],
      ['2026-04-04T10:20:00Z', 'PUT', '/api/deployments/abc', 200, 900, SCM],
    ]);
    const signals = derive({ http: buildHttpTable([table]) });
    const found = deployments(signals);
    expect(found.map((marker) => marker.title)).toEqual([
      'deployment via POST /api/zipdeploy → 202; 2 Kudu deployment API request(s) over the next 30 s',
      'deployment via PUT /api/deployments/abc → 200',
    ]);
    expect(found[0].time).toBe(Date.parse('2026-04-04T10:01:00Z') - 1500);
    expect(found[0].source).toEqual({ table: 'http', row: 4, line: `202 POST /api/zipdeploy on ${SCM} (1500 ms)` });
    // SCM rows stay out of the site's counts.
    expect(signals.totals.requests).toBe(1);
  });

  it(`polls more than ${DEPLOY_BURST_GAP_MS / 60_000} min after the last deploy request belong to no deploy`, () => {
    const table = httpWithMethod([
      ['2026-04-04T10:00:00Z', 'POST', '/api/publish', 200, 1000, SCM],
      ['2026-04-04T10:30:00Z', 'GET', '/api/deployments/latest', 200, 100, SCM],
    ]);
    expect(deployments(derive({ http: buildHttpTable([table]) })).map((marker) => marker.title)).toEqual(['deployment via POST /api/publish → 200']);
  });
});

describe('deployment markers from platform deployment ids', () => {
  const idA = '3f2b9c1e-8a7d-4e11-9b0a-5c6d7e8f9a01';
  const idB = '7c0d4e2a-1b3c-4d5e-8f90-a1b2c3d4e5f6';

  it('marks the first row with a new DeploymentId, per instance, and not the id the export began with', () => {
    const platform = platformTable(
      ['TimeGenerated', 'Level', 'Message', 'Host', 'DeploymentId'],
      [
        ['2026-04-04T10:00:00Z', 'Informational', 'Container is running.', 'lw0', idA],
        ['2026-04-04T10:00:30Z', 'Informational', 'Container is running.', 'lw1', idB],
        ['2026-04-04T10:05:00Z', 'Informational', 'Stopping container.', 'lw0', idA],
        ['2026-04-04T10:06:00Z', 'Informational', 'Starting container.', 'lw0', idB],
        ['2026-04-04T10:07:00Z', 'Informational', 'Container is running.', 'lw0', idB],
        ['2026-04-04T10:08:00Z', 'Informational', 'Container is running.', 'lw1', 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'],
      ],
    );
    const signals = derive({ logs: parseLogs({ platform: [platform] }) });
    const found = deployments(signals);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ time: Date.parse('2026-04-04T10:06:00Z'), instance: 'lw0', source: { table: 'platform', row: 3 } });
    expect(found[0].title).toBe('site now runs deployment 7c0d4e2a… (was 3f2b9c1e…; DeploymentId column)');
    expect(signals.deploymentWitnesses?.deploymentIds).toBe(5);
  });

  it("reads the platform's own version line when there is no DeploymentId column", () => {
    const platform = platformTable(
      ['TimeGenerated', 'Level', 'Message'],
      [
        ['2026-04-04T10:06:00Z', 'Informational', `Site is running with deployment version: ${idB}`],
        ['2026-04-04T10:00:00Z', 'Informational', `Site is running with deployment version: ${idA}`],
      ],
    );
    const found = deployments(derive({ logs: parseLogs({ platform: [platform] }) }));
    expect(found.map((marker) => [new Date(marker.time).toISOString(), marker.title])).toEqual([
      ['2026-04-04T10:06:00.000Z', 'site now runs deployment 7c0d4e2a… (was 3f2b9c1e…; platform version line)'],
    ]);
  });
});

describe('deployment markers from the deployment history', () => {
  const history = {
    from: 'azure:app-x deployments',
    records: [
      { id: '7c0d4e2a1b3c4d5e8f90a1b2c3d4e5f6', startTime: Date.parse('2026-04-04T10:20:00Z'), status: 3, deployer: 'OneDeploy' },
      { id: 'abc123', startTime: Date.parse('2026-04-04T10:05:00Z'), endTime: Date.parse('2026-04-04T10:06:10Z'), status: 4, active: true, deployer: 'ZipDeploy' },
      { id: 'broken', startTime: Number.NaN },
    ],
  };

  it('marks every record with a start time, oldest first, pointing at the record', () => {
    const signals = derive({ deploymentHistory: history });
    expect(deployments(signals).map((marker) => [new Date(marker.time).toISOString(), marker.title, marker.source.row])).toEqual([
      ['2026-04-04T10:05:00.000Z', 'deployment abc123 via ZipDeploy succeeded (deployment history)', 1],
      ['2026-04-04T10:20:00.000Z', 'deployment 7c0d4e2a… via OneDeploy failed (deployment history)', 0],
    ]);
    expect(deployments(signals)[0].source).toMatchObject({
      table: 'deployment-history',
      line: 'deployment abc123 by ZipDeploy succeeded (active), started 2026-04-04T10:05:00.000Z, ended 2026-04-04T10:06:10.000Z — azure:app-x deployments',
    });
    expect(signals.deploymentWitnesses).toEqual({ scmRequests: 0, deploymentIds: 0, historyRecords: 3 });
  });

  it('an empty history that was read is a witness with no deployments, unlike no history at all', () => {
    expect(derive({ deploymentHistory: { from: 'azure:app-x deployments', records: [] } }).deploymentWitnesses).toEqual({ scmRequests: 0, deploymentIds: 0, historyRecords: 0 });
    expect(derive({}).deploymentWitnesses).toEqual({ scmRequests: 0, deploymentIds: 0 });
  });
});
