// Data source settings: choose where the logs come from, then that source's settings.
import React from 'react';
import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { ConfigSection, DataSourceDescription } from '@grafana/plugin-ui';
import { Divider, Field, Input, RadioButtonGroup } from '@grafana/ui';
import { selectors } from '../selectors';
import { DEFAULT_OPTIONS, type AppSvcOptions, type AppSvcSecureOptions, type SourceKind } from '../types/options';
import { AzureSettings } from './config/AzureSettings';
import { FilesSettings } from './config/FilesSettings';
import { LabSettings } from './config/LabSettings';

type Props = DataSourcePluginOptionsEditorProps<AppSvcOptions, AppSvcSecureOptions>;

const SOURCE_OPTIONS: Array<{ label: string; value: SourceKind; description: string }> = [
  { label: 'Lab recording', value: 'lab', description: 'Recorded incidents bundled with the plugin' },
  { label: 'Exported files', value: 'files', description: 'A folder of exported logs on the Grafana server' },
  { label: 'Azure Log Analytics', value: 'azure', description: 'Query a workspace or an App Service resource' },
];

export function ConfigEditor({ options, onOptionsChange }: Props) {
  const jsonData = { ...DEFAULT_OPTIONS, ...options.jsonData };
  const onJsonChange = (patch: Partial<AppSvcOptions>) => onOptionsChange({ ...options, jsonData: { ...options.jsonData, ...patch } });
  const onSecretChange = (azureClientSecret: string) => onOptionsChange({ ...options, secureJsonData: { ...options.secureJsonData, azureClientSecret } });
  const onSecretReset = () =>
    onOptionsChange({
      ...options,
      secureJsonFields: { ...options.secureJsonFields, azureClientSecret: false },
      secureJsonData: { ...options.secureJsonData, azureClientSecret: '' },
    });
  const sectionProps = { uid: options.uid, jsonData, onJsonChange };
  const maxRowsInvalid = jsonData.maxRows !== undefined && !(Number.isInteger(jsonData.maxRows) && jsonData.maxRows > 0);

  return (
    <>
      <DataSourceDescription dataSourceName="App Service 5xx Triage" docsLink="https://learn.microsoft.com/azure/app-service/troubleshoot-diagnostic-logs" hasRequiredFields={false} />
      <Divider />
      <ConfigSection title="Source" description="Where the App Service logs come from">
        <Field label="Source">
          <div data-testid={selectors.configEditor.source}>
            <RadioButtonGroup<SourceKind> options={SOURCE_OPTIONS} value={jsonData.source} onChange={(source) => onJsonChange({ source })} />
          </div>
        </Field>
        {jsonData.source === 'lab' && <LabSettings {...sectionProps} />}
        {jsonData.source === 'files' && <FilesSettings {...sectionProps} />}
        {jsonData.source === 'azure' && (
          <AzureSettings
            {...sectionProps}
            secretConfigured={Boolean(options.secureJsonFields?.azureClientSecret)}
            onSecretChange={onSecretChange}
            onSecretReset={onSecretReset}
          />
        )}
      </ConfigSection>
      <Divider />
      <ConfigSection title="Limits" isCollapsible isInitiallyOpen={false}>
        <Field label="Max raw rows per query" description="A query pulling more raw rows fails with a clear error instead of exhausting memory" invalid={maxRowsInvalid} error="A positive whole number">
          <Input
            id={selectors.configEditor.maxRows}
            data-testid={selectors.configEditor.maxRows}
            type="number"
            width={20}
            placeholder="200000"
            value={jsonData.maxRows ?? ''}
            onChange={(event) => onJsonChange({ maxRows: event.currentTarget.value === '' ? undefined : Number(event.currentTarget.value) })}
          />
        </Field>
      </ConfigSection>
    </>
  );
}
