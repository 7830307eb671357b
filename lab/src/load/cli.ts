import { runLoad } from './loadgen';
import { LoadStream } from './plan';

/**
 * Standalone bounded load: one path, N clients, a per-request timeout and hard caps.
 *   npx tsx lab/src/load/cli.ts http://127.0.0.1:8080/slow?ms=2000 --clients 8 --seconds 10 --timeout-ms 5000 --max-requests 200
 */
const USAGE =
  'usage: npx tsx lab/src/load/cli.ts <http://127.x.y.z:port/path> [--clients N] [--seconds S] [--timeout-ms MS] [--pause-ms MS] [--max-requests N]';

function option(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  if (i < 0) {
    return fallback;
  }
  const value = Number(argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} needs a positive number, got "${argv[i + 1]}"`);
  }
  return value;
}

async function main(argv: string[]): Promise<void> {
  const target = argv[0];
  if (!target || target.startsWith('--')) {
    throw new Error(USAGE);
  }
  const url = new URL(target);
  const seconds = option(argv, '--seconds', 10);
  const stream: LoadStream = {
    name: 'cli',
    path: `${url.pathname}${url.search}`,
    startS: 0,
    endS: seconds,
    concurrency: option(argv, '--clients', 4),
    timeoutMs: option(argv, '--timeout-ms', 5000),
    pauseMs: argv.includes('--pause-ms') ? option(argv, '--pause-ms', 1) : 0,
  };
  const results = await runLoad(
    { baseUrl: url.origin, streams: [stream], maxRequests: option(argv, '--max-requests', 1000), maxWallS: seconds + 5 },
    (p) => process.stdout.write(`t=${p.elapsedS.toFixed(0)}s sent=${p.sent} ok=${p.ok} 5xx=${p.status5xx} timeouts=${p.timeouts} errors=${p.errors}\n`),
  );
  const byOutcome: Record<string, number> = {};
  for (const r of results) {
    const key = r.outcome === 'response' ? String(r.status) : r.outcome;
    byOutcome[key] = (byOutcome[key] ?? 0) + 1;
  }
  process.stdout.write(`${results.length} requests: ${JSON.stringify(byOutcome)}\n`);
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`loadgen: ${(err as Error).message}\n`);
  process.exit(2);
});
