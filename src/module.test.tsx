import { AppPlugin } from '@grafana/data';
import { plugin } from './module';

describe('app module', () => {
  it('exports an AppPlugin with a root page and a configuration page', () => {
    expect(plugin).toBeInstanceOf(AppPlugin);
    expect(plugin.root).toBeDefined();
    expect(plugin.configPages?.map((p) => p.id)).toEqual(['configuration']);
  });
});
