// Props every per-type query editor receives: its own query type, already narrowed.
import type { ResourceClient, ResourceRange } from '../../resources';
import type { QueryOf, QueryType } from '../../types/query';

export interface TypedEditorProps<T extends QueryType> {
  query: QueryOf<T>;
  onChange: (query: QueryOf<T>) => void;
  resources: ResourceClient;
  /** The dashboard's range, so path and instance choices match what the query will see. */
  range?: ResourceRange;
}

export const toOptions = <T extends string>(values: readonly T[]) => values.map((value) => ({ label: value, value }));
