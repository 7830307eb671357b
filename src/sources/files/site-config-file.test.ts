import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FilesSource } from './files-source';
import { readExportFile } from './read-export-file';

const corpus = path.resolve(__dirname, '../../../../shared/corpus/azure-labs');
const SECRETS = ['hunter2', 'AccountKey=c2VjcmV0S2V5', 's3cr3t-token'];
const appSettings = [
  { name: 'DB_PASSWORD', slotSetting: true, value: 'hunter2' },
  { name: 'AzureWebJobsStorage', slotSetting: false, value: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=c2VjcmV0S2V5' },
  { name: 'GUNICORN_CMD_ARGS', slotSetting: false, value: '--threads 4 --env TOKEN=s3cr3t-token' },
  { name: 'WEBSITES_PORT', slotSetting: false, value: '8000' },
];

describe('site configuration files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appsvc-siteconfig-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a corpus app-config.json as the site web config, reported as used', async () => {
    const file = path.join(corpus, 'intermittent-5xx/baseline/app-config.json');
    const { report, siteConfig, tables } = await readExportFile(file, 'baseline/app-config.json');
    expect(tables).toEqual([]);
    expect(report).toMatchObject({ format: 'arm-site-config', used: expect.stringContaining('appCommandLine') });
    expect(siteConfig).toEqual({
      notes: [],
      webFrom: 'baseline/app-config.json',
      web: { appCommandLine: 'gunicorn --bind 0.0.0.0:8000 --workers 2 --worker-class sync --timeout 30 app:app', linuxFxVersion: 'PYTHON|3.11', alwaysOn: false, numberOfWorkers: 1 },
    });
  });

  it('detects `az webapp config appsettings list` output by content and keeps only allow-listed settings', async () => {
    fs.writeFileSync(path.join(dir, 'settings.txt'), JSON.stringify(appSettings, null, 2));
    const { report, siteConfig } = await readExportFile(path.join(dir, 'settings.txt'), 'settings.txt');
    expect(report).toMatchObject({ format: 'az-appsettings-json', used: 'app settings: 2 allow-listed (GUNICORN_CMD_ARGS, WEBSITES_PORT), 2 other(s) not read' });
    expect(siteConfig?.appSettings).toEqual([
      { name: 'GUNICORN_CMD_ARGS', value: '--threads 4 --env TOKEN=<redacted>', slotSetting: false },
      { name: 'WEBSITES_PORT', value: '8000', slotSetting: false },
    ]);
    const everything = JSON.stringify({ report, siteConfig });
    for (const secret of SECRETS) {
      expect(everything).not.toContain(secret);
    }
  });

  it('hands one site configuration to the diagnosis from a folder, noting a second web config', async () => {
    const config = fs.readFileSync(path.join(corpus, 'intermittent-5xx/baseline/app-config.json'));
    fs.writeFileSync(path.join(dir, 'a-config.json'), config);
    fs.writeFileSync(path.join(dir, 'b-config.json'), config);
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(appSettings));
    const data = await new FilesSource(dir).load({ binMs: 60_000 });
    expect(data.siteConfig).toMatchObject({ webFrom: 'a-config.json', appSettingsFrom: 'settings.json', notes: ['b-config.json: a second site web config; a-config.json is the one used'] });
    for (const secret of SECRETS) {
      expect(JSON.stringify(data)).not.toContain(secret);
    }
  });

  it('reports a broken settings file by position, without quoting its text', async () => {
    const text = JSON.stringify(appSettings).replace('"WEBSITES_PORT"', '"WEBSITES_PORT" hunter2');
    fs.writeFileSync(path.join(dir, 'settings.json'), text);
    const { report, siteConfig } = await readExportFile(path.join(dir, 'settings.json'), 'settings.json');
    expect(report).toMatchObject({ format: 'unused', reason: expect.stringMatching(/^az-appsettings-json: not valid JSON/) });
    expect(siteConfig).toBeUndefined();
    expect(JSON.stringify(report)).not.toContain('hunter2');
  });

  it('leaves a folder without configuration files without a site configuration', async () => {
    fs.writeFileSync(path.join(dir, 'x.json'), JSON.stringify({ tables: [] }));
    expect((await new FilesSource(dir).load({ binMs: 60_000 })).siteConfig).toBeUndefined();
  });
});
