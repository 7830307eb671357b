import { DataSourcePlugin } from '@grafana/data';
import { DataSource } from './datasource';
import { plugin } from './module';

describe('data source module', () => {
  it('exports a DataSourcePlugin of our backend data source class with both editors', () => {
    expect(plugin).toBeInstanceOf(DataSourcePlugin);
    expect(plugin.DataSourceClass).toBe(DataSource);
    expect(plugin.components.QueryEditor).toBeDefined();
    expect(plugin.components.ConfigEditor).toBeDefined();
  });
});
