// App settings can hold secrets. With a folder holding a site config and an app settings list full
// of secret-looking values, none of them may reach the report, the CLI's output, any frame the
// backend builds, or anything written to stdout/stderr/console along the way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDeclaredConfigFrame } from '../backend/app-frames/declared-config-frame';
import { buildDivergencesFrame, buildEndpointsFrame } from '../backend/app-frames/endpoint-frames';
import { buildClustersFrame, buildMarkersFrame, buildWorkerModelFrame, selectMarkers } from '../backend/app-frames/event-frames';
import { buildScoresFrame, buildVerdictsFrame, buildWindowsFrame } from '../backend/app-frames/hypothesis-frames';
import { buildLogsFrame } from '../backend/app-frames/logs-frame';
import { buildSeriesFrames } from '../backend/app-frames/series-frames';
import { encodeFrame } from '../backend/frames/arrow-frame-encoder';
import { formatMarkdown } from '../cli/format-markdown';
import { declaredConfigRows } from '../engine/report/declared-config-rows';
import { formatText } from '../cli/format-text';
import { runInProcess } from '../cli/testing/run-cli';
import { FilesSource } from '../sources/files/files-source';
import { diagnosisReport } from './diagnosis-report';
import { runDiagnosis } from './run-diagnosis';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/azure-labs');
const SECRETS = ['hunter2', 'c3VwZXJzZWNyZXRrZXk=', 'sv=2024-01-01&sig=AbCdEf', 'tok-9f8e7d', 'deploy-pw-77'];

jest.setTimeout(60_000);

