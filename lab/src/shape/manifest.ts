import { ClientResult } from '../load/plan';
import { InstanceSize } from '../runner/resourceSampler';
import { ScenarioDefinition } from '../scenarios/types';

export interface InstanceRecord {
  name: string;
  affinity: string;
  workers: number;
  threads: number;
  workerClass: string;
  timeout: number;
  gracefulTimeout: number;
  commandLine: string;
}

export interface ManifestInput {
  def: ScenarioDefinition;
  short: boolean;
  recordedAt: string;
  window: { from: string; to: string };
  faultWindow: { from: string; to: string } | null;
  gunicornVersion: string;
  nginxVersion: string;
  instances: InstanceRecord[];
  siteHost: string;
  instanceSize: InstanceSize;
  resourceSummary: Record<string, unknown>;
  isolation: Record<string, unknown>;
  clientResults: ClientResult[];
  rowCounts: Record<string, number>;
  statusCounts: Record<string, number>;
  caps: Record<string, unknown>;
  synthesized: string[];
  faultsApplied: Array<{ atS: number; label: string }>;
}

function clientSummary(results: ClientResult[]) {
  const byOutcome: Record<string, number> = {};
  for (const r of results) {
    const key = r.outcome === 'response' ? String(r.status) : r.outcome;
    byOutcome[key] = (byOutcome[key] ?? 0) + 1;
  }
  const timeouts = [...new Set(results.filter((r) => r.outcome === 'timeout').map((r) => r.stream.split('#')[0]))];
  return { requests: results.length, byOutcome, streamsWithClientTimeouts: timeouts };
}

export function buildManifest(m: ManifestInput): Record<string, unknown> {
  const first = m.instances[0];
  return {
    scenario: m.def.name,
    description: m.def.description,
    recordedAt: m.recordedAt,
    variant: m.short ? 'short (smoke)' : 'full',
    window: m.window,
    faultWindow: m.faultWindow,
    faultsApplied: m.faultsApplied,
    gunicorn: {
      version: m.gunicornVersion,
      source: 'Debian bookworm package python3-gunicorn (/usr/bin/gunicorn on /usr/bin/python3)',
      workerClass: first.workerClass,
      workers: first.workers,
      threads: first.threads,
      timeout: first.timeout,
      gracefulTimeout: first.gracefulTimeout,
      commandLine: first.commandLine,
      perInstance: m.instances,
      logWordingNote:
        'Gunicorn 20.1.0 reports a killed worker as "Worker with pid N was terminated due to signal 9"; ' +
        'Gunicorn >= 21 (and App Service images with 24.x/25.x) print "Worker (pid:N) was sent SIGKILL! Perhaps out of memory?".',
    },
    proxy: {
      name: 'nginx',
      version: m.nginxVersion,
      package: 'nginx-light (Debian)',
      role: "stands in for App Service's front end; logs 499 when the client closes first",
      readTimeoutS: 240,
      accessLogFields: ['$msec (request end)', '$request_time', '$status', '$upstream_addr', '$upstream_status', '$uri', '$args'],
    },
    siteHost: m.siteHost,
    instances: m.instances.map((i) => i.name),
    instanceSize: m.instanceSize,
    resourceSummary: m.resourceSummary,
    isolation: m.isolation,
    expected: m.def.expected,
    synthesized: m.synthesized,
    caps: m.caps,
    rowCounts: m.rowCounts,
    httpStatusCounts: m.statusCounts,
    client: clientSummary(m.clientResults),
  };
}
