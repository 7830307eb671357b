import { DataSourcePlugin } from '@grafana/data';
import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import { DataSource } from './datasource';
import type { AppSvcOptions } from './types/options';
import type { AppSvcQuery } from './types/query';

export const plugin = new DataSourcePlugin<DataSource, AppSvcQuery, AppSvcOptions>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
