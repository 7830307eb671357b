import React from 'react';
import { EditorRows } from '@grafana/plugin-ui';
import type { TypedEditorProps } from './editor-props';
import { FiltersRow } from './FiltersRow';

/** One row per path over the whole range: no bin. */
export function EndpointsEditor({ query, onChange, resources, range }: TypedEditorProps<'endpoints'>) {
  return (
    <EditorRows>
      <FiltersRow query={query} resources={resources} range={range} showBin={false} onChange={(patch) => onChange({ ...query, ...patch })} />
    </EditorRows>
  );
}
