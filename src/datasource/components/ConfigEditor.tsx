import React from 'react';
import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { InlineField, InlineSwitch, Input, SecretInput, Select } from '@grafana/ui';
import { DEFAULT_OPTIONS, type AppSvcOptions, type AppSvcSecureOptions, type SourceKind } from '../types/options';

type Props = DataSourcePluginOptionsEditorProps<AppSvcOptions, AppSvcSecureOptions>;

const sourceOptions: Array<{ label: string; value: SourceKind; description: string }> = [
  { label: 'Lab recording', value: 'lab', description: 'Recorded incidents bundled with the plugin' },
  { label: 'Exported files', value: 'files', description: 'A folder of exported logs on the Grafana server' },
  { label: 'Azure Log Analytics', value: 'azure', description: 'Query a workspace or an App Service resource' },
];

export function ConfigEditor({ options, onOptionsChange }: Props) {
  const jsonData = { ...DEFAULT_OPTIONS, ...options.jsonData };
  const setJson = (patch: Partial<AppSvcOptions>) =>
    onOptionsChange({ ...options, jsonData: { ...options.jsonData, ...patch } });
  const secretConfigured = Boolean(options.secureJsonFields?.azureClientSecret);

  return (
    <>
      <InlineField label="Source" labelWidth={20}>
        <Select<SourceKind> inputId="appsvc-source" width={40} options={sourceOptions} value={jsonData.source} onChange={(o) => o.value && setJson({ source: o.value })} />
      </InlineField>
      {jsonData.source === 'lab' && (
        <>
          <InlineField label="Scenario" labelWidth={20}>
            <Input width={40} value={jsonData.labScenario} onChange={(e) => setJson({ labScenario: e.currentTarget.value })} />
          </InlineField>
          <InlineField label="Replay as of now" labelWidth={20} tooltip="Shift the recording so it ends at the current time">
            <InlineSwitch value={jsonData.labReplayAsOfNow} onChange={(e) => setJson({ labReplayAsOfNow: e.currentTarget.checked })} />
          </InlineField>
        </>
      )}
      {jsonData.source === 'files' && (
        <InlineField label="Folder" labelWidth={20} tooltip="Path on the Grafana server">
          <Input width={60} value={jsonData.filesFolder ?? ''} onChange={(e) => setJson({ filesFolder: e.currentTarget.value })} />
        </InlineField>
      )}
      {jsonData.source === 'azure' && (
        <>
          <InlineField label="Workspace or resource" labelWidth={20}>
            <Input width={60} value={jsonData.azureTarget ?? ''} onChange={(e) => setJson({ azureTarget: e.currentTarget.value })} />
          </InlineField>
          <InlineField label="Client secret" labelWidth={20}>
            <SecretInput
              width={40}
              isConfigured={secretConfigured}
              onReset={() =>
                onOptionsChange({
                  ...options,
                  secureJsonFields: { ...options.secureJsonFields, azureClientSecret: false },
                  secureJsonData: { ...options.secureJsonData, azureClientSecret: '' },
                })
              }
              onChange={(e) => onOptionsChange({ ...options, secureJsonData: { azureClientSecret: e.currentTarget.value } })}
            />
          </InlineField>
        </>
      )}
    </>
  );
}
