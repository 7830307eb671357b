import { allowListedSettings, declaredConfigFrom, declaredWorkerModel, redactCommand } from '.';

const web = (appCommandLine: string, extra: Record<string, unknown> = {}) => ({ appCommandLine, linuxFxVersion: 'PYTHON|3.11', alwaysOn: false, healthCheckPath: null, numberOfWorkers: 1, ...extra });

describe('declaredConfigFrom', () => {
  it('reads workers, class and timeout from appCommandLine (intermittent-5xx)', () => {
    const config = declaredConfigFrom({ web: web('gunicorn --bind 0.0.0.0:8000 --workers 2 --worker-class sync --timeout 30 app:app'), webFrom: 'app-config.json', appSettings: [] });
    expect(config.site).toEqual({ appCommandLine: 'gunicorn --bind 0.0.0.0:8000 --workers 2 --worker-class sync --timeout 30 app:app', linuxFxVersion: 'PYTHON|3.11', alwaysOn: false, numberOfWorkers: 1 });
    expect(config.workerModel).toMatchObject({
      commandFrom: 'appCommandLine',
      workerClass: { value: 'sync', from: 'appCommandLine', isDefault: false },
      workers: { value: 2, from: 'appCommandLine', isDefault: false },
      threads: { value: 1, from: 'Gunicorn default', isDefault: true },
      timeoutSec: { value: 30, from: 'appCommandLine', isDefault: false },
      bind: { value: '0.0.0.0:8000' },
    });
  });

  it('marks Gunicorn defaults when the command sets nothing (container-http-pings)', () => {
    const model = declaredConfigFrom({ web: web('gunicorn --bind 0.0.0.0:8000 app:app') }).workerModel;
    expect(model).toMatchObject({
      workerClass: { value: 'sync', isDefault: true },
      workers: { value: 1, isDefault: true },
      timeoutSec: { value: 30, from: 'Gunicorn default', isDefault: true },
    });
  });

  it('reads the ARM envelope { properties } as well as the flattened object', () => {
    const config = declaredConfigFrom({ web: { id: '/subscriptions/x/config/web', properties: web('gunicorn -w 3 -t 90 app:app') } });
    expect(config.workerModel?.workers?.value).toBe(3);
    expect(config.workerModel?.timeoutSec.value).toBe(90);
  });

  it('lets the command line win over GUNICORN_CMD_ARGS and fills the rest from it', () => {
    const config = declaredConfigFrom({
      web: web('gunicorn --workers 2 app:app'),
      appSettings: [{ name: 'GUNICORN_CMD_ARGS', value: '--workers 8 --threads 4 --timeout=45', slotSetting: false }],
    });
    expect(config.workerModel).toMatchObject({
      workers: { value: 2, from: 'appCommandLine' },
      threads: { value: 4, from: 'GUNICORN_CMD_ARGS' },
      timeoutSec: { value: 45, from: 'GUNICORN_CMD_ARGS' },
      workerClass: { value: 'gthread', isDefault: false },
    });
  });

  it("uses App Service's default command (timeout 600) when appCommandLine is empty", () => {
    const config = declaredConfigFrom({
      web: web(''),
      appSettings: [
        { name: 'PYTHON_GUNICORN_CUSTOM_WORKER_NUM', value: '5', slotSetting: false },
        { name: 'PYTHON_GUNICORN_CUSTOM_THREAD_NUM', value: '2', slotSetting: false },
      ],
    });
    expect(config.workerModel).toMatchObject({
      commandFrom: 'App Service default command',
      timeoutSec: { value: 600, from: 'App Service default command', isDefault: true },
      workers: { value: 5, from: 'PYTHON_GUNICORN_CUSTOM_WORKER_NUM' },
      threads: { value: 2, from: 'PYTHON_GUNICORN_CUSTOM_THREAD_NUM' },
    });
  });

  it('leaves workers undeclared when App Service derives them from the core count', () => {
    const config = declaredConfigFrom({ web: web(''), appSettings: [{ name: 'PYTHON_ENABLE_GUNICORN_MULTIWORKERS', value: 'true', slotSetting: false }] });
    expect(config.workerModel?.workers).toBeUndefined();
    expect(config.workerModel?.notes.join(' ')).toMatch(/core count/);
  });

  it('declares no worker model for a script or a non-Python stack, and says why', () => {
    expect(declaredConfigFrom({ web: web('bash startup.sh') }).notes.join(' ')).toMatch(/does not run gunicorn directly/);
    expect(declaredConfigFrom({ web: web('', { linuxFxVersion: 'NODE|20-lts' }) }).notes.join(' ')).toMatch(/not a Python site/);
    expect(declaredConfigFrom({}).workerModel).toBeUndefined();
  });

  it('says when app settings were not read', () => {
    expect(declaredConfigFrom({ web: web('gunicorn app:app') })).toMatchObject({ appSettingsRead: false, notes: [expect.stringMatching(/app settings not read/)] });
    expect(declaredConfigFrom({ web: web('gunicorn app:app'), appSettings: [] }).appSettingsRead).toBe(true);
  });

  it('names bad fields instead of failing', () => {
    const config = declaredConfigFrom({ web: { appCommandLine: 42, alwaysOn: 'yes', numberOfWorkers: -1 }, webFrom: 'site.json' });
    expect(config.notes).toEqual(
      expect.arrayContaining(['site.json: appCommandLine is not a string', 'site.json: alwaysOn is not true or false', 'site.json: numberOfWorkers is not a whole number'])
    );
    expect(declaredConfigFrom({ web: [] }).notes).toContain('site web config: site web config is not a JSON object');
  });
});

