import React, { useState } from 'react';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { Input, RadioButtonGroup } from '@grafana/ui';
import { selectors } from '../../selectors';
import { type LogTable } from '../../types/query';
import type { TypedEditorProps } from './editor-props';
import { FiltersRow } from './FiltersRow';

const TABLE_OPTIONS: Array<{ label: string; value: LogTable; description: string }> = [
  { label: 'Console', value: 'console', description: 'AppServiceConsoleLogs: Gunicorn and app output' },
  { label: 'Platform', value: 'platform', description: 'AppServicePlatformLogs: container lifecycle' },
];

export function LogsEditor({ query, onChange, resources, range }: TypedEditorProps<'logs'>) {
  const [search, setSearch] = useState(query.search ?? '');
  return (
    <EditorRows>
      <EditorRow>
        <EditorField label="Table">
          <div data-testid={selectors.queryEditor.logTable}>
            <RadioButtonGroup<LogTable> options={TABLE_OPTIONS} value={query.table ?? 'console'} onChange={(table) => onChange({ ...query, table })} />
          </div>
        </EditorField>
        <EditorField label="Contains" tooltip="Case-insensitive text the line must contain, e.g. WORKER TIMEOUT">
          <Input
            data-testid={selectors.queryEditor.logSearch}
            aria-label="Contains"
            width={40}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            onBlur={() => search !== (query.search ?? '') && onChange({ ...query, search })}
          />
        </EditorField>
      </EditorRow>
      <FiltersRow query={query} resources={resources} range={range} showPaths={false} showBin={false} onChange={(patch) => onChange({ ...query, ...patch })} />
    </EditorRows>
  );
}
