import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ClientResult } from '../load/plan';
import { parseAccessLog } from '../shape/accessLog';
import { consoleTable } from '../shape/consoleTable';
import { InstanceRoute, httpTable, instanceFor } from '../shape/httpTable';
import { buildManifest } from '../shape/manifest';
import { writeMetricsList } from '../shape/metricsResponse';
import { platformMetricsBody } from '../shape/platformMetrics';
import { platformTable } from '../shape/platformTable';
import { siteMetricsBody } from '../shape/siteMetrics';
import { SiteIdentity } from '../shape/table';
import { formatTimeGenerated } from '../shape/timeGenerated';
import { CapReport } from '../shape/tracebackCap';
import { writeQueryResponse } from '../shape/writeTable';
import { ScenarioDefinition } from '../scenarios/types';
import { Capabilities } from './capabilities';
import { GunicornInstance } from './gunicornInstance';
import { PlatformEvent } from './platformEvents';
import { InstanceSize, ResourcePoint } from './resourceSampler';
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
  'PlatformMetrics.json: CpuPercentage and MemoryPercentage are MEASURED, once per second per instance, from /proc readings of the real ' +
    'gunicorn process tree (master and whichever workers exist at that second): CPU = utime+stime delta / (wall time × instanceSize.vcpus), ' +
    'memory = summed Pss (smaps_rollup; shared pages counted once) / instanceSize.memoryMb. nginx, the partner and the load generator are not ' +
    'counted. Average and maximum are the same one-second reading. The envelope (plan resource id, region "lab", cost = point count) is lab-chosen.',
  'SiteMetrics.json: COMPUTED from the nginx access-log rows (the same rows as AppServiceHTTPLogs): per instance per second of request end, ' +
    'Requests = count, Http5xx = count of 500-599, HttpResponseTime = mean $request_time in seconds (no average in a second without requests).',
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
      resources: { size: InstanceSize; points: Map<string, ResourcePoint[]>; problems: string[] };
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
  const span = { from: d.windowFrom, to: d.windowTo };
  const served = entries.map((e) => ({ endMs: e.endMs, status: e.status, timeTakenS: e.requestTimeS, instance: instanceFor(e, d.routes) }));
  const instanceNames = d.instances.map((i) => i.config.name);
  const bytes = {
    AppServiceHTTPLogs: writeQueryResponse(join(dir, 'AppServiceHTTPLogs.json'), http),
    AppServiceConsoleLogs: writeQueryResponse(join(dir, 'AppServiceConsoleLogs.json'), consoleResp),
    AppServicePlatformLogs: writeQueryResponse(join(dir, 'AppServicePlatformLogs.json'), platform),
    PlatformMetrics: writeMetricsList(join(dir, 'PlatformMetrics.json'), platformMetricsBody(def.name, span, d.resources.points)),
    SiteMetrics: writeMetricsList(join(dir, 'SiteMetrics.json'), siteMetricsBody(d.site.resourceId, span, instanceNames, served)),
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
    instanceSize: d.resources.size,
    resourceSummary: resourceSummary(d.resources.points, span, d.resources.problems),
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

/** Per instance: how many per-second points, and CPU / memory range and mean, for the manifest. */
function resourceSummary(points: Map<string, ResourcePoint[]>, span: { from: number; to: number }, problems: string[]) {
  const stats = (values: number[]) =>
    values.length === 0
      ? null
      : {
          min: Math.round(Math.min(...values) * 10) / 10,
          mean: Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10,
          max: Math.round(Math.max(...values) * 10) / 10,
        };
  const perInstance = [...points].map(([instance, list]) => {
    const inSpan = list.filter((p) => p.time >= Math.floor(span.from / 1000) * 1000 && p.time <= span.to);
    return {
      instance,
      points: inSpan.length,
      cpuPercent: stats(inSpan.map((p) => p.cpuPercent)),
      memoryPercent: stats(inSpan.map((p) => p.memoryPercent)),
      processes: stats(inSpan.map((p) => p.processes)),
    };
  });
  // An instance without a CPU cgroup can use every host CPU, so its CpuPercentage can pass 100 (up to 100 × hostCpus / vcpus).
  return { grain: 'PT1S', hostCpus: cpus().length, perInstance, samplerProblems: problems };
}
