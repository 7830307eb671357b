import React from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { EditorField, EditorRow } from '@grafana/plugin-ui';
import { RadioButtonGroup } from '@grafana/ui';
import type { DataSource } from '../datasource';
import { selectors } from '../selectors';
import type { AppSvcOptions } from '../types/options';
import type { AppSvcQuery } from '../types/query';
import type { VariableKind, VariableQuery } from '../variables';

const KIND_OPTIONS: Array<{ label: string; value: VariableKind; description: string }> = [
  { label: 'Paths', value: 'paths', description: 'CsUriStem values in the data' },
  { label: 'Instances', value: 'instances', description: 'App Service instances (ComputerName)' },
  { label: 'Lab scenarios', value: 'scenarios', description: 'Recorded incidents bundled with the plugin' },
];

export function VariableQueryEditor({ query, onChange }: QueryEditorProps<DataSource, AppSvcQuery, AppSvcOptions, VariableQuery>) {
  return (
    <EditorRow>
      <EditorField label="Values">
        <div data-testid={selectors.variableEditor.kind}>
          <RadioButtonGroup<VariableKind> options={KIND_OPTIONS} value={query.resource ?? 'paths'} onChange={(resource) => onChange({ ...query, resource })} />
        </div>
      </EditorField>
    </EditorRow>
  );
}
