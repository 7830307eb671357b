// Every corpus lab with a captured site config (baseline/app-config.json), read whole by the files
// source: the report's worker model shows the declared class, workers and timeout from the command
// line beside what the logs show, and the CLI prints it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatText } from '../cli/format-text';
import { formatMarkdown } from '../cli/format-markdown';
import type { DiagnosisReport } from '../engine/report';
import { FilesSource } from '../sources/files/files-source';
import { diagnosisReport } from './diagnosis-report';
import { runDiagnosis } from './run-diagnosis';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/azure-labs');

type Status = 'agrees' | 'disagrees' | 'not-in-logs';
interface Expected {
  workerClass: string;
  workers: number;
  timeoutSec: number;
  /** What the command line leaves to Gunicorn's defaults. */
  defaults?: Array<'workers' | 'timeoutSec'>;
  /** Per setting, whether the logs show it: labs without Gunicorn console rows show nothing. */
  logs: Partial<Record<'workerClass' | 'workers' | 'timeoutSec', Status>>;
}

// The "Config that matters" column of the corpus README, and which labs have Gunicorn boot lines.
const booted = { workerClass: 'agrees', workers: 'agrees', timeoutSec: 'agrees' } as const;
const silent = { workerClass: 'not-in-logs', workers: 'not-in-logs', timeoutSec: 'not-in-logs' } as const;
const EXPECTED: Record<string, Expected> = {
  'intermittent-5xx': { workerClass: 'sync', workers: 2, timeoutSec: 30, logs: silent },
  'snat-exhaustion': { workerClass: 'sync', workers: 4, timeoutSec: 120, logs: booted },
  'memory-pressure': { workerClass: 'sync', workers: 4, timeoutSec: 120, logs: silent },
  'container-http-pings': { workerClass: 'sync', workers: 1, timeoutSec: 30, defaults: ['workers', 'timeoutSec'], logs: { workerClass: 'agrees', workers: 'agrees', timeoutSec: 'not-in-logs' } },
  'slot-swap-config-drift': { workerClass: 'sync', workers: 2, timeoutSec: 120, logs: booted },
  'slow-start-cold-start': { workerClass: 'sync', workers: 2, timeoutSec: 180, logs: silent },
  'deployment-succeeded-startup-failed': { workerClass: 'sync', workers: 1, timeoutSec: 120, defaults: ['workers'], logs: booted },
  'failed-to-forward-request': { workerClass: 'sync', workers: 2, timeoutSec: 120, logs: booted },
  'no-space-left-on-device': { workerClass: 'sync', workers: 2, timeoutSec: 120, logs: silent },
  'dns-vnet-resolution': { workerClass: 'sync', workers: 2, timeoutSec: 120, logs: booted },
};

const labs = fs.readdirSync(CORPUS).filter((lab) => fs.existsSync(path.join(CORPUS, lab, 'baseline', 'app-config.json')));

async function reportOf(folder: string): Promise<DiagnosisReport> {
  const source = new FilesSource(folder);
  return diagnosisReport(await runDiagnosis(source, { binMs: 60_000 }), source.describe());
}

describe('declared worker model on every corpus lab with a site config', () => {
  it('covers all ten labs', () => {
    expect(labs.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(labs)('%s: declared class, workers and timeout from the command line, and whether the logs agree', async (lab) => {
    const expected = EXPECTED[lab];
    const report = await reportOf(path.join(CORPUS, lab));
    const declared = report.workerModel.declared;
    expect(declared?.siteFrom).toBe(path.join('baseline', 'app-config.json'));
    expect(report.source.files.find((file) => file.file === path.join('baseline', 'app-config.json'))).toMatchObject({ format: 'arm-site-config', used: expect.stringContaining('appCommandLine') });
    const model = declared?.workerModel;
    expect([model?.workerClass.value, model?.workers?.value, model?.timeoutSec.value]).toEqual([expected.workerClass, expected.workers, expected.timeoutSec]);
    expect(model?.workers?.isDefault).toBe(expected.defaults?.includes('workers') ?? false);
    expect(model?.timeoutSec.from).toBe(expected.defaults?.includes('timeoutSec') ? 'Gunicorn default' : 'appCommandLine');
    const statuses = Object.fromEntries(report.workerModel.checks.filter((check) => check.setting !== 'threads').map((check) => [check.setting, check.status]));
    expect(statuses).toEqual(expected.logs);
    expect(report.workerModel.disagreements).toEqual([]);
    const text = formatText(report);
    const workers = `${expected.workers} worker${expected.workers === 1 ? '' : 's'}`;
    expect(text).toContain(`declared: ${expected.workerClass}, ${workers}, timeout ${expected.timeoutSec} s (`);
    expect(formatMarkdown(report)).toContain(`declared: ${expected.workerClass}, ${workers}, timeout ${expected.timeoutSec} s`);
  });

  it('prints the example lines: intermittent-5xx from appCommandLine, container-http-pings from Gunicorn defaults', async () => {
    expect(formatText(await reportOf(path.join(CORPUS, 'intermittent-5xx')))).toContain('  declared: sync, 2 workers, timeout 30 s (appCommandLine)\n');
    expect(formatText(await reportOf(path.join(CORPUS, 'container-http-pings')))).toContain('  declared: sync, 1 worker, timeout 30 s (Gunicorn defaults)\n');
  });

  describe('a config that the logs contradict', () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appsvc-declared-'));
      fs.cpSync(path.join(CORPUS, 'snat-exhaustion', 'trigger'), path.join(dir, 'trigger'), { recursive: true });
      const config = JSON.parse(fs.readFileSync(path.join(CORPUS, 'snat-exhaustion', 'baseline', 'app-config.json'), 'utf8'));
      fs.writeFileSync(path.join(dir, 'site.json'), JSON.stringify({ ...config, appCommandLine: 'gunicorn --bind=0.0.0.0 --timeout 30 --workers 2 app:app' }));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('flags 4 boot lines against 2 declared workers and kills at ~120 s against --timeout 30', async () => {
      const report = await reportOf(dir);
      const bySetting = Object.fromEntries(report.workerModel.disagreements.map((check) => [check.setting, check]));
      expect(Object.keys(bySetting).sort()).toEqual(['timeoutSec', 'workers']);
      expect(bySetting.workers.observed.map((item) => [item.value, item.kind])).toContainEqual([4, 'boot-lines']);
      expect(bySetting.timeoutSec.observed.map((item) => item.kind)).toContain('kill-timing');
      expect(bySetting.timeoutSec.observed.every((item) => typeof item.value === 'number' && item.value >= 115)).toBe(true);
      const text = formatText(report);
      expect(text).toContain('  declared: sync, 2 workers, timeout 30 s (appCommandLine; Gunicorn default worker class)\n');
      expect(text).toMatch(/logs disagree: declared 2 worker\(s\) \(appCommandLine\), but the logs show 4 worker\(s\)/);
      expect(text).toMatch(/logs disagree: declared --timeout 30 s \(appCommandLine\), but the logs show --timeout 1\d\d s/);
      // T1 holds the failures against the declared value and says so.
      const t1 = report.hypotheses.find((item) => item.id === 'T1');
      expect(t1?.evidence.find((item) => item.signal === 'timeout-below-platform-limit')?.observed).toBe('--timeout 30 s (appCommandLine in the site config)');
    });
  });
});
