import type { HealthCheckResult } from '@grafana/runtime';
import { detailLines, toTestResponse } from './health';

// @grafana/runtime cannot load in the node test environment; its enum values are plain strings.
const status = (value: 'OK' | 'ERROR' | 'UNKNOWN') => value as HealthCheckResult['status'];

describe('toTestResponse', () => {
  const details = {
    source: 'azure',
    settings: { labScenario: undefined, azure: { workspaceId: 'ws-1', authType: 'clientSecret' }, maxRows: 200000 },
    secretsPresent: ['clientSecret'],
    unknownSettings: [],
  };

  it('spells out the JSON details line by line, secrets only by name', () => {
    expect(detailLines(details)).toEqual([
      'source: azure',
      'settings.labScenario: not set',
      'settings.azure.workspaceId: ws-1',
      'settings.azure.authType: clientSecret',
      'settings.maxRows: 200000',
      'secretsPresent: clientSecret',
      'unknownSettings: none',
    ]);
  });

  it('maps OK / UNKNOWN / ERROR to success / warning / error and keeps the message', () => {
    expect(toTestResponse({ status: status('OK'), message: 'Lab source: 3 recorded scenarios available.', details: {} })).toEqual({
      status: 'success',
      message: 'Lab source: 3 recorded scenarios available.',
      details: undefined,
    });
    expect(toTestResponse({ status: status('UNKNOWN'), message: 'not checked', details }).status).toBe('warning');
    const failed = toTestResponse({ status: status('ERROR'), message: 'Azure source: fill in tenantId.', details });
    expect(failed.status).toBe('error');
    expect(failed.details?.verboseMessage).toContain('settings.azure.workspaceId: ws-1');
  });
});
