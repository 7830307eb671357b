// Dashboard variables from the backend's resources: paths, instances and lab scenarios.
import { CustomVariableSupport, FieldType, createDataFrame, type DataQueryRequest, type DataQueryResponse } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import { from, map, type Observable } from 'rxjs';
import { VariableQueryEditor } from './components/VariableQueryEditor';
import type { DataSource } from './datasource';
import { fetchInstances, fetchPaths, fetchScenarios, type ResourceClient } from './resources';

export const VARIABLE_KINDS = ['paths', 'instances', 'scenarios'] as const;
export type VariableKind = (typeof VARIABLE_KINDS)[number];

export interface VariableQuery extends DataQuery {
  kind: VariableKind;
}

export async function variableValues(resources: ResourceClient, kind: VariableKind): Promise<string[]> {
  switch (kind) {
    case 'paths':
      return fetchPaths(resources);
    case 'instances':
      return fetchInstances(resources);
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
    const kind = request.targets[0]?.kind ?? 'paths';
    return from(variableValues(this.datasource, kind)).pipe(
      map((values) => ({ data: [createDataFrame({ fields: [{ name: 'text', type: FieldType.string, values }] })] }))
    );
  }
}
