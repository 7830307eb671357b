// M1 — memory pressure / OOM kills (WORKER TIMEOUT guide): workers SIGKILLed with no WORKER TIMEOUT
// before them. Gunicorn prints "Perhaps out of memory?" on its OWN timeout kills too, so those do not count.
import { AssessContext } from './context';
import * as checks from './next-checks/playbook-queries';
import { HypothesisDefinition, met, noData, notMet, SignalRule } from './rule';
import { binRange, binsPointer, eventsOfKind } from './signal-math';
import { KillCause, Marker } from '../model/findings';

/** A restart within two minutes of an unexplained kill: the container went down with it. */
export const RESTART_AFTER_KILL_MS = 120_000;

interface JudgedKill {
  index: number;
  item: Marker;
  /** The marker's cause, or `oom-suspect` when a kill judged undecidable has its whole generation in view. */
  cause: KillCause | undefined;
}

/**
 * A kill is marked `unexplained` when the console history might be cut just before it. If the
 * start of that Gunicorn generation is in the data, every WORKER TIMEOUT of its workers would be too,
 * so a SIGKILL without one is a kill from outside Gunicorn: the OOM suspect.
 */
function kills(context: AssessContext): JudgedKill[] {
  const startedGenerations = new Set(
    eventsOfKind(context.events, 'gunicorn-starting', 'gunicorn-listening').map((event) => `${event.instance}|${event.generation}`)
  );
  const sigkills = new Set(
    eventsOfKind(context.events, 'worker-killed').filter((event) => event.signal === 9).map((event) => `${event.source.table}|${event.source.row}`)
  );
  return context.markers
    .filter((entry) => entry.item.kind === 'worker-kill')
    .map((entry) => {
      const marker = entry.item;
      const wholeGenerationSeen = marker.generation > 0 && startedGenerations.has(`${marker.instance}|${marker.generation}`);
      const isSigkill = sigkills.has(`${marker.source.table}|${marker.source.row}`);
      const cause = marker.cause === 'unexplained' && wholeGenerationSeen && isSigkill ? 'oom-suspect' : marker.cause;
      return { index: entry.index, item: marker, cause };
    });
}

const oomSuspectKills: SignalRule = {
  signal: 'kills-without-timeout',
  role: 'supporting',
  weight: 1.5,
  expectation: '"was sent SIGKILL! Perhaps out of memory?" with no WORKER TIMEOUT for the same pid just before',
  check(context) {
    if (!context.hasConsole) {
      return noData('no console rows in the window');
    }
    const all = kills(context);
    const suspects = all.filter((entry) => entry.cause === 'oom-suspect');
    const unexplained = all.filter((entry) => entry.cause === 'unexplained').length;
    const observed = `${suspects.length} of ${all.length} SIGKILL(s) without a prior WORKER TIMEOUT${unexplained > 0 ? `; ${unexplained} undecidable (history cut off)` : ''}`;
    return suspects.length > 0
      ? met(observed, {
          pieces: suspects.map((entry) => ({ from: entry.item.time, to: entry.item.time + 1 })),
          pointers: suspects.slice(0, 20).map((entry) => ({ kind: 'marker' as const, index: entry.index })),
        })
      : notMet(observed);
  },
};

const restartsAfterKills: SignalRule = {
  signal: 'restarts-after-kills',
  role: 'supporting',
  weight: 1,
  expectation: `a container or Gunicorn restart within ${RESTART_AFTER_KILL_MS / 60_000} min of such a kill`,
  check(context) {
    const suspects = kills(context).filter((entry) => entry.cause === 'oom-suspect');
    if (suspects.length === 0) {
      return notMet('no kill without a timeout');
    }
    const restarts = context.markers.filter(
      (entry) =>
        ['restart', 'container-stop', 'container-start'].includes(entry.item.kind) &&
        suspects.some((kill) => entry.item.time >= kill.item.time && entry.item.time <= kill.item.time + RESTART_AFTER_KILL_MS)
    );
    return restarts.length > 0
      ? met(`${restarts.length} restart(s) right after such kills`, { pointers: restarts.map((entry) => ({ kind: 'marker' as const, index: entry.index })) })
      : notMet('no restart followed those kills');
  },
};

const failuresAtKills: SignalRule = {
  signal: 'failures-at-kills',
  role: 'supporting',
  weight: 1,
  expectation: '5xx in the same bins as those kills: the requests the killed workers were serving',
  check(context) {
    const suspects = kills(context).filter((entry) => entry.cause === 'oom-suspect');
    if (suspects.length === 0) {
      return notMet('no kill without a timeout');
    }
    const killBins = new Set(suspects.map((entry) => Math.floor(entry.item.time / context.binMs) * context.binMs));
    const bins = context.failingBins.filter((index) => killBins.has(context.series.time[index]) && context.series.err5xx[index] > 0);
    const errors = bins.reduce((total, index) => total + context.series.err5xx[index], 0);
    const observed = `${errors} 5xx in ${bins.length} of ${killBins.size} bin(s) with such kills`;
    return errors > 0
      ? met(observed, { pieces: bins.map((index) => binRange(context, index)), pointers: binsPointer(context, bins) })
      : notMet(observed);
  },
};

const memoryMetric: SignalRule = {
  signal: 'memory-usage',
  role: 'supporting',
  weight: 1,
  expectation: 'plan MemoryPercentage or process memory high before the kills',
  check: () => noData('memory usage is not in App Service logs; it needs platform metrics (MemoryPercentage) or the Memory Usage detector'),
};

const killsExplainedByTimeouts: SignalRule = {
  signal: 'kills-explained-by-timeouts',
  role: 'weakening',
  weight: 1.5,
  expectation: 'every SIGKILL follows a WORKER TIMEOUT for the same pid (Gunicorn killed it, not the kernel)',
  check(context) {
    if (!context.hasConsole) {
      return noData('no console rows in the window');
    }
    const all = kills(context);
    if (all.length === 0) {
      return notMet('no SIGKILL lines');
    }
    const explained = all.filter((entry) => entry.cause === 'after-timeout');
    const suspects = all.filter((entry) => entry.cause === 'oom-suspect').length;
    const observed = `${explained.length} of ${all.length} SIGKILL(s) follow a WORKER TIMEOUT of the same pid`;
    return suspects === 0 && explained.length > 0
      ? met(observed, { strength: explained.length / all.length, pointers: explained.slice(0, 20).map((entry) => ({ kind: 'marker' as const, index: entry.index })) })
      : notMet(observed);
  },
};

export const m1MemoryKills: HypothesisDefinition = {
  id: 'M1',
  title: 'Memory pressure (OOM kills)',
  rules: [oomSuspectKills, failuresAtKills, restartsAfterKills, memoryMetric, killsExplainedByTimeouts],
  decisiveSignals: ['kills-without-timeout'],
  undecidedBecause: 'No worker was SIGKILLed without a WORKER TIMEOUT first, so nothing points at the kernel OOM killer.',
  explainsHttpFailures: false,
  nextChecks(context, app) {
    const scope = { window: context.window, binMs: context.binMs, app };
    return [
      checks.workerLines(scope),
      checks.azPlanMetrics(app, scope, ['MemoryPercentage']),
      { kind: 'portal', title: 'Per-process memory around the kills', text: 'Diagnose and solve problems → "Memory Usage" detector for this app, over the window above.' },
      {
        kind: 'config',
        title: 'Keep workers inside the memory they have',
        text: 'Fewer workers (or threads instead of processes), --max-requests with --max-requests-jitter to recycle leaking workers, or a plan with more memory.',
      },
    ];
  },
};
