import { resolve } from 'node:path';
import { runScenario } from './runner/runScenario';
import { SCENARIOS, findScenario } from './scenarios';

const USAGE = 'usage: npm run lab -- <scenario|all> [--short] [--out <dir>]';

async function main(argv: string[]): Promise<number> {
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--out');
  const outIndex = argv.indexOf('--out');
  const outDir = resolve(outIndex >= 0 ? argv[outIndex + 1] ?? '' : resolve(__dirname, '../recordings'));
  const short = argv.includes('--short');
  if (positional.length !== 1) {
    process.stderr.write(`${USAGE}\nscenarios: ${SCENARIOS.map((s) => s.name).join(', ')}\n`);
    return 2;
  }
  const defs = positional[0] === 'all' ? SCENARIOS : [findScenario(positional[0])];
  let failed = 0;
  for (const def of defs) {
    const started = Date.now();
    try {
      const outcome = await runScenario(def, { outDir, short });
      const took = ((Date.now() - started) / 1000).toFixed(0);
      process.stdout.write(
        outcome.status === 'recorded'
          ? `[lab ${def.name}] done in ${took}s: ${outcome.summary}\n`
          : `[lab ${def.name}] skipped: ${outcome.reason}\n`,
      );
    } catch (err) {
      failed += 1;
      process.stderr.write(`[lab ${def.name}] FAILED: ${(err as Error).stack ?? err}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`lab: ${(err as Error).message}\n`);
    process.exit(2);
  },
);
