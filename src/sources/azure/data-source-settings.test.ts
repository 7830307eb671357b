import { AzureSource } from './azure-source';
import { azureSettingsFromDataSource } from './data-source-settings';

const WORKSPACE = '0b6f3d1e-7c1a-4a53-9a43-2f1f2f7b9e10';
const RESOURCE = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/app-1';

it('a GUID target is workspace-centric, a resource id is resource-centric', () => {
  expect(azureSettingsFromDataSource({ azureTarget: WORKSPACE }).target).toEqual({ kind: 'workspace', workspaceId: WORKSPACE });
  expect(azureSettingsFromDataSource({ azureTarget: RESOURCE.slice(1) }).target).toEqual({ kind: 'resource', resourceId: RESOURCE });
});

it('defaults to managed identity and the public cloud (the CLI name AzureCloud is accepted)', () => {
  const settings = azureSettingsFromDataSource({ azureTarget: WORKSPACE, azureCloud: 'AzureCloud' });
  expect(settings.auth).toEqual({ kind: 'managedIdentity', clientId: undefined });
  expect(new AzureSource(settings).describe()).toBe(`azure:workspace ${WORKSPACE}`);
});

it('maps the app registration fields, secret included', () => {
  expect(
    azureSettingsFromDataSource({ azureTarget: WORKSPACE, azureAuth: 'clientSecret', azureTenantId: 't', azureClientId: 'c', azureClientSecret: 's' }).auth
  ).toEqual({ kind: 'clientSecret', tenantId: 't', clientId: 'c', clientSecret: 's' });
});

it.each([
  [{}, /^azureTarget is empty/],
  [{ azureTarget: 'my-workspace' }, /^azureTarget: workspaceId: "my-workspace" is not a Log Analytics workspace id/],
  [{ azureTarget: WORKSPACE, azureAuth: 'clientSecret', azureTenantId: 't' }, /^azureAuth is "clientSecret" but azureClientId, azureClientSecret \(secure\) are empty$/],
  [{ azureTarget: WORKSPACE, azureAuth: 'deviceCode' }, /^azureAuth: "deviceCode" is not one of/],
])('names the field to fix: %j', (fields, message) => {
  expect(() => azureSettingsFromDataSource(fields)).toThrow(message);
});

it('an unknown cloud is reported when the source is built', () => {
  expect(() => new AzureSource(azureSettingsFromDataSource({ azureTarget: WORKSPACE, azureCloud: 'AzureGermany' }))).toThrow(
    /cloud: unknown cloud "AzureGermany"/
  );
});
