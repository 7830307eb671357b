import React from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { RadioButtonGroup } from '@grafana/ui';
import { annotationKindOf, annotationQuery, type AnnotationKind } from '../annotations';
import type { DataSource } from '../datasource';
import { selectors } from '../selectors';
import type { AppSvcOptions } from '../types/options';
import type { AppSvcQuery } from '../types/query';
import { MarkersEditor } from './query/MarkersEditor';
import { ClustersEditor } from './query/ClustersEditor';
import { HypothesesEditor } from './query/HypothesesEditor';

const KIND_OPTIONS: Array<{ label: string; value: AnnotationKind; description: string }> = [
  { label: 'Restarts & workers', value: 'markers', description: 'Container restarts, worker boots, timeouts and kills, deployments, scale-out and scale-in' },
  { label: '499 clusters', value: 'clusters', description: 'Client aborts bunched at one TimeTaken boundary' },
  { label: 'Hypothesis windows', value: 'windows', description: 'When each hypothesis applies' },
];

type Props = QueryEditorProps<DataSource, AppSvcQuery, AppSvcOptions>;

export function AnnotationQueryEditor({ query, onChange, datasource }: Props) {
  const kind = annotationKindOf(query) ?? 'markers';
  const current = annotationKindOf(query) ? query : annotationQuery('markers', query.refId);
  return (
    <EditorRows>
      <EditorRow>
        <EditorField label="Show">
          <div data-testid={selectors.annotationEditor.kind}>
            <RadioButtonGroup<AnnotationKind> options={KIND_OPTIONS} value={kind} onChange={(next) => onChange(annotationQuery(next, query.refId))} />
          </div>
        </EditorField>
      </EditorRow>
      {current.queryType === 'markers' && <MarkersEditor query={current} onChange={onChange} resources={datasource} />}
      {current.queryType === 'clusters' && <ClustersEditor query={current} onChange={onChange} resources={datasource} />}
      {current.queryType === 'hypotheses' && <HypothesesEditor query={current} onChange={onChange} resources={datasource} />}
    </EditorRows>
  );
}
