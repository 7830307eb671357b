// Test-only fixtures (imported by *.test.ts, never by the engine). The engine stays free of I/O: the
// shared corpus (`../shared/corpus/azure-labs`) and the lab recordings come in as JSON module imports.
import containerHttpPingsHttp from '../../../../shared/corpus/azure-labs/container-http-pings/trigger/kql-http-20260404T060610Z.json';
import containerHttpPingsConsole from '../../../../shared/corpus/azure-labs/container-http-pings/trigger/kql-console-20260404T060610Z.json';
import containerHttpPingsPlatform from '../../../../shared/corpus/azure-labs/container-http-pings/trigger/kql-platform-20260404T060610Z.json';
import deploymentSucceededStartupFailedHttp from '../../../../shared/corpus/azure-labs/deployment-succeeded-startup-failed/trigger/kql-http-20260404T060610Z.json';
import deploymentSucceededStartupFailedConsole from '../../../../shared/corpus/azure-labs/deployment-succeeded-startup-failed/trigger/kql-console-20260404T060610Z.json';
import deploymentSucceededStartupFailedPlatform from '../../../../shared/corpus/azure-labs/deployment-succeeded-startup-failed/trigger/kql-platform-20260404T060610Z.json';
import dnsVnetResolutionHttp from '../../../../shared/corpus/azure-labs/dns-vnet-resolution/trigger/kql-http-20260404T060610Z.json';
import dnsVnetResolutionConsole from '../../../../shared/corpus/azure-labs/dns-vnet-resolution/trigger/kql-console-20260404T060610Z.json';
import dnsVnetResolutionPlatform from '../../../../shared/corpus/azure-labs/dns-vnet-resolution/trigger/kql-platform-20260404T060610Z.json';
import failedToForwardRequestHttp from '../../../../shared/corpus/azure-labs/failed-to-forward-request/trigger/kql-http-20260404T060610Z.json';
import failedToForwardRequestConsole from '../../../../shared/corpus/azure-labs/failed-to-forward-request/trigger/kql-console-20260404T060610Z.json';
import failedToForwardRequestPlatform from '../../../../shared/corpus/azure-labs/failed-to-forward-request/trigger/kql-platform-20260404T060610Z.json';
import intermittent5xxHttp from '../../../../shared/corpus/azure-labs/intermittent-5xx/trigger/kql-http-20260404T060610Z.json';
import intermittent5xxConsole from '../../../../shared/corpus/azure-labs/intermittent-5xx/trigger/kql-console-20260404T060610Z.json';
import intermittent5xxPlatform from '../../../../shared/corpus/azure-labs/intermittent-5xx/trigger/kql-platform-20260404T060610Z.json';
import memoryPressureHttp from '../../../../shared/corpus/azure-labs/memory-pressure/trigger/kql-http-20260404T060610Z.json';
import memoryPressureConsole from '../../../../shared/corpus/azure-labs/memory-pressure/trigger/kql-console-20260404T060610Z.json';
import memoryPressurePlatform from '../../../../shared/corpus/azure-labs/memory-pressure/trigger/kql-platform-20260404T060610Z.json';
import noSpaceLeftOnDeviceHttp from '../../../../shared/corpus/azure-labs/no-space-left-on-device/trigger/kql-http-20260404T060610Z.json';
import noSpaceLeftOnDeviceConsole from '../../../../shared/corpus/azure-labs/no-space-left-on-device/trigger/kql-console-20260404T060610Z.json';
import noSpaceLeftOnDevicePlatform from '../../../../shared/corpus/azure-labs/no-space-left-on-device/trigger/kql-platform-20260404T060610Z.json';
import slotSwapConfigDriftHttp from '../../../../shared/corpus/azure-labs/slot-swap-config-drift/trigger/kql-http-20260404T060610Z.json';
import slotSwapConfigDriftConsole from '../../../../shared/corpus/azure-labs/slot-swap-config-drift/trigger/kql-console-20260404T060610Z.json';
import slotSwapConfigDriftPlatform from '../../../../shared/corpus/azure-labs/slot-swap-config-drift/trigger/kql-platform-20260404T060610Z.json';
import slowStartColdStartHttp from '../../../../shared/corpus/azure-labs/slow-start-cold-start/trigger/kql-http-20260404T060610Z.json';
import slowStartColdStartConsole from '../../../../shared/corpus/azure-labs/slow-start-cold-start/trigger/kql-console-20260404T060610Z.json';
import slowStartColdStartPlatform from '../../../../shared/corpus/azure-labs/slow-start-cold-start/trigger/kql-platform-20260404T060610Z.json';
import snatExhaustionHttp from '../../../../shared/corpus/azure-labs/snat-exhaustion/trigger/kql-http-20260404T060610Z.json';
import snatExhaustionConsole from '../../../../shared/corpus/azure-labs/snat-exhaustion/trigger/kql-console-20260404T060610Z.json';
import snatExhaustionPlatform from '../../../../shared/corpus/azure-labs/snat-exhaustion/trigger/kql-platform-20260404T060610Z.json';
import baselineHTTP from '../../../lab/recordings/baseline/AppServiceHTTPLogs.json';
import baselineConsole from '../../../lab/recordings/baseline/AppServiceConsoleLogs.json';
import baselinePlatform from '../../../lab/recordings/baseline/AppServicePlatformLogs.json';
import baselineManifest from '../../../lab/recordings/baseline/manifest.json';
import h1ExhaustionHTTP from '../../../lab/recordings/h1-exhaustion/AppServiceHTTPLogs.json';
import h1ExhaustionConsole from '../../../lab/recordings/h1-exhaustion/AppServiceConsoleLogs.json';
import h1ExhaustionPlatform from '../../../lab/recordings/h1-exhaustion/AppServicePlatformLogs.json';
import h1ExhaustionManifest from '../../../lab/recordings/h1-exhaustion/manifest.json';
import h1TwoInstancesHTTP from '../../../lab/recordings/h1-two-instances/AppServiceHTTPLogs.json';
import h1TwoInstancesConsole from '../../../lab/recordings/h1-two-instances/AppServiceConsoleLogs.json';
import h1TwoInstancesPlatform from '../../../lab/recordings/h1-two-instances/AppServicePlatformLogs.json';
import h1TwoInstancesManifest from '../../../lab/recordings/h1-two-instances/manifest.json';
import h2DependencyHTTP from '../../../lab/recordings/h2-dependency/AppServiceHTTPLogs.json';
import h2DependencyConsole from '../../../lab/recordings/h2-dependency/AppServiceConsoleLogs.json';
import h2DependencyPlatform from '../../../lab/recordings/h2-dependency/AppServicePlatformLogs.json';
import h2DependencyManifest from '../../../lab/recordings/h2-dependency/manifest.json';
import h3RestartHTTP from '../../../lab/recordings/h3-restart/AppServiceHTTPLogs.json';
import h3RestartConsole from '../../../lab/recordings/h3-restart/AppServiceConsoleLogs.json';
import h3RestartPlatform from '../../../lab/recordings/h3-restart/AppServicePlatformLogs.json';
import h3RestartManifest from '../../../lab/recordings/h3-restart/manifest.json';
import h4OutboundHTTP from '../../../lab/recordings/h4-outbound/AppServiceHTTPLogs.json';
import h4OutboundConsole from '../../../lab/recordings/h4-outbound/AppServiceConsoleLogs.json';
import h4OutboundPlatform from '../../../lab/recordings/h4-outbound/AppServicePlatformLogs.json';
import h4OutboundManifest from '../../../lab/recordings/h4-outbound/manifest.json';
import m1OomHTTP from '../../../lab/recordings/m1-oom/AppServiceHTTPLogs.json';
import m1OomConsole from '../../../lab/recordings/m1-oom/AppServiceConsoleLogs.json';
import m1OomPlatform from '../../../lab/recordings/m1-oom/AppServicePlatformLogs.json';
import m1OomManifest from '../../../lab/recordings/m1-oom/manifest.json';
import t1WorkerTimeoutHTTP from '../../../lab/recordings/t1-worker-timeout/AppServiceHTTPLogs.json';
import t1WorkerTimeoutConsole from '../../../lab/recordings/t1-worker-timeout/AppServiceConsoleLogs.json';
import t1WorkerTimeoutPlatform from '../../../lab/recordings/t1-worker-timeout/AppServicePlatformLogs.json';
import t1WorkerTimeoutManifest from '../../../lab/recordings/t1-worker-timeout/manifest.json';
import { LogTable } from '../model/input';

