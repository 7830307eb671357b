// AppServicePlatformLogs `Message` text → what happened. Levels and `LastError` are sticky (trap 14),
// so a ContainerTimeout is reported once per distinct LastErrorTimestamp, not on every State line.
import { PlatformMessage } from '../model/events';

export type { PlatformMessage };

/** Fields of a `State: …, Action: …, LastError: …, LastErrorTimestamp: …, …` line. */
export interface PlatformState {
  state: string;
  action: string;
  lastError: string;
  lastErrorTimestamp: string;
  lastErrorDetails: string;
  details: string;
}

export function parseStateLine(message: string): PlatformState | undefined {
  const match = /^State: ([^,]*), Action: ([^,]*), LastError: ([^,]*), LastErrorTimestamp: ([^,]*),(?: LastErrorDetails: (.*?),)?(?: Details: (.*))?$/s.exec(message);
  if (!match) {
    return undefined;
  }
  return {
    state: match[1].trim(),
    action: match[2].trim(),
    lastError: match[3].trim(),
    lastErrorTimestamp: match[4].trim(),
    lastErrorDetails: (match[5] ?? '').trim(),
    details: (match[6] ?? '').trim(),
  };
}

/** `LastErrorTimestamp: 04/04/2026 05:26:28` (month first, UTC) → epoch ms. */
export function parseLastErrorTimestamp(text: string): number | undefined {
  const match = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match || match[3] === '0001') {
    return undefined;
  }
  const [month, day, year, hour, minute, second] = match.slice(1).map(Number);
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

function limitSeconds(text: string): number | undefined {
  const match = /time limit of (\d+)\s*s/i.exec(text);
  return match ? Number(match[1]) : undefined;
}

type Rule = [RegExp, (match: RegExpExecArray) => PlatformMessage];

const RULES: Rule[] = [
  [/^Container is starting\b/, () => ({ kind: 'container-starting' })],
  [/^Starting container: (\S+?)\.?$/, (m) => ({ kind: 'container-starting', container: m[1] })],
  [/^Container is running\b/, () => ({ kind: 'container-running' })],
  [/^Container is terminating\.(?: Grace period: (\d+) seconds)?/, (m) => ({ kind: 'container-terminating', graceSeconds: m[1] ? Number(m[1]) : undefined })],
  [/^Container is terminated\.(?: Total time elapsed: (\d+) ms)?/, (m) => ({ kind: 'container-terminated', elapsedMs: m[1] ? Number(m[1]) : undefined })],
  [/^Container has finished running with exit code: (-?\d+)/, (m) => ({ kind: 'container-exited', exitCode: Number(m[1]) })],
  [/^Site started\.?$/, () => ({ kind: 'site-started' })],
  [/^Site: (\S+) stopped\.?$/, (m) => ({ kind: 'site-stopped', site: m[1], scm: false })],
  [/^Kudu: (\S+) stopped\.?$/, (m) => ({ kind: 'site-stopped', site: m[1], scm: true })],
  [/^Failed to start (site|kudu)\b/i, (m) => ({ kind: 'site-start-failed', scm: m[1].toLowerCase() === 'kudu' })],
  // The platform's own typo "prohibitted" is the real text (trap 14).
  [/^Start site prohibitted because the site is being blocked/, () => ({ kind: 'site-blocked' })],
  [/^Site startup probe (succeeded|failed) after ([\d.]+) seconds/, (m) => ({ kind: 'startup-probe', ok: m[1] === 'succeeded', seconds: Number(m[2]) })],
  [/didn't respond to HTTP pings on port:? ?(\d+)?/, (m) => ({ kind: 'http-ping-failure', port: m[1] ? Number(m[1]) : undefined })],
  [/^Container .*did not start within expected time limit/, (m) => ({ kind: 'container-timeout', limitSeconds: limitSeconds(m.input), detail: m.input })],
  [/recycl/i, (m) => ({ kind: 'recycle', detail: m.input })],
];

/**
 * Tracks State lines across a table so sticky LastError values are reported only when they change.
 * One instance per (platform table, instance).
 */
export class PlatformMessageClassifier {
  private readonly seenErrors = new Set<string>();

  classify(message: string): PlatformMessage | undefined {
    const state = parseStateLine(message);
    if (state) {
      return this.classifyState(state);
    }
    for (const [pattern, build] of RULES) {
      const match = pattern.exec(message);
      if (match) {
        return build(match);
      }
    }
    return undefined;
  }

  private classifyState(state: PlatformState): PlatformMessage | undefined {
    if (state.lastError && state.lastError !== 'None') {
      const key = `${state.lastError}@${state.lastErrorTimestamp}`;
      if (!this.seenErrors.has(key)) {
        this.seenErrors.add(key);
        if (state.lastError === 'ContainerTimeout') {
          const detail = state.lastErrorDetails || state.details;
          return { kind: 'container-timeout', limitSeconds: limitSeconds(detail), detail, occurredAt: parseLastErrorTimestamp(state.lastErrorTimestamp) };
        }
        if (state.lastError === 'SiteStartupCancelled') {
          return { kind: 'site-startup-cancelled', detail: state.details || state.lastErrorDetails };
        }
      }
    }
    if (state.action === 'InitiatingSiteWarmUpProbe') {
      return { kind: 'warmup', detail: state.details };
    }
    if (state.action === 'CancellingStartup' && state.details.includes('terminated during site startup')) {
      const key = `cancel@${state.details}`;
      if (!this.seenErrors.has(key)) {
        this.seenErrors.add(key);
        return { kind: 'site-startup-cancelled', detail: state.details };
      }
    }
    return undefined;
  }
}
