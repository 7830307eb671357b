import React from 'react';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { MultiSelect } from '@grafana/ui';
import type { MarkerKind } from '../../../engine/model/findings';
import { selectors } from '../../selectors';
import { MARKER_KINDS } from '../../types/query';
import { toOptions, type TypedEditorProps } from './editor-props';
import { FiltersRow } from './FiltersRow';

export function MarkersEditor({ query, onChange, resources, range }: TypedEditorProps<'markers'>) {
  return (
    <EditorRows>
      <EditorRow>
        <EditorField label="Kinds" tooltip="Restarts, worker boots, timeouts, kills…; every kind when empty">
          <MultiSelect<MarkerKind>
            data-testid={selectors.queryEditor.markerKinds}
            aria-label="Marker kinds"
            width={50}
            placeholder="All kinds"
            options={toOptions(MARKER_KINDS)}
            value={query.kinds ?? []}
            onChange={(selected) => onChange({ ...query, kinds: selected.map((option) => option.value!) })}
          />
        </EditorField>
      </EditorRow>
      <FiltersRow query={query} resources={resources} range={range} showPaths={false} showBin={false} onChange={(patch) => onChange({ ...query, ...patch })} />
    </EditorRows>
  );
}