interface Export {
  tables: LogTable[];
}

export type CorpusKind = 'http' | 'console' | 'platform';
export type CorpusLab = keyof typeof CORPUS;

const CORPUS = {
  'container-http-pings': { http: containerHttpPingsHttp, console: containerHttpPingsConsole, platform: containerHttpPingsPlatform },
  'deployment-succeeded-startup-failed': { http: deploymentSucceededStartupFailedHttp, console: deploymentSucceededStartupFailedConsole, platform: deploymentSucceededStartupFailedPlatform },
  'dns-vnet-resolution': { http: dnsVnetResolutionHttp, console: dnsVnetResolutionConsole, platform: dnsVnetResolutionPlatform },
  'failed-to-forward-request': { http: failedToForwardRequestHttp, console: failedToForwardRequestConsole, platform: failedToForwardRequestPlatform },
  'intermittent-5xx': { http: intermittent5xxHttp, console: intermittent5xxConsole, platform: intermittent5xxPlatform },
  'memory-pressure': { http: memoryPressureHttp, console: memoryPressureConsole, platform: memoryPressurePlatform },
  'no-space-left-on-device': { http: noSpaceLeftOnDeviceHttp, console: noSpaceLeftOnDeviceConsole, platform: noSpaceLeftOnDevicePlatform },
  'slot-swap-config-drift': { http: slotSwapConfigDriftHttp, console: slotSwapConfigDriftConsole, platform: slotSwapConfigDriftPlatform },
  'slow-start-cold-start': { http: slowStartColdStartHttp, console: slowStartColdStartConsole, platform: slowStartColdStartPlatform },
  'snat-exhaustion': { http: snatExhaustionHttp, console: snatExhaustionConsole, platform: snatExhaustionPlatform },
};

