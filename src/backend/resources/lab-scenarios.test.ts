import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listLabScenarios, RECORDING_TABLES } from './lab-scenarios';

describe('listLabScenarios', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'recordings-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function scenario(name: string, manifest: string | undefined, tables = RECORDING_TABLES): void {
    mkdirSync(join(root, name));
    if (manifest !== undefined) {
      writeFileSync(join(root, name, 'manifest.json'), manifest);
    }
    for (const table of tables) {
      writeFileSync(join(root, name, table), '{"tables":[]}');
    }
  }

  it('returns nothing when the recordings folder does not exist', () => {
    expect(listLabScenarios(join(root, 'absent'))).toEqual([]);
  });

  it('reads each scenario manifest and reports missing tables and broken manifests', () => {
    scenario(
      'h1-exhaustion',
      JSON.stringify({ description: 'sync workers saturate', window: { from: 'a', to: 'b' }, expected: { ranking: ['H1', 'T1'] } })
    );
    scenario('baseline', '{broken', RECORDING_TABLES.slice(0, 1));
    scenario('no-manifest', undefined);
    writeFileSync(join(root, 'README.md'), 'not a scenario');

    const scenarios = listLabScenarios(root);
    expect(scenarios.map((s) => s.scenario)).toEqual(['baseline', 'h1-exhaustion', 'no-manifest']);
    expect(scenarios[1]).toEqual({
      scenario: 'h1-exhaustion',
      description: 'sync workers saturate',
      window: { from: 'a', to: 'b' },
      expectedRanking: ['H1', 'T1'],
      missingTables: [],
      manifestProblem: undefined,
    });
    expect(scenarios[0].manifestProblem).toMatch(/manifest.json is not valid JSON/);
    expect(scenarios[0].missingTables).toEqual(RECORDING_TABLES.slice(1));
    expect(scenarios[2].manifestProblem).toBe('manifest.json is missing');
  });
});
