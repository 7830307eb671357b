// App Service startup command lines → Gunicorn settings (workers, threads, timeout, worker class, bind).
// Seen as `Site's appCommandLine: …`, Oryx's `-userStartupCommand '…'`, `GUNICORN_CMD_ARGS=…`, or a bare `gunicorn …`.
import { GunicornSettings, StartupCommandSource } from '../model/events';

export interface StartupCommand {
  via: StartupCommandSource;
  command: string;
  settings: GunicornSettings;
}

/** Splits a shell-like command into words, honouring single and double quotes. */
export function splitCommandWords(command: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(command)) !== null) {
    words.push(match[1] ?? match[2] ?? match[3]);
  }
  return words;
}

type SettingName = 'workers' | 'threads' | 'timeoutSec' | 'workerClass' | 'bind';

const FLAGS: Record<string, SettingName> = {
  '--workers': 'workers',
  '-w': 'workers',
  '--threads': 'threads',
  '--timeout': 'timeoutSec',
  '-t': 'timeoutSec',
  '--worker-class': 'workerClass',
  '-k': 'workerClass',
  '--bind': 'bind',
  '-b': 'bind',
};

function applySetting(settings: GunicornSettings, name: SettingName, value: string): void {
  if (name === 'workerClass') {
    settings.workerClass = value;
  } else if (name === 'bind') {
    settings.bind = [...(settings.bind ?? []), value];
  } else {
    const number = Number(value);
    if (Number.isFinite(number) && number >= 0) {
      settings[name] = number;
    }
  }
}

/** Reads Gunicorn flags from argument words (`--timeout 30`, `--timeout=30`, `-t 30`, `-t30`). */
export function parseGunicornArguments(words: string[], isGunicorn: boolean): GunicornSettings {
  const settings: GunicornSettings = { isGunicorn };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const equals = word.indexOf('=');
    if (word.startsWith('--') && equals > 0) {
      const name = FLAGS[word.slice(0, equals)];
      if (name) {
        applySetting(settings, name, word.slice(equals + 1));
      }
      continue;
    }
    const name = FLAGS[word];
    if (name && i + 1 < words.length) {
      applySetting(settings, name, words[++i]);
      continue;
    }
    const short = /^(-[wtkb])(.+)$/.exec(word);
    if (short && FLAGS[short[1]]) {
      applySetting(settings, FLAGS[short[1]], short[2]);
    }
  }
  return settings;
}

function fromCommand(via: StartupCommandSource, command: string): StartupCommand {
  const words = splitCommandWords(command);
  const gunicornAt = words.findIndex((word) => /(^|\/)gunicorn$/.test(word));
  return { via, command, settings: parseGunicornArguments(gunicornAt >= 0 ? words.slice(gunicornAt + 1) : words, gunicornAt >= 0) };
}

/** Recognises a startup-command line in console output; undefined for any other line. */
export function parseStartupCommandLine(line: string): StartupCommand | undefined {
  const text = line.trim();
  const appCommandLine = /^Site's appCommandLine:\s*(.*)$/.exec(text);
  if (appCommandLine) {
    return fromCommand('appCommandLine', appCommandLine[1]);
  }
  const oryx = /-userStartupCommand\s+(?:'([^']*)'|"([^"]*)"|(\S+))/.exec(text);
  if (oryx) {
    return fromCommand('oryx-user-command', oryx[1] ?? oryx[2] ?? oryx[3]);
  }
  const cmdArgs = /\bGUNICORN_CMD_ARGS\s*[=:]\s*['"]?([^'"]*)['"]?\s*$/.exec(text);
  if (cmdArgs) {
    const settings = parseGunicornArguments(splitCommandWords(cmdArgs[1]), true);
    return { via: 'gunicorn-cmd-args', command: cmdArgs[1].trim(), settings };
  }
  if (/^(?:exec\s+)?(?:\S*\/)?gunicorn\s+-/.test(text)) {
    return fromCommand('command-line', text);
  }
  return undefined;
}
