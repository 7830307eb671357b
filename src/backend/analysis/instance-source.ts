// The Source behind a data source instance, built once per instance (instances are rebuilt when
// their settings change), so file caches live as long as the settings do.
import path from 'node:path';
import { AzureSource } from '../../sources/azure/azure-source';
import { azureSettingsFromDataSource } from '../../sources/azure/data-source-settings';
import { FilesSource } from '../../sources/files/files-source';
import { LabSource } from '../../sources/lab/lab-source';
import { SourceInputError, type Source } from '../../sources/source';
import { requireSettings, type AppInstance } from '../app-instance';
import { PluginRequestError } from '../protocol/plugin-types';

export const DEFAULT_LAB_SCENARIO = 'h1-exhaustion';

const sources = new WeakMap<AppInstance, Source>();

function buildSource(instance: AppInstance): Source {
  const { settings, secrets } = requireSettings(instance);
  switch (settings.source) {
    case 'lab':
      return new LabSource({
        recordingsDir: instance.recordingsRoot,
        scenario: settings.labScenario ?? DEFAULT_LAB_SCENARIO,
        replayAsOfNow: settings.labReplayAsOfNow,
      });
    case 'files':
      if (!settings.filesPath) {
        throw new PluginRequestError('data source setting "filesFolder" is empty: set the folder holding the exported logs', 400, 'downstream');
      }
      return new FilesSource(path.resolve(settings.filesPath));
    case 'azure':
      try {
        return new AzureSource(
          azureSettingsFromDataSource({
            azureTarget: settings.azure.workspaceId,
            azureAuth: settings.azure.authType,
            azureTenantId: settings.azure.tenantId,
            azureClientId: settings.azure.clientId,
            azureCloud: settings.azure.cloud,
            azureClientSecret: secrets.azureClientSecret,
          })
        );
      } catch (error) {
        if (error instanceof SourceInputError) {
          throw new PluginRequestError(`data source "${settings.name}": ${error.message}`, 400, 'downstream');
        }
        throw error;
      }
  }
}

export function sourceFor(instance: AppInstance): Source {
  let source = sources.get(instance);
  if (!source) {
    source = buildSource(instance);
    sources.set(instance, source);
  }
  return source;
}
