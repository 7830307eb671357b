// Raw App Service log files (`*_default_docker.log`, `*_docker.log`) and Gunicorn error logs:
// one row per line, continuation lines (tracebacks) kept as rows of their own with the time of
// the line before, as App Service's console table does.

/** `2024-06-28T20:44:32.8354846Z <rest>`: the line App Service writes into docker logs. */
const DOCKER_PREFIX = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,7})?(?:Z|[+-]\d\d:?\d\d))\s(.*)$/;
/** `[2024-06-28 20:44:32 +0000] [74] [CRITICAL] …`: Gunicorn's own log line. */
const GUNICORN_PREFIX = /^\[(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:[.,](\d{1,6}))? ([+-]\d\d)(\d\d)\]/;
/** Lines the platform writes into `*_docker.log` (container lifecycle), not the app. */
const PLATFORM_WORDS =
  /\b(Starting container|Pulling image|Container .* (?:for site|didn't respond|has finished|is terminating|was terminated|initialized)|Site startup probe|Stopping site|Site started|ContainerTimeout|Initiating warmup|warm-?up request)/i;

export type RawLogKind = 'docker' | 'gunicorn';

export function rawLogKindOf(firstLines: readonly string[]): RawLogKind | undefined {
  const lines = firstLines.filter((l) => l.trim() !== '');
  if (lines.length === 0) {
    return undefined;
  }
  const share = (re: RegExp) => lines.filter((l) => re.test(l)).length / lines.length;
  if (share(DOCKER_PREFIX) >= 0.5) {
    return 'docker';
  }
  return share(GUNICORN_PREFIX) >= 0.3 ? 'gunicorn' : undefined;
}

/** Whether docker-log messages are platform lifecycle lines rather than the app's own output. */
export function looksLikePlatformLog(messages: readonly string[]): boolean {
  const nonEmpty = messages.filter((m) => m.trim() !== '');
  return nonEmpty.length > 0 && nonEmpty.filter((m) => PLATFORM_WORDS.test(m)).length / nonEmpty.length >= 0.3;
}

export interface RawLogRow {
  time: string;
  text: string;
}

/** Splits one line into its time and text; continuation lines inherit `previousTime`. */
export function splitRawLine(kind: RawLogKind, line: string, previousTime: string | undefined): RawLogRow | undefined {
  if (kind === 'docker') {
    const match = DOCKER_PREFIX.exec(line);
    if (match) {
      return { time: match[1], text: match[2] };
    }
  } else {
    const match = GUNICORN_PREFIX.exec(line);
    if (match) {
      const [, date, clock, fraction, offsetHours, offsetMinutes] = match;
      return { time: `${date}T${clock}${fraction ? '.' + fraction : ''}${offsetHours}:${offsetMinutes}`, text: line };
    }
  }
  return previousTime === undefined ? undefined : { time: previousTime, text: line };
}

/** App Service names log files `<date>_<instance>_default_docker.log`; the instance is the middle. */
export function instanceFromFileName(fileName: string): string | undefined {
  const match = /^\d{4}_\d\d_\d\d_([A-Za-z0-9-]+)_(?:default_)?docker\.log$/.exec(fileName);
  return match?.[1];
}
