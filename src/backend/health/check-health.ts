// CheckHealth for the data source page: what was parsed from the settings (secrets only by
// name) and, per source, what works and what the user must fix. Lab and files sources check
// themselves (scenario found, which of the three tables have rows, unusable files).
import type { SourceHealth } from '../../sources/source';
import { sourceFor } from '../analysis/instance-source';
import type { AppInstance } from '../app-instance';
import { PluginRequestError, type HealthCheckResult, type HealthStatus, type RequestContext } from '../protocol/plugin-types';
import type { DataSourceSettings } from '../settings/datasource-settings';

type SourceCheck = Pick<HealthCheckResult, 'status' | 'message'> & { checks?: SourceHealth['checks'] };

const STATUS: Record<SourceHealth['status'], HealthStatus> = { ok: 'OK', warning: 'OK', error: 'ERROR' };

async function checkSource(instance: AppInstance): Promise<SourceCheck> {
  const health = await sourceFor(instance).health();
  const warnings = health.checks.filter((c) => c.status !== 'ok').map((c) => `${c.name}: ${c.message}`);
  return {
    status: STATUS[health.status],
    message: [health.message, ...warnings].join('. '),
    checks: health.checks,
  };
}

function checkAzure(settings: DataSourceSettings): SourceCheck {
  const missing: string[] = [];
  if (!settings.azure.workspaceId) {
    missing.push('workspace or resource id (azureTarget)');
  }
  if (settings.azure.authType === 'clientSecret') {
    if (!settings.azure.tenantId) {
      missing.push('tenant id (azureTenantId)');
    }
    if (!settings.azure.clientId) {
      missing.push('client id (azureClientId)');
    }
    if (!settings.secretNames.includes('azureClientSecret')) {
      missing.push('client secret');
    }
  }
  if (missing.length > 0) {
    return { status: 'ERROR', message: `Azure source: fill in ${missing.join(', ')}.` };
  }
  return {
    status: 'UNKNOWN',
    message: 'Azure source: settings complete; this build of the backend does not query Log Analytics yet.',
  };
}

export async function checkHealth(context: RequestContext<AppInstance>): Promise<HealthCheckResult> {
  const parsed = context.instance.parsed;
  if (!parsed) {
    return { status: 'ERROR', message: 'No data source settings came with this request.' };
  }
  const settings = parsed.settings;
  let sourceCheck: SourceCheck;
  try {
    sourceCheck = settings.source === 'azure' ? checkAzure(settings) : await checkSource(context.instance);
  } catch (error) {
    if (!(error instanceof PluginRequestError)) {
      throw error;
    }
    sourceCheck = { status: 'ERROR', message: error.message };
  }
  const unknown = settings.unknownKeys.length ? ` Unrecognised settings ignored: ${settings.unknownKeys.join(', ')}.` : '';
  return {
    status: sourceCheck.status,
    message: sourceCheck.message + unknown,
    details: {
      source: settings.source,
      settings: {
        labScenario: settings.labScenario,
        labReplayAsOfNow: settings.labReplayAsOfNow,
        filesFolder: settings.filesPath,
        azure: settings.azure,
        maxRows: settings.maxRows,
      },
      checks: sourceCheck.checks ?? [],
      secretsPresent: settings.secretNames,
      unknownSettings: settings.unknownKeys,
    },
  };
}
