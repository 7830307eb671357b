import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClientResult } from '../load/plan';
import { parseAccessLog } from '../shape/accessLog';
import { consoleTable } from '../shape/consoleTable';
import { InstanceRoute, httpTable } from '../shape/httpTable';
import { buildManifest } from '../shape/manifest';
import { platformTable } from '../shape/platformTable';
import { SiteIdentity } from '../shape/table';
import { formatTimeGenerated } from '../shape/timeGenerated';
import { CapReport } from '../shape/tracebackCap';
import { writeQueryResponse } from '../shape/writeTable';
import { ScenarioDefinition } from '../scenarios/types';
import { Capabilities } from './capabilities';
import { GunicornInstance } from './gunicornInstance';
import { PlatformEvent } from './platformEvents';
import { CapturedLine } from './processes';

/** How much of each Python traceback a recording keeps (see shape/tracebackCap.ts). */
export const TRACEBACK_LIMITS = { framesPerException: 4, fullTracebacks: 25 };

export const SYNTHESIZED = [
  'AppServicePlatformLogs: every row. There is no App Service platform in the lab; the runner writes a row when it really ' +
    'spawns a gunicorn master ("Container is starting.", "Starting container: …"), when the master is spawned ("Container is running." ' +
    'and the WaitingForSiteWarmUpProbeSuccess state), when its own /health probe of the instance first answers 200 ' +
    '("Site startup probe succeeded after N seconds.", "Container … for site … initialized successfully and is ready to serve requests.", ' +
    '"Site started."), when that probe gives up ("Site startup probe failed after N seconds."), and when it SIGTERMs and reaps the ' +
    'master ("Stopping container: …", "Container is terminating. Grace period: N seconds.", "Container is terminated. Total time elapsed: N ms."). ' +
    'Wording copied from real AppServicePlatformLogs rows; times are those of the real transitions.',
  'ContainerId, ComputerName/Host, CsHost, _ResourceId, DeploymentId: lab-chosen identifiers in App Service format (one ContainerId per gunicorn master generation).',
  'AppServiceHTTPLogs: ScSubStatus/ScWin32Status are "0" (not Windows/IIS); Result is "Success" below 400 else "Failure"; TimeGenerated has millisecond resolution (nginx $msec) padded to 7 digits.',
  'AppServiceConsoleLogs: TimeGenerated is when the runner read the line from the process pipe (as App Service stamps console lines on arrival).',
];

export class LiveRun {
  constructor(
    readonly data: {
      site: SiteIdentity;
      windowFrom: number;
      windowTo: number;
      faultWindow: { from: number; to: number } | null;
      accessLog: string;
      lines: CapturedLine[];
      platformEvents: PlatformEvent[];
      instances: GunicornInstance[];
      routes: InstanceRoute[];
      results: ClientResult[];
      applied: Array<{ atS: number; label: string }>;
      isolation: Record<string, unknown>;
    },
  ) {}

  summary(): string {
    const entries = parseAccessLog(this.data.accessLog);
    const count = (pred: (s: number) => boolean) => entries.filter((e) => pred(e.status)).length;
    return `${entries.length} requests, 2xx=${count((s) => s < 300)}, 499=${count((s) => s === 499)}, 5xx=${count((s) => s >= 500)}`;
  }
}

export function writeRecording(def: ScenarioDefinition, short: boolean, outRoot: string, live: LiveRun, caps: Capabilities): string {
  const d = live.data;
  const dir = join(outRoot, def.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const inWindow = (t: number) => t >= d.windowFrom && t <= d.windowTo;
  const entries = parseAccessLog(d.accessLog).filter((e) => inWindow(e.endMs));
  const capReport: CapReport = { tracebacks: 0, reducedTracebacks: 0, framesKept: 0, framesDropped: 0 };
  const http = httpTable(entries, d.routes, d.site);
  const consoleResp = consoleTable(d.lines.filter((l) => inWindow(l.t)), d.site, TRACEBACK_LIMITS, capReport);
  const platform = platformTable(d.platformEvents.filter((e) => inWindow(e.t)), d.site, `lab-${def.name}`);
  const bytes = {
    AppServiceHTTPLogs: writeQueryResponse(join(dir, 'AppServiceHTTPLogs.json'), http),
    AppServiceConsoleLogs: writeQueryResponse(join(dir, 'AppServiceConsoleLogs.json'), consoleResp),
    AppServicePlatformLogs: writeQueryResponse(join(dir, 'AppServicePlatformLogs.json'), platform),
  };
  const statusCounts: Record<string, number> = {};
  for (const e of entries) {statusCounts[e.status] = (statusCounts[e.status] ?? 0) + 1;}
  const manifest = buildManifest({
    def,
    short,
    recordedAt: new Date(d.windowTo).toISOString(),
    window: { from: formatTimeGenerated(d.windowFrom), to: formatTimeGenerated(d.windowTo) },
    faultWindow: d.faultWindow ? { from: formatTimeGenerated(d.faultWindow.from), to: formatTimeGenerated(d.faultWindow.to) } : null,
    gunicornVersion: caps.gunicornVersion!,
    nginxVersion: caps.nginxVersion!,
    instances: d.instances.map((inst, i) => ({
      name: inst.config.name,
      affinity: def.instances[i].affinity,
      workers: inst.config.workers,
      threads: inst.config.threads,
      workerClass: inst.workerClass,
      timeout: inst.config.timeoutS,
      gracefulTimeout: inst.config.gracefulTimeoutS,
      commandLine: inst.commandLine(),
    })),
    siteHost: d.site.siteHost,
    isolation: d.isolation,
    clientResults: d.results,
    rowCounts: {
      AppServiceHTTPLogs: http.tables[0].rows.length,
      AppServiceConsoleLogs: consoleResp.tables[0].rows.length,
      AppServicePlatformLogs: platform.tables[0].rows.length,
    },
    statusCounts,
    caps: {
      tracebackFramesKeptPerException: TRACEBACK_LIMITS.framesPerException,
      fullTracebacksPerStream: TRACEBACK_LIMITS.fullTracebacks,
      tracebacks: capReport.tracebacks,
      tracebacksWithoutFrames: capReport.reducedTracebacks,
      tracebackFrameLinesDropped: capReport.framesDropped,
      note:
        'Python tracebacks keep their "Traceback", chain-marker and exception lines plus the last frames before each exception; ' +
        'after the first tracebacks of a stream no frame lines are kept. Dropped frame lines are counted here, never replaced by invented text.',
      fileBytes: bytes,
    },
    synthesized: SYNTHESIZED,
    faultsApplied: d.applied,
  });
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}
