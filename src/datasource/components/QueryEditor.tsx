// One small editor per query type; the dispatch table makes the compiler prove none is missing.
import React, { useEffect, useMemo, type ComponentType } from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { Alert, Select } from '@grafana/ui';
import type { DataSource } from '../datasource';
import { selectors } from '../selectors';
import { isFromNewerBuild, migrateQuery, needsMigration } from '../types/migrate';
import type { AppSvcOptions } from '../types/options';
import { isQueryType, QUERY_TYPE_LABELS, QUERY_TYPES, type AppSvcQuery, type QueryType } from '../types/query';
import { switchQueryType } from '../types/switch-query-type';
import { ClustersEditor } from './query/ClustersEditor';
import type { TypedEditorProps } from './query/editor-props';
import { EndpointsEditor } from './query/EndpointsEditor';
import { HypothesesEditor } from './query/HypothesesEditor';
import { LogsEditor } from './query/LogsEditor';
import { MarkersEditor } from './query/MarkersEditor';
import { MetricsEditor } from './query/MetricsEditor';
import { SeriesEditor } from './query/SeriesEditor';
import { WorkerModelEditor } from './query/WorkerModelEditor';

type Props = QueryEditorProps<DataSource, AppSvcQuery, AppSvcOptions>;

export const QUERY_EDITORS: { [T in QueryType]: ComponentType<TypedEditorProps<T>> } = {
  series: SeriesEditor,
  clusters: ClustersEditor,
  markers: MarkersEditor,
  hypotheses: HypothesesEditor,
  workerModel: WorkerModelEditor,
  endpoints: EndpointsEditor,
  logs: LogsEditor,
  metrics: MetricsEditor,
};

const QUERY_TYPE_OPTIONS = QUERY_TYPES.map((value) => ({ value, ...QUERY_TYPE_LABELS[value] }));

export function QueryEditor({ query: stored, onChange, onRunQuery, datasource, range }: Props) {
  const query = useMemo(() => migrateQuery(stored), [stored]);
  useEffect(() => {
    if (needsMigration(stored)) {
      onChange(query);
    }
  }, [stored, query, onChange]);

  const update = (next: AppSvcQuery) => {
    onChange(next);
    onRunQuery();
  };
  const Editor = isQueryType(query.queryType) ? (QUERY_EDITORS[query.queryType] as ComponentType<TypedEditorProps<QueryType>>) : undefined;
  return (
    <EditorRows>
      {isFromNewerBuild(stored) && (
        <Alert data-testid={selectors.queryEditor.newerBuildWarning} severity="warning" title="Saved by a newer plugin version">
          This query has model version {String(stored.version)}; this plugin understands up to the current one. Editing it may drop options.
        </Alert>
      )}
      <EditorRow>
        <EditorField label="Query type" invalid={!Editor} error={`Unknown query type "${String(query.queryType)}"; choose one`}>
          <Select<QueryType>
            data-testid={selectors.queryEditor.queryType}
            inputId={selectors.queryEditor.queryType}
            aria-label="Query type"
            width={24}
            options={QUERY_TYPE_OPTIONS}
            value={Editor ? query.queryType : null}
            onChange={(option) => option.value && update(switchQueryType(query, option.value))}
          />
        </EditorField>
      </EditorRow>
      {Editor && <Editor query={query} onChange={update} resources={datasource} range={range && { from: range.from.valueOf(), to: range.to.valueOf() }} />}
    </EditorRows>
  );
}
