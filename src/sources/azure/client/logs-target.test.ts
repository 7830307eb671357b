import { validateTarget } from './logs-target';

it('accepts a workspace GUID and normalises its case', () => {
  expect(validateTarget({ kind: 'workspace', workspaceId: ' 0B6F3D1E-7C1A-4A53-9A43-2F1F2F7B9E10 ' })).toEqual({
    kind: 'workspace',
    workspaceId: '0b6f3d1e-7c1a-4a53-9a43-2f1f2f7b9e10',
  });
});

it.each(['my-workspace', '', '0b6f3d1e-7c1a-4a53-9a43-2f1f2f7b9e1', '../0b6f3d1e-7c1a-4a53-9a43-2f1f2f7b9e10'])(
  'refuses workspace id %j, naming the setting',
  (workspaceId) => {
    expect(() => validateTarget({ kind: 'workspace', workspaceId })).toThrow(/^workspaceId: .* is not a Log Analytics workspace id/);
  }
);

it('accepts an App Service (or slot) resource id, with or without the leading slash', () => {
  const id = '/subscriptions/0000/resourceGroups/rg-1/providers/Microsoft.Web/sites/app-1';
  expect(validateTarget({ kind: 'resource', resourceId: id })).toEqual({ kind: 'resource', resourceId: id });
  expect(validateTarget({ kind: 'resource', resourceId: id.slice(1) + '/slots/staging' })).toEqual({ kind: 'resource', resourceId: `${id}/slots/staging` });
});

it.each([
  '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/s',
  '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/sites/app/../../other',
  '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/sites/app?x=1',
  '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/sites/a%2Fb',
  '/subscriptions/0000/resourceGroups/../providers/Microsoft.Web/sites/app',
  '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/sites/..',
])('refuses resource id %j', (resourceId) => {
  expect(() => validateTarget({ kind: 'resource', resourceId })).toThrow(/^resourceId: .* is not an App Service resource id/);
});
