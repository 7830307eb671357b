// The data source only wires things: every query runs in the backend (never override query()).
import type { DataSourceInstanceSettings, ScopedVars } from '@grafana/data';
import { DataSourceWithBackend, getTemplateSrv } from '@grafana/runtime';
import type { AppSvcOptions } from './types/options';
import { isQueryType, QUERY_MODEL_VERSION, type AppSvcQuery } from './types/query';

export class DataSource extends DataSourceWithBackend<AppSvcQuery, AppSvcOptions> {
  constructor(instanceSettings: DataSourceInstanceSettings<AppSvcOptions>) {
    super(instanceSettings);
  }

  override getDefaultQuery(): Partial<AppSvcQuery> {
    return { queryType: 'series', version: QUERY_MODEL_VERSION, bin: 'auto' };
  }

  override filterQuery(query: AppSvcQuery): boolean {
    return !query.hide && isQueryType(query.queryType);
  }

  override applyTemplateVariables(query: AppSvcQuery, scopedVars: ScopedVars): AppSvcQuery {
    const templateSrv = getTemplateSrv();
    const expandList = (values?: string[]) =>
      values?.flatMap((value) => templateSrv.replace(value, scopedVars, 'csv').split(',')).filter((v) => v !== '');
    return { ...query, paths: expandList(query.paths), instances: expandList(query.instances) };
  }
}