describe('the app settings allow-list', () => {
  const list = [
    { name: 'DB_PASSWORD', value: 'hunter2', slotSetting: true },
    { name: 'AzureWebJobsStorage', value: 'DefaultEndpointsProtocol=https;AccountKey=c2VjcmV0', slotSetting: false },
    { name: 'WEBSITES_PORT', value: '8000', slotSetting: false },
    { name: 'GUNICORN_CMD_ARGS', value: '--timeout 60 --env API_KEY=s3cr3t', slotSetting: false },
  ];

  it('keeps only allow-listed names and never reads another value', () => {
    const read: string[] = [];
    const watched = list.map((item) => new Proxy(item, { get: (target, key) => (read.push(`${target.name}.${String(key)}`), Reflect.get(target, key)) }));
    const result = allowListedSettings(watched);
    expect(result.settings.map((item) => item.name)).toEqual(['WEBSITES_PORT', 'GUNICORN_CMD_ARGS']);
    expect(result.skipped).toBe(2);
    expect(read.filter((access) => access.endsWith('.value'))).toEqual(['WEBSITES_PORT.value', 'GUNICORN_CMD_ARGS.value']);
  });

  it('reads a name → value map (ARM listApplicationSettings) the same way', () => {
    const result = allowListedSettings({ DB_PASSWORD: 'hunter2', WEBSITES_CONTAINER_START_TIME_LIMIT: '600' });
    expect(result.settings).toEqual([{ name: 'WEBSITES_CONTAINER_START_TIME_LIMIT', value: '600', slotSetting: false }]);
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('drops environment values that Gunicorn flags put on a command line', () => {
    expect(redactCommand('gunicorn -e DB_PASSWORD=hunter2 --env=TOKEN="a b" --env X=1 app:app')).toBe('gunicorn -e DB_PASSWORD=<redacted> --env=TOKEN=<redacted> --env X=<redacted> app:app');
    const config = declaredConfigFrom({ web: web('gunicorn --env SECRET=hunter2 app:app'), appSettings: list });
    expect(JSON.stringify(config)).not.toMatch(/hunter2|s3cr3t|c2VjcmV0/);
    expect(config.workerModel?.timeoutSec).toMatchObject({ value: 60, from: 'GUNICORN_CMD_ARGS' });
  });

  it('reports malformed entries by position', () => {
    expect(allowListedSettings([null, { name: 'WEBSITES_PORT', value: 8000 }]).problems).toEqual(['item 0: not an object with a string "name"', 'item 1 (WEBSITES_PORT): value is not a string']);
    expect(allowListedSettings('x').problems[0]).toMatch(/neither a list/);
  });
});

describe('declaredWorkerModel', () => {
  it('reads -w/-t/-k short flags', () => {
    const model = declaredWorkerModel({ appCommandLine: '/usr/local/bin/gunicorn -w4 -t 120 -k gevent app:app' }, []);
    expect(model).toMatchObject({ workers: { value: 4 }, timeoutSec: { value: 120 }, workerClass: { value: 'gevent' } });
  });
});
