// The Gunicorn worker model the site's configuration declares: the startup command (appCommandLine,
// or App Service's default command when it is empty) plus GUNICORN_CMD_ARGS, with Gunicorn's own
// defaults for what neither sets. Each value says where it came from.
import { GunicornSettings } from '../model/events';
import { parseGunicornArguments, splitCommandWords } from '../parse/startup-command';
import { AppSetting, AllowedAppSetting } from './app-settings';
import { SiteWebConfig } from './site-web-config';

export interface DeclaredValue<T> {
  value: T;
  /** e.g. `appCommandLine`, `GUNICORN_CMD_ARGS`, `Gunicorn default`, `App Service default command`. */
  from: string;
  isDefault: boolean;
}

export interface DeclaredWorkerModel {
  /** The command that starts Gunicorn (env values redacted). */
  command: string;
  commandFrom: 'appCommandLine' | 'App Service default command';
  workerClass: DeclaredValue<string>;
  /** Absent when App Service picks it from the core count (PYTHON_ENABLE_GUNICORN_MULTIWORKERS). */
  workers?: DeclaredValue<number>;
  threads: DeclaredValue<number>;
  timeoutSec: DeclaredValue<number>;
  bind?: DeclaredValue<string>;
  notes: string[];
}

export const GUNICORN_DEFAULTS = { workerClass: 'sync', workers: 1, threads: 1, timeoutSec: 30 } as const;
/** App Service's built-in Python startup command runs Gunicorn with `--timeout 600`. */
export const APP_SERVICE_DEFAULT_TIMEOUT_SEC = 600;

type Layer<T> = { value: T | undefined; from: string; isDefault?: boolean };

function settingOf(settings: AppSetting[], name: AllowedAppSetting): string | undefined {
  const value = settings.find((setting) => setting.name === name)?.value;
  return value === undefined || value === '' ? undefined : value;
}

function positiveInteger(text: string | undefined): number | undefined {
  const number = text === undefined ? NaN : Number(text);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/** The first layer that sets a value: command line, then GUNICORN_CMD_ARGS (Gunicorn's own precedence), then platform and Gunicorn defaults. */
function pick<T>(...layers: Array<Layer<T>>): DeclaredValue<T> | undefined {
  const layer = layers.find((item) => item.value !== undefined);
  return layer ? { value: layer.value as T, from: layer.from, isDefault: layer.isDefault ?? false } : undefined;
}

interface StartCommand {
  settings: GunicornSettings;
  text: string;
  from: DeclaredWorkerModel['commandFrom'];
  /** What App Service's default command adds (timeout 600, custom worker/thread settings). */
  workers: Layer<number>;
  threads: Layer<number>;
  timeoutSec: Layer<number>;
  notes: string[];
}

function startCommand(web: SiteWebConfig, settings: AppSetting[]): StartCommand | string {
  const appCommandLine = web.appCommandLine ?? '';
  const none = { value: undefined, from: '' };
  if (appCommandLine !== '') {
    const words = splitCommandWords(appCommandLine);
    const gunicornAt = words.findIndex((word) => /(^|\/)gunicorn$/.test(word));
    if (gunicornAt < 0) {
      return `appCommandLine "${appCommandLine}" does not run gunicorn directly (a script?), so it declares no worker model`;
    }
    const parsed = parseGunicornArguments(words.slice(gunicornAt + 1), true);
    return { settings: parsed, text: appCommandLine, from: 'appCommandLine', workers: none, threads: none, timeoutSec: none, notes: [] };
  }
  if (web.linuxFxVersion !== undefined && !/^python\|/i.test(web.linuxFxVersion)) {
    return `empty appCommandLine on ${web.linuxFxVersion}: not a Python site, so no Gunicorn command is declared`;
  }
  const from = 'App Service default command';
  const customWorkers = positiveInteger(settingOf(settings, 'PYTHON_GUNICORN_CUSTOM_WORKER_NUM'));
  const customThreads = positiveInteger(settingOf(settings, 'PYTHON_GUNICORN_CUSTOM_THREAD_NUM'));
  const multi = settingOf(settings, 'PYTHON_ENABLE_GUNICORN_MULTIWORKERS')?.toLowerCase() === 'true';
  return {
    settings: { isGunicorn: true },
    text: `gunicorn --timeout ${APP_SERVICE_DEFAULT_TIMEOUT_SEC} … (App Service's built-in Python startup)`,
    from,
    workers: { value: customWorkers, from: 'PYTHON_GUNICORN_CUSTOM_WORKER_NUM' },
    threads: { value: customThreads, from: 'PYTHON_GUNICORN_CUSTOM_THREAD_NUM' },
    timeoutSec: { value: APP_SERVICE_DEFAULT_TIMEOUT_SEC, from, isDefault: true },
    notes:
      multi && customWorkers === undefined
        ? ['PYTHON_ENABLE_GUNICORN_MULTIWORKERS=true: App Service sets --workers from the core count (2 × cores + 1), which the configuration does not show']
        : [],
  };
}

export function declaredWorkerModel(web: SiteWebConfig, settings: AppSetting[]): DeclaredWorkerModel | string {
  const start = startCommand(web, settings);
  if (typeof start === 'string') {
    return start;
  }
  const envText = settingOf(settings, 'GUNICORN_CMD_ARGS');
  const env: GunicornSettings = envText === undefined ? { isGunicorn: true } : parseGunicornArguments(splitCommandWords(envText), true);
  const command = start.settings;
  const ENV = 'GUNICORN_CMD_ARGS';
  const byCore = start.notes.length > 0;
  const workers = pick(
    { value: command.workers, from: start.from },
    { value: env.workers, from: ENV },
    start.workers,
    { value: byCore ? undefined : GUNICORN_DEFAULTS.workers, from: 'Gunicorn default', isDefault: true }
  );
  const threads = pick({ value: command.threads, from: start.from }, { value: env.threads, from: ENV }, start.threads, { value: GUNICORN_DEFAULTS.threads, from: 'Gunicorn default', isDefault: true })!;
  const timeoutSec = pick({ value: command.timeoutSec, from: start.from }, { value: env.timeoutSec, from: ENV }, start.timeoutSec, {
    value: GUNICORN_DEFAULTS.timeoutSec,
    from: 'Gunicorn default',
    isDefault: true,
  })!;
  const configuredClass = pick<string>({ value: command.workerClass, from: start.from }, { value: env.workerClass, from: ENV }, { value: GUNICORN_DEFAULTS.workerClass, from: 'Gunicorn default', isDefault: true })!;
  // Gunicorn runs gthread when sync is asked for with more than one thread.
  const workerClass =
    configuredClass.value === 'sync' && threads.value > 1 ? { value: 'gthread', from: `${configuredClass.from} + ${threads.value} threads`, isDefault: false } : configuredClass;
  const bind = pick<string>({ value: command.bind?.join(', '), from: start.from }, { value: env.bind?.join(', '), from: ENV });
  return {
    command: start.text,
    commandFrom: start.from,
    workerClass,
    ...(workers ? { workers } : {}),
    threads,
    timeoutSec,
    ...(bind ? { bind } : {}),
    notes: start.notes,
  };
}
