import { analyzeTables } from '../analyze';
import { derive } from '../derive/derive';
import { LogTable } from '../model/input';
import { Signals } from '../model/signals';
import { buildHttpTable } from '../table/http-table-builder';
import { CorpusLab, corpusTable } from '../testing/fixtures';
import { assess } from './assess';
import { DEPLOYMENT_BEFORE_FAILURES_SIGNAL, DEPLOYMENT_LEAD_MS } from './deployment-before-failures';
import { HypothesisAssessment } from './types';

function h3Of(signals: Signals): HypothesisAssessment {
  const h3 = assess(signals).hypotheses.find((item) => item.id === 'H3');
  if (!h3) {
    throw new Error('no H3 in the assessment');
  }
  return h3;
}

function corpusSignals(lab: CorpusLab): Signals {
  return analyzeTables({ http: [corpusTable(lab, 'http')], console: [corpusTable(lab, 'console')], platform: [corpusTable(lab, 'platform')] });
}

const deploymentEvidence = (h3: HypothesisAssessment) => h3.evidence.find((item) => item.signal === DEPLOYMENT_BEFORE_FAILURES_SIGNAL);

/** A zip deploy at 10:00 to the Kudu host, site traffic every minute from 09:55, 503s from `failAt`. */
function deployThenFailures(failAt: string): Signals {
  const rows: unknown[][] = [['2026-04-04T10:00:01Z', '/api/zipdeploy', 202, 1000, 'app-x.scm.azurewebsites.net']];
  for (let minute = 0; minute < 40; minute++) {
    const time = new Date(Date.UTC(2026, 3, 4, 9, 55 + minute, 30)).toISOString();
    rows.push([time, '/', time >= failAt ? 503 : 200, 40, 'app-x.azurewebsites.net']);
  }
  const http: LogTable = {
    name: 'PrimaryResult',
    columns: ['TimeGenerated', 'CsUriStem', 'ScStatus', 'TimeTaken', 'CsHost'].map((name) => ({ name, type: 'string' })),
    rows,
  };
  return analyzeTables({ http: [http] });
}

describe('H3: failures beginning shortly after a deployment', () => {
  it('deployment-succeeded-startup-failed: the startup failures after its zip deploy support H3, pointing at the deployment marker', () => {
    const signals = corpusSignals('deployment-succeeded-startup-failed');
    const evidence = deploymentEvidence(h3Of(signals));
    expect(evidence?.effect).toBe('supports');
    expect(evidence?.observed).toContain('/api/zipdeploy → 202');
    const pointed = evidence?.pointers.flatMap((pointer) => (pointer.kind === 'marker' ? [signals.markers[pointer.index].kind] : []));
    expect(pointed).toEqual(['deployment']);
  });

  it.each<CorpusLab>(['intermittent-5xx', 'slot-swap-config-drift', 'memory-pressure'])('%s: no SCM rows and no readable deployment id → no data, not "no deployment"', (lab) => {
    expect(deploymentEvidence(h3Of(corpusSignals(lab)))?.effect).toBe('no-data');
  });

  it('container-http-pings: SCM traffic was logged but held no deployment, so the rule is not met', () => {
    expect(deploymentEvidence(h3Of(corpusSignals('container-http-pings')))?.effect).toBe('not-seen');
  });

  it(`counts a deployment up to ${DEPLOYMENT_LEAD_MS / 60_000} min before the failures, not older ones`, () => {
    expect(deploymentEvidence(h3Of(deployThenFailures('2026-04-04T10:05')))?.effect).toBe('supports');
    expect(deploymentEvidence(h3Of(deployThenFailures('2026-04-04T10:25')))?.effect).toBe('not-seen');
  });

  it('a deployment after the failures began does not explain them', () => {
    expect(deploymentEvidence(h3Of(deployThenFailures('2026-04-04T09:56')))?.effect).toBe('not-seen');
  });
});

describe('H3 with the deployment history as the only witness', () => {
  const http: LogTable = {
    name: 'PrimaryResult',
    columns: ['TimeGenerated', 'CsUriStem', 'ScStatus', 'TimeTaken'].map((name) => ({ name, type: 'string' })),
    rows: Array.from({ length: 30 }, (_, minute) => [new Date(Date.UTC(2026, 3, 4, 10, minute, 30)).toISOString(), '/', minute >= 12 ? 503 : 200, 40]),
  };
  const derived = (records: Array<{ id: string; startTime: number }>) =>
    derive({ http: buildHttpTable([http]), deploymentHistory: { from: 'azure:app-x deployments', records } });

  it('a history deployment 2 min before the 503s supports H3; an empty history read is "not seen", not "no data"', () => {
    expect(deploymentEvidence(h3Of(derived([{ id: 'abc123', startTime: Date.UTC(2026, 3, 4, 10, 10) }])))?.effect).toBe('supports');
    expect(deploymentEvidence(h3Of(derived([])))?.effect).toBe('not-seen');
    expect(deploymentEvidence(h3Of(derive({ http: buildHttpTable([http]) })))?.effect).toBe('no-data');
  });
});
