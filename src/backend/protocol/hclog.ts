// Logs as hclog JSON lines on stderr: go-plugin parses each line (@level, @message,
// @timestamp with microseconds) and re-emits it in Grafana's own log under the plugin's name.
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const LEVEL_ORDER: Record<LogLevel, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4 };

// Field names whose values are never written, whatever a caller passes.
const SECRET_FIELD = /secret|password|token|key|credential|authorization/i;

/** go-plugin parses @timestamp with Go layout 2006-01-02T15:04:05.000000Z07:00. */
export function hclogTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function formatLogLine(level: LogLevel, module: string, message: string, fields: LogFields, now: Date): string {
  const entry: Record<string, unknown> = {
    '@level': level,
    '@message': message,
    '@module': module,
    '@timestamp': hclogTimestamp(now),
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || key.startsWith('@')) {
      continue;
    }
    entry[key] = SECRET_FIELD.test(key) ? '[redacted]' : value;
  }
  return JSON.stringify(entry);
}

export function createLogger(
  module: string,
  minimumLevel: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
  clock: () => Date = () => new Date()
): Logger {
  const log = (level: LogLevel, message: string, fields: LogFields = {}): void => {
    if (LEVEL_ORDER[level] >= LEVEL_ORDER[minimumLevel]) {
      write(formatLogLine(level, module, message, fields, clock()));
    }
  };
  return {
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
  };
}