/** The non-empty export of one corpus lab (`kql-<kind>-20260404T060610Z.json`). */
export function corpusTable(lab: CorpusLab, kind: CorpusKind): LogTable {
  return (CORPUS[lab][kind] as Export).tables[0];
}

export type RecordingKind = 'HTTP' | 'Console' | 'Platform';
export type Scenario = keyof typeof RECORDINGS;

const RECORDINGS = {
  'baseline': { HTTP: baselineHTTP, Console: baselineConsole, Platform: baselinePlatform, manifest: baselineManifest },
  'h1-exhaustion': { HTTP: h1ExhaustionHTTP, Console: h1ExhaustionConsole, Platform: h1ExhaustionPlatform, manifest: h1ExhaustionManifest },
  'h1-two-instances': { HTTP: h1TwoInstancesHTTP, Console: h1TwoInstancesConsole, Platform: h1TwoInstancesPlatform, manifest: h1TwoInstancesManifest },
  'h2-dependency': { HTTP: h2DependencyHTTP, Console: h2DependencyConsole, Platform: h2DependencyPlatform, manifest: h2DependencyManifest },
  'h3-restart': { HTTP: h3RestartHTTP, Console: h3RestartConsole, Platform: h3RestartPlatform, manifest: h3RestartManifest },
  'h4-outbound': { HTTP: h4OutboundHTTP, Console: h4OutboundConsole, Platform: h4OutboundPlatform, manifest: h4OutboundManifest },
  'm1-oom': { HTTP: m1OomHTTP, Console: m1OomConsole, Platform: m1OomPlatform, manifest: m1OomManifest },
  't1-worker-timeout': { HTTP: t1WorkerTimeoutHTTP, Console: t1WorkerTimeoutConsole, Platform: t1WorkerTimeoutPlatform, manifest: t1WorkerTimeoutManifest },
};

export function recordingTable(scenario: Scenario, kind: RecordingKind): LogTable {
  return (RECORDINGS[scenario][kind] as Export).tables[0];
}

export interface RecordingManifest {
  expected: { ranking: string[] };
  gunicorn: { timeout: number; workers: number; version: string };
}

export function recordingManifest(scenario: Scenario): RecordingManifest {
  return RECORDINGS[scenario].manifest as RecordingManifest;
}

const HTTP_COLUMNS = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'CsMethod', type: 'string' },
  { name: 'CsUriStem', type: 'string' },
  { name: 'ScStatus', type: 'int' },
  { name: 'TimeTaken', type: 'int' },
];

/** Parses playbook-style lines `2026-04-04T11:21:55Z GET /slow 499 4918` into an HTTP table. */
export function httpTableFromLines(lines: string[]): LogTable {
  const rows = lines.map((line) => {
    const [time, method, path, status, taken] = line.trim().split(/\s+/);
    return [time, method, path, Number(status), Number(taken)];
  });
  return { name: 'PrimaryResult', columns: HTTP_COLUMNS, rows };
}

/** Parses `2026-04-04T11:14:18Z Error <ResultDescription>` lines into a console table. */
export function consoleTableFromLines(lines: string[]): LogTable {
  const rows = lines.map((line) => {
    const match = /^(\S+) (\S+) (.*)$/.exec(line.trim());
    if (!match) {
      throw new Error(`not a console line: ${line}`);
    }
    return [match[1], match[2], match[3]];
  });
  return {
    name: 'PrimaryResult',
    columns: [
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'Level', type: 'string' },
      { name: 'ResultDescription', type: 'string' },
    ],
    rows,
  };
}
