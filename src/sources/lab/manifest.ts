// manifest.json of a lab recording: what ran, with which configuration, and what it should show.
import fs from 'node:fs';
import { SourceInputError } from '../source';

export interface LabManifest {
  scenario: string;
  description: string;
  recordedAt?: string;
  window: { from: string; to: string };
  faultWindow?: { from: string; to: string };
  gunicorn?: Record<string, unknown>;
  proxy?: Record<string, unknown>;
  instances?: string[];
  expected: { ranking: string[]; supported?: string[]; notes?: string };
  synthesized?: string[];
  [key: string]: unknown;
}

export async function readManifest(file: string): Promise<LabManifest> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fs.promises.readFile(file, 'utf8'));
  } catch (error) {
    throw new SourceInputError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const manifest = parsed as Partial<LabManifest>;
  const problems: string[] = [];
  if (typeof manifest.scenario !== 'string') {
    problems.push('scenario');
  }
  if (!manifest.window || Number.isNaN(Date.parse(String(manifest.window.from))) || Number.isNaN(Date.parse(String(manifest.window.to)))) {
    problems.push('window.from/window.to (ISO times)');
  }
  if (!manifest.expected || !Array.isArray(manifest.expected.ranking)) {
    problems.push('expected.ranking');
  }
  if (problems.length > 0) {
    throw new SourceInputError(`${file}: missing or invalid ${problems.join(', ')}`);
  }
  return { description: '', ...manifest } as LabManifest;
}
