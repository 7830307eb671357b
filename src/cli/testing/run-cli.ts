// Runs appsvc-triage for tests: as a real process through the npm bin launcher, or in-process for sweeps.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { DiagnosisReport } from '../../engine/report';
import { runCli } from '../main';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'azure-labs');
export const RECORDINGS = path.join(REPO_ROOT, 'lab', 'recordings');
const LAUNCHER = path.join(REPO_ROOT, 'src', 'cli', 'appsvc-triage.cjs');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without Azure credentials, so no test depends on (or reaches) a real login. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(AZURE_|IDENTITY_|MSI_)/.test(name)));
}

export function spawnCli(args: string[]): CliRun {
  const result = spawnSync(process.execPath, [LAUNCHER, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000, env: cleanEnvironment() });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export async function runInProcess(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(
    args,
    (text) => (stdout += text),
    (text) => (stderr += text)
  );
  return { status, stdout, stderr };
}

export async function reportOf(source: string, extra: string[] = []): Promise<DiagnosisReport> {
  const run = await runInProcess(['diagnose', '--source', source, '--format', 'json', ...extra]);
  if (run.status !== 0) {
    throw new Error(`diagnose ${source} exited ${run.status}: ${run.stderr}`);
  }
  return JSON.parse(run.stdout) as DiagnosisReport;
}

export function supported(report: DiagnosisReport): string[] {
  return report.hypotheses.filter((item) => item.verdict === 'supported').map((item) => item.id);
}
