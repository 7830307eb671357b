// Parses `--name value` / `--name=value` options against a command's declared options; anything
// unknown, repeated or malformed is an InputError naming the option.
import { InputError } from './cli-error';

export interface OptionSpec {
  name: string;
  /** Flags take no value. */
  flag?: boolean;
}

export interface ParsedArguments {
  options: Map<string, string>;
  flags: Set<string>;
  positional: string[];
}

export function parseArguments(argv: string[], specs: OptionSpec[]): ParsedArguments {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const options = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index];
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const equals = word.indexOf('=');
    const name = equals > 0 ? word.slice(2, equals) : word.slice(2);
    const spec = byName.get(name);
    if (!spec) {
      throw new InputError(`unknown option --${name} (see --help)`);
    }
    if (spec.flag) {
      flags.add(name);
      continue;
    }
    const value = equals > 0 ? word.slice(equals + 1) : argv[++index];
    if (value === undefined || (equals < 0 && value.startsWith('--'))) {
      throw new InputError(`option --${name} needs a value`);
    }
    if (options.has(name)) {
      throw new InputError(`option --${name} given twice`);
    }
    options.set(name, value);
  }
  return { options, flags, positional };
}

const BIN_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };
/** Bins from one second (the log timestamps' useful precision) to one day. */
const MIN_BIN_MS = 1000;
const MAX_BIN_MS = 86_400_000;

export function parseBin(text: string): number {
  const match = /^(\d{1,6})(s|m|h)$/.exec(text.trim());
  const milliseconds = match ? Number(match[1]) * BIN_UNITS[match[2]] : NaN;
  if (!match || milliseconds < MIN_BIN_MS || milliseconds > MAX_BIN_MS) {
    throw new InputError(`--bin ${JSON.stringify(text)} is not a bin size: use a whole number of s, m or h between 1s and 24h (e.g. 30s, 1m, 5m)`);
  }
  return milliseconds;
}

const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseIsoOption(name: string, text: string): number {
  const time = ISO_PATTERN.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(time)) {
    throw new InputError(`--${name} ${JSON.stringify(text)} is not an ISO time with a zone, e.g. 2026-04-04T05:30:00Z`);
  }
  return time;
}

export function parseChoice<T extends string>(name: string, text: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(text)) {
    throw new InputError(`--${name} ${JSON.stringify(text)} must be one of ${choices.join(', ')}`);
  }
  return text as T;
}
