// Interpret the health query: which of the three tables received rows in the last 24 h, and
// for a missing one, which diagnostic setting category to turn on.
import type { LogTable } from '../../engine';
import type { HealthCheck, SourceHealth } from '../source';
import { APP_SERVICE_TABLES, AppServiceTable } from './kql/health-query';

/** Diagnostic setting category (as listed in the app's Diagnostic settings blade) per table. */
export const DIAGNOSTIC_CATEGORIES: Record<AppServiceTable, { category: string; label: string; needs: string }> = {
  AppServiceHTTPLogs: { category: 'AppServiceHTTPLogs', label: 'HTTP logs', needs: 'every rate, latency and 499 signal' },
  AppServiceConsoleLogs: {
    category: 'AppServiceConsoleLogs',
    label: 'App Service Console Logs',
    needs: 'gunicorn WORKER TIMEOUT / SIGKILL / boot lines and dependency errors (T1, M1, H2, H4)',
  },
  AppServicePlatformLogs: {
    category: 'AppServicePlatformLogs',
    label: 'App Service Platform logs',
    needs: 'container start/stop and probe events (H3)',
  },
};

function column(table: LogTable, name: string): number {
  return table.columns.findIndex((c) => c.name === name);
}

export function healthFromTableCounts(table: LogTable, target: string): SourceHealth {
  const tableIndex = column(table, 'SourceTable');
  const countIndex = column(table, 'rowCount');
  const lastIndex = column(table, 'lastRow');
  const found = new Map<string, { rows: number; last: string }>();
  for (const row of table.rows) {
    found.set(String(row[tableIndex]), { rows: Number(row[countIndex]), last: String(row[lastIndex]) });
  }
  const checks: HealthCheck[] = [{ name: 'reachable', status: 'ok', message: `Log Analytics answered for ${target}` }];
  for (const name of APP_SERVICE_TABLES) {
    const seen = found.get(name);
    const setting = DIAGNOSTIC_CATEGORIES[name];
    if (seen && seen.rows > 0) {
      checks.push({ name, status: 'ok', message: `${name}: ${seen.rows.toLocaleString('en-US')} rows in the last 24 h (latest ${seen.last})` });
    } else {
      checks.push({
        name,
        status: name === 'AppServiceHTTPLogs' ? 'error' : 'warning',
        message:
          `${name}: no rows in the last 24 h. In the App Service's Diagnostic settings, enable the category ` +
          `"${setting.label}" (${setting.category}) with ${target} as destination; without it the triage lacks ${setting.needs}.`,
      });
    }
  }
  const worst = checks.some((c) => c.status === 'error') ? 'error' : checks.some((c) => c.status === 'warning') ? 'warning' : 'ok';
  const missing = checks.filter((c) => c.status !== 'ok').map((c) => c.name);
  return {
    status: worst,
    message: missing.length === 0 ? `All three App Service tables have rows in the last 24 h (${target})` : `Missing in the last 24 h: ${missing.join(', ')}`,
    checks,
  };
}
