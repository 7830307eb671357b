// npm run bench:backend — the packaged backend as Grafana runs it: handshake (start) time,
// idle RSS, and latency percentiles of QueryData per registered query type (the conformance
// queries on the lab source), CheckHealth and CallResource. Bounded: 200 calls per row.
import { readFileSync } from 'node:fs';
import goodQueries from '../test/conformance/good-queries.json';
import {
  collectStream,
  connect,
  goPluginEnvironment,
  launchPlugin,
  shippedScenarioWindow,
  stopPlugin,
  unary,
} from '../test/conformance/plugin-process';

const LAUNCHES = 5;
const CALLS = 200;
const IDLE_SETTLE_MS = 1500;

interface GoodQuery {
  model: Record<string, unknown>;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]);
  return kilobytes / 1024;
}

async function time(call: () => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let index = 0; index < CALLS; index++) {
    const started = performance.now();
    await call();
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const handshakes: number[] = [];
  for (let launch = 0; launch < LAUNCHES; launch++) {
    const env = goPluginEnvironment();
    const plugin = await launchPlugin(env);
    handshakes.push(plugin.handshakeMs);
    await stopPlugin(plugin, env);
  }
  handshakes.sort((a, b) => a - b);

  const env = goPluginEnvironment();
  const plugin = await launchPlugin(env);
  const clients = connect(plugin.handshake);
  await new Promise((done) => setTimeout(done, IDLE_SETTLE_MS));
  const idleRss = residentMegabytes(plugin.child.pid!);

  const pluginContext = {
    orgId: 1,
    dataSourceInstanceSettings: { id: 1, uid: 'bench', name: 'bench', jsonData: Buffer.from(JSON.stringify(goodQueries.labDataSourceJsonData)), lastUpdatedMS: 1 },
  };
  const window = shippedScenarioWindow(goodQueries.labDataSourceJsonData.labScenario);
  const rows: Array<[string, number[]]> = [];
  for (const [queryType, good] of Object.entries(goodQueries.queries as Record<string, GoodQuery>)) {
    const request = {
      pluginContext,
      queries: [
        {
          refId: 'A',
          queryType,
          maxDataPoints: 1000,
          intervalMS: 60_000,
          timeRange: { fromEpochMS: Date.parse(window.from), toEpochMS: Date.parse(window.to) },
          json: Buffer.from(JSON.stringify({ ...good.model, queryType })),
        },
      ],
    };
    rows.push([`QueryData ${queryType}`, await time(() => unary(clients.data, 'QueryData', request))]);
  }
  // The backend shares one diagnosis per range for 15 s, so the rows above are mostly cache
  // hits, as a dashboard refresh is. Moving the range by 1 ms per call makes every call run
  // source → engine → frames afresh.
  let shift = 0;
  rows.push([
    'QueryData series, new range each call',
    await time(() => {
      shift++;
      const from = Date.parse(window.from) - shift;
      return unary(clients.data, 'QueryData', {
        pluginContext,
        queries: [
          {
            refId: 'A',
            queryType: 'series',
            maxDataPoints: 1000,
            intervalMS: 60_000,
            timeRange: { fromEpochMS: from, toEpochMS: Date.parse(window.to) },
            json: Buffer.from(JSON.stringify({ ...goodQueries.queries.series.model, queryType: 'series' })),
          },
        ],
      });
    }),
  ]);
  rows.push(['CheckHealth', await time(() => unary(clients.diagnostics, 'CheckHealth', { pluginContext }))]);
  rows.push(['CallResource /scenarios', await time(() => collectStream(clients.resource, 'CallResource', { pluginContext, path: 'scenarios', method: 'GET' }))]);
  const loadedRss = residentMegabytes(plugin.child.pid!);
  const metrics = await unary<{ metrics: { prometheus: Buffer } }>(clients.diagnostics, 'CollectMetrics', {});
  const gauge = (name: string): number => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics.metrics.prometheus.toString())?.[1]) / 1024 / 1024;
  clients.close();
  await stopPlugin(plugin, env);

  console.log(`packaged backend: ${process.arch}, ${LAUNCHES} launches, ${CALLS} calls per row, sequential\n`);
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| handshake (spawn → handshake line), median of ${LAUNCHES} | ${percentile(handshakes, 50).toFixed(0)} ms (max ${handshakes[handshakes.length - 1].toFixed(0)} ms) |`);
  console.log(`| idle RSS after start | ${idleRss.toFixed(1)} MB |`);
  console.log(`| RSS after the calls below | ${loadedRss.toFixed(1)} MB (V8 heap used ${gauge('nodejs_heap_used_bytes').toFixed(1)} of ${gauge('nodejs_heap_total_bytes').toFixed(1)} MB) |`);
  console.log('\n| call | p50 ms | p95 ms | max ms |');
  console.log('|---|---|---|---|');
  for (const [name, durations] of rows) {
    console.log(`| ${name} | ${percentile(durations, 50).toFixed(2)} | ${percentile(durations, 95).toFixed(2)} | ${durations[durations.length - 1].toFixed(2)} |`);
  }
  if (Object.keys(goodQueries.queries).length === 0) {
    console.log('\nNo query type is registered yet: no QueryData rows.');
  }
}

main().catch((error: unknown) => {
  console.error(`bench:backend failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
