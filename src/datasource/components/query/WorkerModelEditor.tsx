import React from 'react';
import { EditorRows } from '@grafana/plugin-ui';
import type { TypedEditorProps } from './editor-props';
import { FiltersRow } from './FiltersRow';

/** The worker model is per instance: only the instance filter applies. */
export function WorkerModelEditor({ query, onChange, resources, range }: TypedEditorProps<'workerModel'>) {
  return (
    <EditorRows>
      <FiltersRow query={query} resources={resources} range={range} showPaths={false} showBin={false} onChange={(patch) => onChange({ ...query, ...patch })} />
    </EditorRows>
  );
}
