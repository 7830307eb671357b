import React from 'react';
import { Field, Input, SecretInput, Select } from '@grafana/ui';
import { selectors } from '../../selectors';
import type { AzureAuthMode, AzureCloud } from '../../types/options';
import type { SettingsProps } from './settings-props';

const AUTH_OPTIONS: Array<{ label: string; value: AzureAuthMode; description: string }> = [
  { label: 'Managed identity', value: 'managedIdentity', description: 'The identity of the VM or container running Grafana' },
  { label: 'Workload identity', value: 'workloadIdentity', description: 'Kubernetes federated credentials' },
  { label: 'App registration (client secret)', value: 'clientSecret', description: 'Tenant id, client id and a client secret' },
  { label: 'Azure CLI', value: 'azureCli', description: 'The signed-in az login of the Grafana host (development only)' },
];

const CLOUD_OPTIONS: Array<{ label: string; value: AzureCloud }> = [
  { label: 'Azure', value: 'AzureCloud' },
  { label: 'Azure US Government', value: 'AzureUSGovernment' },
  { label: 'Azure China', value: 'AzureChinaCloud' },
];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESOURCE_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Web\/sites\/[^/]+$/i;

/** A workspace id is a GUID; an App Service resource id selects resource-centric queries. */
export function targetProblem(target: string): string | undefined {
  if (target === '' || GUID.test(target) || RESOURCE_ID.test(target)) {
    return undefined;
  }
  return 'Expected a Log Analytics workspace id (a GUID) or /subscriptions/…/providers/Microsoft.Web/sites/<app>';
}

interface Props extends SettingsProps {
  secretConfigured: boolean;
  onSecretChange: (secret: string) => void;
  onSecretReset: () => void;
}

export function AzureSettings({ jsonData, onJsonChange, secretConfigured, onSecretChange, onSecretReset }: Props) {
  const target = jsonData.azureTarget ?? '';
  const problem = targetProblem(target);
  const auth = jsonData.azureAuth ?? 'managedIdentity';
  const guidProblem = (value?: string) => (value && !GUID.test(value) ? 'Expected a GUID' : undefined);
  return (
    <>
      <Field label="Workspace or App Service" description="Log Analytics workspace id, or the App Service resource id" invalid={Boolean(problem)} error={problem}>
        <Input id={selectors.configEditor.azureTarget} data-testid={selectors.configEditor.azureTarget} width={80} value={target} onChange={(event) => onJsonChange({ azureTarget: event.currentTarget.value.trim() })} />
      </Field>
      <Field label="Cloud">
        <Select<AzureCloud> inputId={selectors.configEditor.azureCloud} width={40} options={CLOUD_OPTIONS} value={jsonData.azureCloud ?? 'AzureCloud'} onChange={(option) => option.value && onJsonChange({ azureCloud: option.value })} />
      </Field>
      <Field label="Authentication">
        <Select<AzureAuthMode> inputId={selectors.configEditor.azureAuth} width={40} options={AUTH_OPTIONS} value={auth} onChange={(option) => option.value && onJsonChange({ azureAuth: option.value })} />
      </Field>
      {auth === 'clientSecret' && (
        <>
          <Field label="Tenant id" invalid={Boolean(guidProblem(jsonData.azureTenantId))} error={guidProblem(jsonData.azureTenantId)}>
            <Input id={selectors.configEditor.azureTenant} data-testid={selectors.configEditor.azureTenant} width={50} value={jsonData.azureTenantId ?? ''} onChange={(event) => onJsonChange({ azureTenantId: event.currentTarget.value.trim() })} />
          </Field>
          <Field label="Client id" invalid={Boolean(guidProblem(jsonData.azureClientId))} error={guidProblem(jsonData.azureClientId)}>
            <Input id={selectors.configEditor.azureClient} data-testid={selectors.configEditor.azureClient} width={50} value={jsonData.azureClientId ?? ''} onChange={(event) => onJsonChange({ azureClientId: event.currentTarget.value.trim() })} />
          </Field>
          <Field label="Client secret" description="Stored encrypted by Grafana; never sent back to the browser">
            <SecretInput
              id={selectors.configEditor.azureSecret}
              data-testid={selectors.configEditor.azureSecret}
              width={50}
              isConfigured={secretConfigured}
              onReset={onSecretReset}
              onChange={(event) => onSecretChange(event.currentTarget.value)}
            />
          </Field>
        </>
      )}
    </>
  );
}
