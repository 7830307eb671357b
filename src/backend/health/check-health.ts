// CheckHealth for the data source page: what was parsed from the settings (secrets only by
// name) and, per source, what could be verified from here and what the user must fix.
import { existsSync, readdirSync, statSync } from 'node:fs';
import type { AppInstance } from '../app-instance';
import type { HealthCheckResult, RequestContext } from '../protocol/plugin-types';
import { listLabScenarios } from '../resources/lab-scenarios';
import type { DataSourceSettings } from '../settings/datasource-settings';

type SourceCheck = Pick<HealthCheckResult, 'status' | 'message'>;

function checkLab(settings: DataSourceSettings, recordingsRoot: string): SourceCheck {
  const scenarios = listLabScenarios(recordingsRoot);
  const usable = scenarios.filter((scenario) => scenario.missingTables.length === 0 && !scenario.manifestProblem);
  if (usable.length === 0) {
    return { status: 'ERROR', message: 'Lab source: no usable lab recordings are installed with the plugin; reinstall the plugin package.' };
  }
  const names = usable.map((scenario) => scenario.scenario);
  if (settings.labScenario && !names.includes(settings.labScenario)) {
    return {
      status: 'ERROR',
      message: `Lab source: scenario "${settings.labScenario}" is not installed; choose one of ${names.join(', ')}.`,
    };
  }
  const selected = settings.labScenario ? ` Scenario "${settings.labScenario}" selected.` : '';
  return { status: 'OK', message: `Lab source: ${usable.length} recorded scenarios available.${selected}` };
}

function checkFiles(settings: DataSourceSettings): SourceCheck {
  if (!settings.filesPath) {
    return { status: 'ERROR', message: 'Files source: set "Folder" (filesPath) to the folder holding the exported logs.' };
  }
  if (!existsSync(settings.filesPath) || !statSync(settings.filesPath).isDirectory()) {
    return { status: 'ERROR', message: `Files source: folder ${settings.filesPath} does not exist on the Grafana server (or is not a folder).` };
  }
  const fileCount = readdirSync(settings.filesPath).length;
  return {
    status: 'UNKNOWN',
    message: `Files source: folder ${settings.filesPath} found with ${fileCount} entries; their contents are not checked by this build.`,
  };
}

function checkAzure(settings: DataSourceSettings): SourceCheck {
  const missing: string[] = [];
  if (!settings.azure.workspaceId) {
    missing.push('workspaceId');
  }
  if (settings.azure.authType === 'clientSecret') {
    if (!settings.azure.tenantId) {missing.push('tenantId');}
    if (!settings.azure.clientId) {missing.push('clientId');}
    if (!settings.secretNames.includes('clientSecret')) {missing.push('clientSecret');}
  }
  if (missing.length > 0) {
    return { status: 'ERROR', message: `Azure source: fill in ${missing.join(', ')}.` };
  }
  return {
    status: 'UNKNOWN',
    message: 'Azure source: settings complete; the connection to Log Analytics is not checked by this build.',
  };
}

export async function checkHealth(context: RequestContext<AppInstance>): Promise<HealthCheckResult> {
  const parsed = context.instance.parsed;
  if (!parsed) {
    return { status: 'ERROR', message: 'No data source settings came with this request.' };
  }
  const settings = parsed.settings;
  const sourceCheck =
    settings.source === 'lab'
      ? checkLab(settings, context.instance.recordingsRoot)
      : settings.source === 'files'
        ? checkFiles(settings)
        : checkAzure(settings);
  const unknown = settings.unknownKeys.length ? ` Unrecognised settings ignored: ${settings.unknownKeys.join(', ')}.` : '';
  return {
    ...sourceCheck,
    message: sourceCheck.message + unknown,
    details: {
      source: settings.source,
      settings: {
        labScenario: settings.labScenario,
        filesPath: settings.filesPath,
        azure: settings.azure,
        maxRows: settings.maxRows,
      },
      secretsPresent: settings.secretNames,
      unknownSettings: settings.unknownKeys,
    },
  };
}