describe('the app settings allow-list, end to end', () => {
  let dir: string;
  const written: string[] = [];
  const spies: jest.SpyInstance[] = [];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appsvc-secrets-'));
    fs.cpSync(path.join(CORPUS, 'snat-exhaustion', 'trigger'), path.join(dir, 'trigger'), { recursive: true });
    const config = JSON.parse(fs.readFileSync(path.join(CORPUS, 'snat-exhaustion', 'baseline', 'app-config.json'), 'utf8'));
    fs.writeFileSync(
      path.join(dir, 'app-config.json'),
      JSON.stringify({
        ...config,
        appCommandLine: 'gunicorn --bind=0.0.0.0 --timeout=120 --workers=4 --env DB_PASSWORD=hunter2 app:app',
        publishingUsername: 'deploy-pw-77',
        connectionStrings: [{ name: 'db', connectionString: 'Server=db;Password=hunter2' }],
      })
    );
    fs.writeFileSync(
      path.join(dir, 'appsettings.json'),
      JSON.stringify(
        [
          { name: 'DB_PASSWORD', slotSetting: true, value: 'hunter2' },
          { name: 'AzureWebJobsStorage', slotSetting: false, value: 'DefaultEndpointsProtocol=https;AccountName=st;AccountKey=c3VwZXJzZWNyZXRrZXk=' },
          { name: 'BLOB_SAS', slotSetting: false, value: 'https://st.blob.core.windows.net/c?sv=2024-01-01&sig=AbCdEf' },
          { name: 'GUNICORN_CMD_ARGS', slotSetting: false, value: '--threads 1 -e API_TOKEN=tok-9f8e7d' },
          { name: 'WEBSITES_PORT', slotSetting: false, value: '8181' },
          { name: 'WEBSITES_CONTAINER_START_TIME_LIMIT', slotSetting: false, value: '600' },
        ],
        null,
        2
      )
    );
    for (const stream of [process.stdout, process.stderr]) {
      spies.push(jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true)));
    }
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      spies.push(jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(' '))));
    }
  });

  afterAll(() => {
    spies.forEach((spy) => spy.mockRestore());
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const expectClean = (where: string, text: string) => {
    for (const secret of SECRETS) {
      if (text.includes(secret)) {
        throw new Error(`${where} contains the secret value ${JSON.stringify(secret)}`);
      }
    }
  };

  it('reads the allow-listed settings (so the check below is not vacuous) and leaks nothing else', async () => {
    const source = new FilesSource(dir);
    const diagnosis = await runDiagnosis(source, { binMs: 60_000 });
    const report = diagnosisReport(diagnosis, source.describe());
    const json = JSON.stringify(report);
    expect(report.workerModel.declared?.appSettings).toEqual([
      { name: 'GUNICORN_CMD_ARGS', value: '--threads 1 -e API_TOKEN=<redacted>', slotSetting: false },
      { name: 'WEBSITES_PORT', value: '8181', slotSetting: false },
      { name: 'WEBSITES_CONTAINER_START_TIME_LIMIT', value: '600', slotSetting: false },
    ]);
    expect(report.workerModel.declared?.workerModel?.command).toBe('gunicorn --bind=0.0.0.0 --timeout=120 --workers=4 --env DB_PASSWORD=<redacted> app:app');
    expect(report.source.files.find((file) => file.file === 'appsettings.json')?.used).toBe('app settings: 3 allow-listed (GUNICORN_CMD_ARGS, WEBSITES_PORT, WEBSITES_CONTAINER_START_TIME_LIMIT), 3 other(s) not read');
    expectClean('the report JSON', json);
    expectClean('the diagnosis', JSON.stringify({ data: diagnosis.data, declared: diagnosis.declared, assessment: diagnosis.assessment }));
    expectClean('the text report', formatText(report));
    expectClean('the markdown report', formatMarkdown(report));
    expectClean('the health check', JSON.stringify(await source.health()));

    const { signals, assessment } = diagnosis;
    const declaredFrame = buildDeclaredConfigFrame(declaredConfigRows(diagnosis.declared, signals), 'A');
    // The declared-config frame carries the allow-listed values (so its check below is not vacuous).
    expect(Object.fromEntries(declaredFrame.fields[0].values.map((setting, row) => [setting, [declaredFrame.fields[1].values[row], declaredFrame.fields[2].values[row]]]))).toMatchObject({
      workers: ['4', 'appCommandLine'],
      timeoutSec: ['120', 'appCommandLine'],
      startTimeLimitSec: ['600', 'WEBSITES_CONTAINER_START_TIME_LIMIT'],
    });
    const frames = [
      declaredFrame,
      ...buildSeriesFrames(signals, { refId: 'A', splitBy: 'path', metrics: [] }),
      buildClustersFrame(signals.clusters, 'A'),
      buildMarkersFrame(selectMarkers(signals, []), 'A'),
      buildWorkerModelFrame(signals.workerModel, 'A'),
      buildEndpointsFrame(signals.endpoints, 'A'),
      buildDivergencesFrame(signals.divergences, 'A'),
      buildVerdictsFrame(assessment, [], 'A'),
      buildScoresFrame(assessment, [], 'A'),
      buildWindowsFrame(assessment, [], 'A'),
      buildLogsFrame(diagnosis, { refId: 'A', table: 'console', search: '' }),
      buildLogsFrame(diagnosis, { refId: 'A', table: 'platform', search: '' }),
    ];
    expect(frames.length).toBeGreaterThan(10);
    for (const frame of frames) {
      expectClean(`frame ${frame.name}`, JSON.stringify(frame));
      expectClean(`encoded frame ${frame.name}`, Buffer.from(encodeFrame(frame)).toString('latin1'));
    }
  });

  it('the CLI prints the declared config in every format without a secret, and nothing logged carries one', async () => {
    for (const format of ['json', 'text', 'markdown']) {
      const run = await runInProcess(['diagnose', '--source', `files:${dir}`, '--format', format]);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(format === 'json' ? '"WEBSITES_PORT"' : 'declared: sync, 4 workers, timeout 120 s (appCommandLine');
      expectClean(`CLI --format ${format} stdout`, run.stdout);
      expectClean(`CLI --format ${format} stderr`, run.stderr);
    }
    expectClean('stdout/stderr/console during the test', written.join('\n'));
  });
});
