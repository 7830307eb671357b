// The playbook's queries and az commands, filled in with this app and window.
import { kqlString, kqlStringList, kqlTimespan } from '../../kql-literal';
import { NextCheck } from '../types';
import { azSiteArguments, AppIdentity, shellWord } from './app-identity';
import { httpScope, logScope, query, QueryScope } from './kql-scope';

export function statusLatencyTimeline(scope: QueryScope): NextCheck {
  return {
    kind: 'kql',
    title: 'Requests, 5xx, 499 and p95/p99 per bin: do failures rise with volume and latency?',
    text: query(
      'AppServiceHTTPLogs',
      ...httpScope(scope),
      `| where CsHost !contains ${kqlString('.scm.')}`,
      `| summarize total=count(), err5xx=countif(ScStatus >= 500 and ScStatus < 600), aborts499=countif(ScStatus == 499), p95=percentile(TimeTaken, 95), p99=percentile(TimeTaken, 99) by bin(TimeGenerated, ${kqlTimespan(scope.binMs)})`,
      '| extend errPct = toreal(err5xx) * 100.0 / iif(total == 0, 1, total)',
      '| order by TimeGenerated asc'
    ),
  };
}

export function requestsOnPaths(scope: QueryScope, paths: string[], title: string): NextCheck {
  return {
    kind: 'kql',
    title,
    text: query(
      'AppServiceHTTPLogs',
      ...httpScope(scope),
      `| where CsUriStem in ${kqlStringList(paths)}`,
      // TimeGenerated is when the request ended; its start is what lines up with console events.
      '| extend RequestStart = TimeGenerated - TimeTaken * 1ms',
      '| project RequestStart, TimeGenerated, CsUriStem, ScStatus, TimeTaken',
      '| order by TimeGenerated asc'
    ),
  };
}

export function workerLines(scope: QueryScope): NextCheck {
  return {
    kind: 'kql',
    title: 'Gunicorn worker model, timeouts and kills (bracketed pid = writer, pid:N = affected worker)',
    text: query(
      'AppServiceConsoleLogs',
      ...logScope(scope),
      `| where ResultDescription has_any ${kqlStringList(['Using worker', 'Booting worker', 'Starting gunicorn', 'Listening at', 'WORKER TIMEOUT', 'SIGKILL', 'Worker exiting'])}`,
      '| project TimeGenerated, ResultDescription',
      '| order by TimeGenerated asc'
    ),
  };
}

export function endpointStatusConcentration(scope: QueryScope): NextCheck {
  return {
    kind: 'kql',
    title: 'Failures by endpoint and status: concentrated on dependency/outbound-heavy paths or uniform?',
    text: query(
      'AppServiceHTTPLogs',
      ...httpScope(scope),
      `| where CsHost !contains ${kqlString('.scm.')}`,
      '| summarize total=count(), err5xx=countif(ScStatus >= 500 and ScStatus < 600), aborts499=countif(ScStatus == 499), p95=percentile(TimeTaken, 95) by CsUriStem, ScStatus',
      '| order by err5xx desc, aborts499 desc'
    ),
  };
}

export function dependencyErrorLines(scope: QueryScope): NextCheck {
  return {
    kind: 'kql',
    title: 'Dependency timeout / refused / reset signatures in application output',
    text: query(
      'AppServiceConsoleLogs',
      ...logScope(scope),
      `| where ResultDescription has_any ${kqlStringList(['timed out', 'Timeout', 'Connection refused', 'Connection reset', 'ECONNRESET', 'Max retries exceeded'])}`,
      `| summarize lines=count(), sample=take_any(ResultDescription) by bin(TimeGenerated, ${kqlTimespan(scope.binMs)})`,
      '| order by TimeGenerated asc'
    ),
  };
}

export function outboundErrorLines(scope: QueryScope): NextCheck {
  return {
    kind: 'kql',
    title: 'Outbound connect failures (EADDRNOTAVAIL, connect timeouts, refused) under fan-out',
    text: query(
      'AppServiceConsoleLogs',
      ...logScope(scope),
      `| where ResultDescription has_any ${kqlStringList(['EADDRNOTAVAIL', 'Cannot assign requested address', 'ConnectTimeout', 'Connection refused', 'socket.connect', 'NewConnectionError'])}`,
      '| project TimeGenerated, ResultDescription',
      '| order by TimeGenerated asc'
    ),
  };
}

export function platformTimeline(scope: QueryScope): NextCheck {
  return {
    kind: 'kql',
    title: 'Platform timeline: container start/stop, probes, recycles (LastError is sticky; 230s is a limit)',
    text: query(
      'AppServicePlatformLogs',
      ...logScope(scope),
      '| project TimeGenerated, Level, Message',
      '| order by TimeGenerated asc'
    ),
  };
}

export function status503Trend(scope: QueryScope): NextCheck {
  return {
    kind: 'kql',
    title: '502/503 per bin, to lay over the platform timeline',
    text: query(
      'AppServiceHTTPLogs',
      ...httpScope(scope),
      '| where ScStatus in (502, 503)',
      `| summarize count() by bin(TimeGenerated, ${kqlTimespan(scope.binMs)}), ScStatus`,
      '| order by TimeGenerated asc'
    ),
  };
}

export function azConfigShow(app: AppIdentity): NextCheck {
  return {
    kind: 'az',
    title: 'Startup command and runtime (Gunicorn workers, threads, worker class, --timeout)',
    text: `az webapp config show ${azSiteArguments(app)} --query "{linuxFxVersion:linuxFxVersion,appCommandLine:appCommandLine,alwaysOn:alwaysOn,healthCheckPath:healthCheckPath}" --output table`,
  };
}

export function azWorkerSettings(app: AppIdentity): NextCheck {
  return {
    kind: 'az',
    title: 'Worker and timeout app settings',
    text: `az webapp config appsettings list ${azSiteArguments(app)} --query "[?name=='PYTHON_GUNICORN_CUSTOM_THREAD_NUM' || name=='GUNICORN_CMD_ARGS' || name=='WEBSITES_PORT' || name=='WEBSITES_CONTAINER_START_TIME_LIMIT'].{name:name,value:value}" --output table`,
  };
}

export function azSiteState(app: AppIdentity): NextCheck {
  return {
    kind: 'az',
    title: 'Site state, plan and host names (scale context)',
    text: `az webapp show ${azSiteArguments(app)} --query "{state:state,serverFarmId:serverFarmId,hostNames:hostNames}" --output table`,
  };
}

export function azPlanMetrics(app: AppIdentity, scope: QueryScope, metrics: string[]): NextCheck {
  const start = new Date(scope.window.from).toISOString();
  const end = new Date(scope.window.to).toISOString();
  const planLookup = `$(az webapp show ${azSiteArguments(app)} --query serverFarmId --output tsv)`;
  return {
    kind: 'az',
    title: `Plan metrics ${metrics.join(', ')} per minute and instance over the window`,
    text:
      `az monitor metrics list --resource "${planLookup}" --metrics ${metrics.map(shellWord).join(' ')} --filter "Instance eq '*'"` +
      ` --aggregation Average Maximum --interval PT1M --start-time ${start} --end-time ${end} --output json`,
  };
}
