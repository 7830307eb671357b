import fs from 'node:fs';
import path from 'node:path';
import { RECORDINGS, reportOf, supported } from './testing/run-cli';

// Each case starts the CLI (tsx + sources + engine): seconds each on a shared machine.
jest.setTimeout(120_000);

interface Manifest {
  scenario: string;
  expected: { ranking: string[]; supported: string[] };
}

const scenarios = fs
  .readdirSync(RECORDINGS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(RECORDINGS, entry.name, 'manifest.json')))
  .map((entry) => entry.name)
  .sort();

function manifest(scenario: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(RECORDINGS, scenario, 'manifest.json'), 'utf8')) as Manifest;
}

describe('diagnose on every lab recording', () => {
  it('finds the recordings, baseline among them', () => {
    expect(scenarios).toContain('baseline');
    expect(scenarios.length).toBeGreaterThan(1);
  });

  it.each(scenarios)('%s: the manifest\'s expected hypothesis ranks first (baseline: none supported)', async (scenario) => {
    const expected = manifest(scenario).expected;
    const report = await reportOf(`lab:${scenario}`);
    if (expected.ranking.length === 0) {
      expect(supported(report)).toEqual([]);
    } else {
      expect(report.ranking[0]).toBe(expected.ranking[0]);
      expect(supported(report)).toEqual(expect.arrayContaining(expected.supported));
    }
  });
});
