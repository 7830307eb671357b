import { DataSourcePlugin } from '@grafana/data';
import { DataSource } from './datasource';
import { plugin } from './module';

// @grafana/plugin-ui loads this ESM-only CEL evaluator at import time (for config schemas, unused
// here); jest's CommonJS runtime cannot load it until the shared jest config transforms it.
jest.mock('@marcbachmann/cel-js', () => ({ parse: jest.fn(), evaluate: jest.fn() }));

describe('data source module', () => {
  it('exports a DataSourcePlugin of our backend data source class with both editors', () => {
    expect(plugin).toBeInstanceOf(DataSourcePlugin);
    expect(plugin.DataSourceClass).toBe(DataSource);
    expect(plugin.components.QueryEditor).toBeDefined();
    expect(plugin.components.ConfigEditor).toBeDefined();
  });
});
