import { CapturedLine } from '../runner/processes';
import { CapLimits, CapReport, capTracebacks } from './tracebackCap';
import { Column, QueryResponse, SiteIdentity, toQueryResponse } from './table';
import { formatTimeGenerated } from './timeGenerated';

export const CONSOLE_COLUMNS: Column[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'Level', type: 'string' },
  { name: 'Host', type: 'string' },
  { name: 'ResultDescription', type: 'string' },
  { name: 'ContainerId', type: 'string' },
  { name: 'OperationName', type: 'string' },
  { name: '_ResourceId', type: 'string' },
];

/** Captured app lines carry the source "app|<instance>|<containerId>". */
export function parseAppSource(source: string): { instance: string; containerId: string } | undefined {
  const parts = source.split('|');
  return parts.length === 3 && parts[0] === 'app' ? { instance: parts[1], containerId: parts[2] } : undefined;
}

/**
 * App stdout/stderr → AppServiceConsoleLogs. App Service marks every stderr line
 * "Error" (Gunicorn logs to stderr, so even its INFO lines are "Error") and stdout
 * "Informational". Tracebacks are capped per source stream.
 */
export function consoleTable(lines: CapturedLine[], site: SiteIdentity, limits: CapLimits, report: CapReport): QueryResponse {
  const bySource = new Map<string, CapturedLine[]>();
  for (const line of lines) {
    if (!parseAppSource(line.source)) {continue;}
    const key = `${line.source}|${line.stream}`;
    const group = bySource.get(key);
    if (group) {
      group.push(line);
    } else {
      bySource.set(key, [line]);
    }
  }
  const records: Array<Record<string, unknown>> = [];
  for (const group of bySource.values()) {
    for (const line of capTracebacks(group, (l) => l.line, limits, report)) {
      const src = parseAppSource(line.source)!;
      records.push({
        TimeGenerated: formatTimeGenerated(line.t),
        Level: line.stream === 'stderr' ? 'Error' : 'Informational',
        Host: src.instance,
        ResultDescription: line.line,
        ContainerId: src.containerId,
        OperationName: 'Microsoft.Web/sites/log',
        _ResourceId: site.resourceId,
      });
    }
  }
  return toQueryResponse(CONSOLE_COLUMNS, records);
}
