import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CORPUS, spawnCli } from './testing/run-cli';

// Each case starts the CLI (tsx + sources + engine): seconds each on a shared machine.
jest.setTimeout(120_000);

/** Bad input: exit 2, nothing on stdout, exactly one line on stderr that names the problem. */
function expectOneLineError(args: string[], pattern: RegExp): void {
  const run = spawnCli(args);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n').filter((line) => line !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe('appsvc-triage bad input (spawned process)', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'appsvc-triage-cli-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('names a missing folder', () => {
    expectOneLineError(['diagnose', '--source', `files:${scratch}/nowhere`], /folder .*nowhere does not exist/);
  });

  it('refuses a folder whose files are all empty, saying why', () => {
    const folder = path.join(scratch, 'empty-exports');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'kql-http-20260404T060104Z.json'), '');
    expectOneLineError(['diagnose', '--source', `files:${folder}`], /no usable rows .*kql-http-20260404T060104Z\.json: empty file/);
  });

  it('names an unknown lab scenario and lists the known ones', () => {
    expectOneLineError(['diagnose', '--source', 'lab:no-such-scenario'], /unknown lab scenario "no-such-scenario" \(known: .*baseline/);
  });

  it('says when the window holds no data, and where the data is', () => {
    expectOneLineError(
      ['diagnose', '--source', `files:${CORPUS}/intermittent-5xx/trigger`, '--from', '2020-01-01T00:00:00Z', '--to', '2020-01-01T01:00:00Z'],
      /no HTTP requests or log lines between 2020-01-01T00:00:00\.000Z and 2020-01-01T01:00:00\.000Z \(data spans 2026-04-03/
    );
  });

  it.each([
    [['diagnose', '--source', 'lab:baseline', '--bin', '90x'], /--bin "90x" is not a bin size/],
    [['diagnose', '--source', 'lab:baseline', '--from', 'yesterday', '--to', '2026-04-04T00:00:00Z'], /--from "yesterday" is not an ISO time/],
    [['diagnose', '--source', 'lab:baseline', '--from', '2026-04-04T00:00:00Z'], /--from and --to go together/],
    [['diagnose', '--source', 'lab:baseline', '--format', 'yaml'], /--format "yaml" must be one of text, markdown, json/],
    [['diagnose', '--source', 'lab:baseline', '--colour'], /unknown option --colour/],
    [['diagnose'], /--source is required/],
    [['diagnose', '--source', 'ftp:somewhere'], /unknown source kind "ftp"/],
    [['triage'], /unknown command "triage"/],
    [['diagnose', '--source', 'azure:/subscriptions/x/bad'], /resourceId: "\/subscriptions\/x\/bad" is not an App Service resource id/],
    [['diagnose', '--source', 'azure:0b6f3d1e-7c1a-4a53-9a43-2f1f2f7b9e10', '--auth', 'client-secret'], /--auth client-secret needs AZURE_TENANT_ID/],
    [['diagnose', '--source', 'lab:baseline', '--auth', 'password'], /--auth "password" must be one of azure-cli/],
  ])('%j → exit 2', (args, pattern) => {
    expectOneLineError(args, pattern);
  });

  it('has --help for every command', () => {
    for (const args of [['--help'], ['diagnose', '--help'], ['help', 'diagnose']]) {
      const run = spawnCli(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('Usage:');
    }
    expect(spawnCli(['diagnose', '--help']).stdout).toContain('--source <spec>');
  });
});
