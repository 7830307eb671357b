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
  });

  it('reads the Azure settings and keeps secret values out of the settings', () => {
    const parsed = parseDataSourceSettings(
      instance(JSON.stringify({ source: 'azure', workspaceId: ' ws ', tenantId: 't', clientId: 'c', authType: 'clientSecret', maxRows: '5000', extra: 1 }), {
        clientSecret: 'hunter2',
      })
    );
    expect(parsed.settings).toMatchObject({
      source: 'azure',
      azure: { workspaceId: 'ws', tenantId: 't', clientId: 'c', authType: 'clientSecret' },
      maxRows: 5000,
      secretNames: ['clientSecret'],
      unknownKeys: ['extra'],
    });
    expect(JSON.stringify(parsed.settings)).not.toContain('hunter2');
    expect(parsed.secrets.clientSecret).toBe('hunter2');
  });

  it('names the data source and the setting that is wrong', () => {
    expect(() => parseDataSourceSettings(instance('{not json'))).toThrow(/data source "Triage": jsonData is not valid JSON/);
    expect(() => parseDataSourceSettings(instance('[1]'))).toThrow(/jsonData must be a JSON object/);
    expect(() => parseDataSourceSettings(instance('{"source":"kusto"}'))).toThrow(/"source" is "kusto"; choose one of lab, files, azure/);
    expect(() => parseDataSourceSettings(instance('{"maxRows":-3}'))).toThrow(/"maxRows" must be a positive whole number, got -3/);
    expect(() => parseDataSourceSettings(instance('{"workspaceId":42}'))).toThrow(/"workspaceId" must be a string, got number/);
  });
});
