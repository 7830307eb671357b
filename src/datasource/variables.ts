// Dashboard variables from the backend's resources: paths, instances and lab scenarios.
import { CustomVariableSupport, FieldType, createDataFrame, type DataQueryRequest, type DataQueryResponse } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import { from, map, type Observable } from 'rxjs';
import { VariableQueryEditor } from './components/VariableQueryEditor';
import type { DataSource } from './datasource';
import { fetchInstances, fetchPaths, fetchScenarios, type ResourceClient, type ResourceRange } from './resources';

export const VARIABLE_KINDS = ['paths', 'instances', 'scenarios'] as const;
export type VariableKind = (typeof VARIABLE_KINDS)[number];

/** Stored in dashboards as `{ refId, resource }` (the provisioned dashboards use exactly this). */
export interface VariableQuery extends DataQuery {
  resource: VariableKind;
}

/** Paths and instances are those seen in the dashboard range; scenarios do not depend on it. */
export async function variableValues(resources: ResourceClient, kind: VariableKind, range?: ResourceRange): Promise<string[]> {
  switch (kind) {
    case 'paths':
      return fetchPaths(resources, range);
    case 'instances':
      return fetchInstances(resources, range);
    case 'scenarios':
      return (await fetchScenarios(resources)).map((scenario) => scenario.scenario);
  }
}

export class AppSvcVariableSupport extends CustomVariableSupport<DataSource, VariableQuery> {
  constructor(private readonly datasource: DataSource) {
    super();
  }

  editor = VariableQueryEditor;

  query(request: DataQueryRequest<VariableQuery>): Observable<DataQueryResponse> {
    const kind = request.targets[0]?.resource ?? 'paths';
    const range = request.range && { from: request.range.from.valueOf(), to: request.range.to.valueOf() };
    return from(variableValues(this.datasource, kind, range)).pipe(
      map((values) => ({ data: [createDataFrame({ fields: [{ name: 'text', type: FieldType.string, values }] })] }))
    );
  }
}
