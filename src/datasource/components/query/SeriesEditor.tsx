import React from 'react';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { MultiSelect, RadioButtonGroup } from '@grafana/ui';
import { SERIES_FIELDS, type SeriesField } from '../../../shared/frame-contract';
import { selectors } from '../../selectors';
import { SPLIT_BY, type SplitBy } from '../../types/query';
import { toOptions, type TypedEditorProps } from './editor-props';
import { FiltersRow } from './FiltersRow';

export function SeriesEditor({ query, onChange, resources, range }: TypedEditorProps<'series'>) {
  return (
    <EditorRows>
      <EditorRow>
        <EditorField label="Split by" tooltip="One frame per path or per instance, labelled for alerting">
          <div data-testid={selectors.queryEditor.splitBy}>
            <RadioButtonGroup<SplitBy> options={toOptions(SPLIT_BY)} value={query.splitBy ?? 'none'} onChange={(splitBy) => onChange({ ...query, splitBy })} />
          </div>
        </EditorField>
        <EditorField label="Series" tooltip="Which derived series to return; all when empty">
          <MultiSelect<SeriesField>
            data-testid={selectors.queryEditor.metrics}
            aria-label="Series"
            width={40}
            placeholder="All series"
            options={toOptions(SERIES_FIELDS)}
            value={query.metrics ?? []}
            onChange={(selected) => onChange({ ...query, metrics: selected.map((option) => option.value!) })}
          />
        </EditorField>
      </EditorRow>
      <FiltersRow query={query} resources={resources} range={range} onChange={(patch) => onChange({ ...query, ...patch })} />
    </EditorRows>
  );
}
