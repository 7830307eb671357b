import { firstValueFrom } from 'rxjs';
import { dateTime } from '@grafana/data';
import overview from '../../dashboards/appsvc-overview.json';
import type { DataSource } from './datasource';
import { AppSvcVariableSupport, variableValues } from './variables';

const answers: Record<string, unknown> = {
  paths: ['/api/slow', '/health'],
  instances: ['lw0sdlwk000001', 'lw0sdlwk000002'],
  scenarios: { scenarios: [{ scenario: 'baseline', description: '' }, { scenario: 'h1-exhaustion', description: '' }] },
};
const resources = { getResource: async (path: string) => answers[path] };

describe('variables', () => {
  it('lists paths, instances and scenario names from the resources', async () => {
    await expect(variableValues(resources, 'paths')).resolves.toEqual(['/api/slow', '/health']);
    await expect(variableValues(resources, 'instances')).resolves.toEqual(['lw0sdlwk000001', 'lw0sdlwk000002']);
    await expect(variableValues(resources, 'scenarios')).resolves.toEqual(['baseline', 'h1-exhaustion']);
  });

  it('names the route when the backend answers in another shape', async () => {
    await expect(variableValues({ getResource: async () => ({ paths: ['/a'] }) }, 'paths')).rejects.toThrow('/paths answered object instead of a list');
    await expect(variableValues({ getResource: async () => [] }, 'scenarios')).rejects.toThrow('/scenarios answered without a "scenarios" list');
  });

  it('answers a variable query with one text field of values seen in the dashboard range', async () => {
    const getResource = jest.fn(resources.getResource);
    const support = new AppSvcVariableSupport({ getResource } as unknown as DataSource);
    const range = { from: dateTime(1_000_000), to: dateTime(4_600_000) };
    const response = await firstValueFrom(support.query({ targets: [{ refId: 'V', resource: 'instances' }], range } as never));
    expect(getResource).toHaveBeenCalledWith('instances', { from: 1_000_000, to: 4_600_000 });
    const field = response.data[0].fields[0];
    expect(field.name).toBe('text');
    expect(Array.from(field.values)).toEqual(['lw0sdlwk000001', 'lw0sdlwk000002']);
  });

  it('answers the variable queries the provisioned dashboards store ({refId, resource})', async () => {
    const getResource = jest.fn(resources.getResource);
    const support = new AppSvcVariableSupport({ getResource } as unknown as DataSource);
    const range = { from: dateTime(0), to: dateTime(60_000) };
    for (const variable of overview.templating.list.filter((v) => typeof v.query === 'object')) {
      await firstValueFrom(support.query({ targets: [variable.query], range } as never));
    }
    expect(getResource.mock.calls.map(([path]) => path)).toEqual(['instances', 'paths']);
  });
});
