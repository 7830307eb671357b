import React from 'react';
import { EditorRows } from '@grafana/plugin-ui';
import type { TypedEditorProps } from './editor-props';
import { FiltersRow } from './FiltersRow';

/** 499 clusters need no options of their own: where the aborts bunch is what the query finds. */
export function ClustersEditor({ query, onChange, resources, range }: TypedEditorProps<'clusters'>) {
  return (
    <EditorRows>
      <FiltersRow query={query} resources={resources} range={range} showBin={false} onChange={(patch) => onChange({ ...query, ...patch })} />
    </EditorRows>
  );
}
