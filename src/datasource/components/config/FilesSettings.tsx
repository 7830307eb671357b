import React from 'react';
import { Field, Input } from '@grafana/ui';
import { selectors } from '../../selectors';
import type { SettingsProps } from './settings-props';

export function FilesSettings({ jsonData, onJsonChange }: SettingsProps) {
  const folder = jsonData.filesFolder ?? '';
  const relative = folder !== '' && !folder.startsWith('/');
  return (
    <Field
      label="Folder"
      description="Absolute path on the Grafana server holding Log Analytics exports (JSON, CSV) or raw App Service log files"
      invalid={relative}
      error="Use an absolute path: the backend runs from Grafana's plugin folder"
    >
      <Input
        id={selectors.configEditor.filesFolder}
        data-testid={selectors.configEditor.filesFolder}
        width={60}
        placeholder="/var/lib/grafana/appsvc-exports"
        value={folder}
        onChange={(event) => onJsonChange({ filesFolder: event.currentTarget.value })}
      />
    </Field>
  );
}
