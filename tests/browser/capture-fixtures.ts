// Captures what the browser harness shows, from the REAL packaged backend on lab recordings:
// launches dist/datasource/gpx_appsvc_triage_linux_<arch> as Grafana does, runs the panel's
// queries over QueryData, decodes the Arrow frames, asks the /report resource for the diagnosis, and saves
// both as JSON under tests/browser/fixtures/. Run: npx tsx tests/browser/capture-fixtures.ts
// With --from-source it launches src/backend/main.ts through tsx instead (same code, same
// go-plugin handshake), for when the packaged executable is not built; the fixture says which.
import { tableFromIPC } from 'apache-arrow';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectStream, connect, goPluginEnvironment, launchPlugin, parseHandshake, stopPlugin, unary, EXECUTABLE, type LaunchedPlugin } from '../../test/conformance/plugin-process';

export const SCENARIOS = ['h1-two-instances', 't1-worker-timeout', 'c1-cpu-saturation'] as const;
const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(__dirname, 'fixtures');
const BIN = '5s';

/** The queries a dashboard with the hypotheses panel runs. */
const PANEL_QUERIES = [
  { refId: 'series', model: { queryType: 'series', splitBy: 'none', bin: BIN } },
  { refId: 'markers', model: { queryType: 'markers' } },
  { refId: 'clusters', model: { queryType: 'clusters' } },
  { refId: 'verdicts', model: { queryType: 'hypotheses', format: 'verdicts' } },
  { refId: 'windows', model: { queryType: 'hypotheses', format: 'windows' } },
  { refId: 'metrics', model: { queryType: 'metrics', metrics: ['CpuPercentage', 'MemoryPercentage'], bin: BIN } },
  { refId: 'declared', model: { queryType: 'workerModel' } },
];

export interface FrameJson {
  name: string;
  refId: string;
  fields: Array<{ name: string; type: string; values: unknown[]; labels?: Record<string, string>; config?: Record<string, unknown> }>;
}

/** One Arrow IPC file → the JSON shape Grafana's createDataFrame takes (time as epoch ms). */
export function decodeFrame(bytes: Uint8Array): FrameJson {
  const table = tableFromIPC(bytes);
  const metadata = table.schema.metadata;
  return {
    name: metadata.get('name') ?? '',
    refId: metadata.get('refId') ?? '',
    fields: table.schema.fields.map((field, index) => {
      const type = field.metadata.get('tstype') ?? 'other';
      const column = table.getChildAt(index);
      const values = Array.from({ length: table.numRows }, (_, row) => {
        const value = column?.get(row) as unknown;
        if (typeof value === 'bigint') {
          return type === 'time' ? Number(value / 1_000_000n) : Number(value);
        }
        return value ?? null;
      });
      const labels = field.metadata.get('labels');
      const config = field.metadata.get('config');
      return { name: field.name, type, values, ...(labels ? { labels: JSON.parse(labels) } : {}), ...(config ? { config: JSON.parse(config) } : {}) };
    }),
  };
}

function manifestWindow(scenario: string): { from: string; to: string } {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'lab', 'recordings', scenario, 'manifest.json'), 'utf8'));
  return manifest.window;
}

function pluginContext(scenario: string) {
  return {
    orgId: 1,
    pluginId: 'appsvc-triage-datasource',
    dataSourceInstanceSettings: {
      id: 1,
      uid: `harness-${scenario}`,
      name: `Harness ${scenario}`,
      jsonData: Buffer.from(JSON.stringify({ source: 'lab', labScenario: scenario, labReplayAsOfNow: false })),
      decryptedSecureJsonData: {},
      lastUpdatedMS: 1,
    },
  };
}

const FROM_SOURCE = process.argv.includes('--from-source');

/** The backend from its sources, launched with the go-plugin environment like the executable. */
function launchFromSource(env: Record<string, string>, timeoutMs: number): Promise<LaunchedPlugin> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'backend', 'main.ts')], { env: { ...env, HOME: process.env.HOME ?? '/tmp' }, cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>((done) => child.on('exit', (code, signal) => done({ code, signal, atMs: performance.now() })));
  return new Promise((resolveLaunch, rejectLaunch) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectLaunch(new Error(`no handshake from the sources within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        resolveLaunch({ child, handshake: parseHandshake(stdout.slice(0, newline)), handshakeMs: 0, stderr: () => stderr, exited });
      }
    });
  });
}

async function capture(scenario: string) {
  const window = manifestWindow(scenario);
  const timeRange = { fromEpochMS: Date.parse(window.from), toEpochMS: Date.parse(window.to) };
  const env = goPluginEnvironment();
  // A 128 MB single-executable on a busy 2-core machine can take a while to hand-shake.
  const plugin = FROM_SOURCE ? await launchFromSource(env, 120_000) : await launchPlugin(env, 90_000);
  const clients = connect(plugin.handshake);
  try {
    const answer = await unary<{ responses: Record<string, { frames: Buffer[]; error: string; status: number }> }>(clients.data, 'QueryData', {
      pluginContext: pluginContext(scenario),
      headers: {},
      queries: PANEL_QUERIES.map(({ refId, model }) => ({
        refId,
        queryType: model.queryType,
        maxDataPoints: 1000,
        intervalMS: 5000,
        timeRange,
        json: Buffer.from(JSON.stringify({ refId, ...model })),
      })),
    });
    const frames: FrameJson[] = [];
    for (const { refId } of PANEL_QUERIES) {
      const response = answer.responses[refId];
      if (!response || response.error) {
        throw new Error(`${scenario}: query ${refId} failed: ${response?.error ?? 'no response'}`);
      }
      frames.push(...response.frames.map((bytes) => decodeFrame(new Uint8Array(bytes))));
    }
    // As Grafana sends it: the route in `path`, the query string only in `url`.
    const url = `/report?from=${timeRange.fromEpochMS}&to=${timeRange.toEpochMS}&bin=${BIN}`;
    const [resource] = await collectStream<{ code: number; body: Buffer }>(clients.resource, 'CallResource', { pluginContext: pluginContext(scenario), path: 'report', method: 'GET', url });
    if (resource?.code !== 200) {
      throw new Error(`${scenario}: ${url} answered ${resource?.code ?? 'nothing'}: ${resource?.body.toString('utf8').slice(0, 300)}`);
    }
    const report = JSON.parse(resource.body.toString('utf8')) as unknown;
    const reportFrom = `backend resource ${url}`;
    const capturedFrom = FROM_SOURCE ? 'src/backend/main.ts (tsx)' : EXECUTABLE.replace(ROOT + '/', '');
    const fixture = { scenario, capturedFrom, window, timeRange, reportFrom, frames, report };
    writeFileSync(join(FIXTURES, `${scenario}.json`), JSON.stringify(fixture) + '\n');
    console.log(`${scenario}: ${frames.length} frames (${frames.map((frame) => frame.name).join(', ')}); report from ${reportFrom}`);
  } finally {
    clients.close();
    await stopPlugin(plugin, env);
  }
}

async function main() {
  for (const scenario of SCENARIOS) {
    await capture(scenario);
  }
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`capture-fixtures: ${error.message}`);
    process.exitCode = 1;
  });
}
