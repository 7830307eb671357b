// Changing a query's type keeps what every type shares (filters, bin, refId) and drops the
// fields of the old type, so no stale option travels to the backend.
import { AUTO_BIN, QUERY_MODEL_VERSION, type AppSvcQuery, type QueryOf, type QueryType } from './query';

const TYPE_DEFAULTS: { [T in QueryType]: Omit<QueryOf<T>, 'refId' | 'queryType'> } = {
  series: { splitBy: 'none' },
  clusters: {},
  markers: {},
  hypotheses: { format: 'verdicts' },
  workerModel: {},
  endpoints: {},
  logs: { table: 'console' },
  metrics: {},
};

export function defaultQuery<T extends QueryType>(queryType: T, refId = 'A'): QueryOf<T> {
  return { refId, queryType, version: QUERY_MODEL_VERSION, bin: AUTO_BIN, ...TYPE_DEFAULTS[queryType] } as QueryOf<T>;
}

export function switchQueryType<T extends QueryType>(query: AppSvcQuery, queryType: T): QueryOf<T> {
  if (query.queryType === queryType) {
    return query as QueryOf<T>;
  }
  const { refId, hide, datasource, paths, instances, bin } = query;
  const shared = Object.fromEntries(Object.entries({ hide, datasource, paths, instances, bin }).filter(([, value]) => value !== undefined));
  return { ...defaultQuery(queryType, refId), ...shared } as QueryOf<T>;
}
