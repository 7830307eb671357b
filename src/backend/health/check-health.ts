// CheckHealth for the data source page: what was parsed from the settings (secrets only by
// name) and, per source, what works and what the user must fix. Each source checks itself: lab
// (scenario found), files (unusable files), azure (reachable, credential kind, which of the three
// tables have rows in the last 24 h and which diagnostic setting to enable); all say which tables
// have rows.
import type { SourceHealth } from '../../sources/source';
import { sourceFor } from '../analysis/instance-source';
import type { AppInstance } from '../app-instance';
import { PluginRequestError, type HealthCheckResult, type HealthStatus, type RequestContext } from '../protocol/plugin-types';

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

export async function checkHealth(context: RequestContext<AppInstance>): Promise<HealthCheckResult> {
  const parsed = context.instance.parsed;
  if (!parsed) {
    return { status: 'ERROR', message: 'No data source settings came with this request.' };
  }
  const settings = parsed.settings;
  let sourceCheck: SourceCheck;
  try {
    sourceCheck = await checkSource(context.instance);
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
