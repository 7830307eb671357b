import type { DataSourceInstanceSettings } from '../protocol/plugin-types';
import { DEFAULT_MAX_ROWS, parseDataSourceSettings } from './datasource-settings';

function instance(jsonData: string, secrets: Record<string, string> = {}): DataSourceInstanceSettings {
  return { id: 1, uid: 'ds-1', name: 'Triage', url: '', jsonData: Buffer.from(jsonData), decryptedSecureJsonData: secrets, lastUpdatedMS: 1 };
}

describe('parseDataSourceSettings', () => {
  it('defaults to the lab source and the default row limit', () => {
    const { settings } = parseDataSourceSettings(instance(''));
    expect(settings.source).toBe('lab');
    expect(settings.maxRows).toBe(DEFAULT_MAX_ROWS);
    expect(settings.labReplayAsOfNow).toBe(true);
  });

  it('reads the keys the config editor saves for lab and files', () => {
    const lab = parseDataSourceSettings(instance(JSON.stringify({ source: 'lab', labScenario: 't1-worker-timeout', labReplayAsOfNow: false })));
    expect(lab.settings).toMatchObject({ labScenario: 't1-worker-timeout', labReplayAsOfNow: false, unknownKeys: [] });
    const files = parseDataSourceSettings(instance(JSON.stringify({ source: 'files', filesFolder: '/var/exports' })));
    expect(files.settings).toMatchObject({ source: 'files', filesPath: '/var/exports', unknownKeys: [] });
  });

  it('reads the Azure settings and keeps secret values out of the settings', () => {
    const parsed = parseDataSourceSettings(
      instance(
        JSON.stringify({ source: 'azure', azureTarget: ' ws ', azureTenantId: 't', azureClientId: 'c', azureAuth: 'clientSecret', azureCloud: 'AzureCloud', maxRows: '5000', extra: 1 }),
        { azureClientSecret: 'hunter2' }
      )
    );
    expect(parsed.settings).toMatchObject({
      source: 'azure',
      azure: { workspaceId: 'ws', tenantId: 't', clientId: 'c', authType: 'clientSecret', cloud: 'AzureCloud' },
      maxRows: 5000,
      secretNames: ['azureClientSecret'],
      unknownKeys: ['extra'],
    });
    expect(JSON.stringify(parsed.settings)).not.toContain('hunter2');
    expect(parsed.secrets.azureClientSecret).toBe('hunter2');
  });

  it('names the data source and the setting that is wrong', () => {
    expect(() => parseDataSourceSettings(instance('{not json'))).toThrow(/data source "Triage": jsonData is not valid JSON/);
    expect(() => parseDataSourceSettings(instance('[1]'))).toThrow(/jsonData must be a JSON object/);
    expect(() => parseDataSourceSettings(instance('{"source":"kusto"}'))).toThrow(/"source" is "kusto"; choose one of lab, files, azure/);
    expect(() => parseDataSourceSettings(instance('{"maxRows":-3}'))).toThrow(/"maxRows" must be a positive whole number, got -3/);
    expect(() => parseDataSourceSettings(instance('{"azureTarget":42}'))).toThrow(/"azureTarget" must be a string, got number/);
    expect(() => parseDataSourceSettings(instance('{"labReplayAsOfNow":"yes"}'))).toThrow(/"labReplayAsOfNow" must be true or false/);
  });
});
