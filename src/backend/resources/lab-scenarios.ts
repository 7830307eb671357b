// Lists the lab recordings shipped with the plugin: one folder per scenario holding the
// three tables and a manifest.json (CONTRACTS.md "Lab recordings").
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const RECORDING_TABLES = ['AppServiceHTTPLogs.json', 'AppServiceConsoleLogs.json', 'AppServicePlatformLogs.json'];

export interface LabScenario {
  scenario: string;
  description: string;
  window: { from: string; to: string } | undefined;
  expectedRanking: string[];
  /** Table files missing from the folder (a scenario is usable only when empty). */
  missingTables: string[];
  /** Why manifest.json could not be read, when it could not. */
  manifestProblem: string | undefined;
}

interface Manifest {
  scenario?: unknown;
  description?: unknown;
  window?: { from?: unknown; to?: unknown };
  expected?: { ranking?: unknown };
}

function readManifest(folder: string): { manifest: Manifest; problem: string | undefined } {
  const path = join(folder, 'manifest.json');
  if (!existsSync(path)) {
    return { manifest: {}, problem: 'manifest.json is missing' };
  }
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (typeof manifest !== 'object' || manifest === null) {
      return { manifest: {}, problem: 'manifest.json is not a JSON object' };
    }
    return { manifest: manifest as Manifest, problem: undefined };
  } catch (error) {
    return { manifest: {}, problem: `manifest.json is not valid JSON (${(error as Error).message})` };
  }
}

function describeScenario(root: string, name: string): LabScenario {
  const folder = join(root, name);
  const { manifest, problem } = readManifest(folder);
  const window = manifest.window;
  const ranking = manifest.expected?.ranking;
  return {
    scenario: name,
    description: typeof manifest.description === 'string' ? manifest.description : '',
    window: typeof window?.from === 'string' && typeof window?.to === 'string' ? { from: window.from, to: window.to } : undefined,
    expectedRanking: Array.isArray(ranking) ? ranking.filter((id): id is string => typeof id === 'string') : [],
    missingTables: RECORDING_TABLES.filter((table) => !existsSync(join(folder, table))),
    manifestProblem: problem,
  };
}

/** The scenarios under root, sorted by name; empty when root does not exist. */
export function listLabScenarios(root: string): LabScenario[] {
  if (!existsSync(root)) {
    return [];
  }
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => describeScenario(root, entry.name))
    .sort((a, b) => a.scenario.localeCompare(b.scenario));
}
