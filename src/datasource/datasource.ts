// The data source only wires things: every query runs in the backend (never override query()).
import type { DataSourceInstanceSettings, ScopedVars, TestDataSourceResponse } from '@grafana/data';
import { DataSourceWithBackend, getTemplateSrv } from '@grafana/runtime';
import { annotationSupport } from './annotations';
import { toTestResponse } from './health';
import { interpolateQuery } from './interpolate';
import { migrateQuery } from './types/migrate';
import type { AppSvcOptions } from './types/options';
import { isQueryType, type AppSvcQuery } from './types/query';
import { defaultQuery } from './types/switch-query-type';
import { AppSvcVariableSupport } from './variables';

export class DataSource extends DataSourceWithBackend<AppSvcQuery, AppSvcOptions> {
  constructor(instanceSettings: DataSourceInstanceSettings<AppSvcOptions>) {
    super(instanceSettings);
    this.annotations = annotationSupport;
    this.variables = new AppSvcVariableSupport(this);
  }

  override getDefaultQuery(): Partial<AppSvcQuery> {
    return defaultQuery('series');
  }

  /** Hidden queries and queries of a type this build does not know never reach the backend. */
  override filterQuery(query: AppSvcQuery): boolean {
    return !query.hide && isQueryType(migrateQuery(query).queryType);
  }

  /** Dashboards saved by older builds are migrated here too, so unedited panels keep working. */
  override applyTemplateVariables(query: AppSvcQuery, scopedVars: ScopedVars): AppSvcQuery {
    return interpolateQuery(migrateQuery(query), scopedVars, getTemplateSrv());
  }

  /** Save & test: Grafana's default drops the health details; show them. */
  override async testDatasource(): Promise<TestDataSourceResponse> {
    return toTestResponse(await this.callHealthCheck());
  }
}
