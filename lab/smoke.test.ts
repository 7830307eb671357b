import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectCapabilities, missingFor } from './src/runner/capabilities';
import { runScenario } from './src/runner/runScenario';
import { h1Exhaustion } from './src/scenarios/h1Exhaustion';
import { readRecording } from './test-support/recording';
import { checkH1 } from './test-support/scenarioChecks';

/**
 * Live smoke: runs the short h1-exhaustion scenario end to end (real gunicorn, nginx, load)
 * into a temp dir and checks its recording like the committed ones. Without gunicorn/nginx
 * it skips with the reason, except on CI (CI=true) where missing tools are a failure.
 */

const missing = missingFor(detectCapabilities(), h1Exhaustion.needs);
const onCI = process.env.CI === 'true';
if (missing && !onCI) {
  process.stderr.write(`lab smoke test skipped: ${missing}\n`);
}
const liveIt = missing && !onCI ? it.skip : it;

describe('lab smoke (live)', () => {
  liveIt(
    'records a short h1-exhaustion run whose 499 cluster sits at the client timeout',
    async () => {
      if (missing) {
        throw new Error(`CI=true but the lab cannot run here: ${missing}`);
      }
      const out = mkdtempSync(join(tmpdir(), 'lab-smoke-'));
      const progress: string[] = [];
      try {
        const outcome = await runScenario(h1Exhaustion, { outDir: out, short: true, log: (m) => progress.push(m) });
        expect(outcome).toMatchObject({ status: 'recorded' });
        const rec = readRecording(join(out, 'h1-exhaustion'));
        expect(rec.manifest.variant).toBe('short (smoke)');
        expect(rec.manifest.gunicorn.version).toMatch(/^\d+\.\d+/);
        checkH1(rec, 10);
      } catch (err) {
        process.stderr.write(`lab smoke progress:\n${progress.join('\n')}\n`);
        throw err;
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    120000,
  );
});
