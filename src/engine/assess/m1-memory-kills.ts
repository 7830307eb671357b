// M1 — memory pressure / OOM kills (WORKER TIMEOUT guide): workers SIGKILLed with no WORKER TIMEOUT
// before them. Gunicorn prints "Perhaps out of memory?" on its OWN timeout kills too, so those do not count.
// With platform metrics, MemoryPercentage climbing (or near the limit) on the killed worker's instance in
// the minutes before the kill confirms it; without them that rule says "no data".
import { AssessContext } from './context';
import * as checks from './next-checks/playbook-queries';
import { HypothesisDefinition, met, noData, notMet, SignalRule } from './rule';
import { binRange, binsPointer, eventsOfKind, formatPercent, formatTime } from './signal-math';
import { KillCause, Marker } from '../model/findings';
import { BinnedMetric } from '../model/metrics';
import { metricSeries, missingMetric } from './metric-profile';

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

/** Five minutes before a kill: a leak or a big request builds up over minutes, not hours. */
export const MEMORY_LEAD_MS = 5 * 60_000;
/** Ten percentage points of the instance's memory gained before the kill: memory climbing, not noise. */
export const MEMORY_RISE_POINTS = 10;
/** A peak at or above 85% of the instance's memory: close enough to the limit for the kernel to kill. */
export const MEMORY_HIGH_PERCENT = 85;

/** The MemoryPercentage series of the kill's instance; a single-instance plan's series when the names differ. */
function memorySeriesFor(context: AssessContext, instance: string): BinnedMetric | undefined {
  const all = metricSeries(context, 'MemoryPercentage');
  const perInstance = all.filter((series) => series.instance !== '');
  return perInstance.find((series) => series.instance === instance) ?? (perInstance.length === 1 ? perInstance[0] : all.find((series) => series.instance === ''));
}

interface MemoryBeforeKill {
  kill: JudgedKill;
  series: BinnedMetric;
  /** Mean of the first lead bin with a value, and when that bin began. */
  start: { value: number; time: number };
  peak: number;
  climbing: boolean;
}

function memoryBeforeKill(context: AssessContext, kill: JudgedKill): MemoryBeforeKill | undefined {
  const series = memorySeriesFor(context, kill.item.instance);
  if (!series || context.series.time.length === 0) {
    return undefined;
  }
  const origin = context.series.time[0];
  const killBin = Math.min(Math.floor((kill.item.time - origin) / context.binMs), series.values.length - 1);
  const firstBin = Math.max(0, Math.floor((kill.item.time - MEMORY_LEAD_MS - origin) / context.binMs));
  let start: MemoryBeforeKill['start'] | undefined;
  let peak = -Infinity;
  for (let bin = firstBin; bin <= killBin; bin++) {
    const value = series.values[bin];
    if (value === null) {
      continue;
    }
    start ??= { value, time: origin + bin * context.binMs };
    peak = Math.max(peak, series.max[bin] ?? value);
  }
  if (!start) {
    return undefined;
  }
  return { kill, series, start, peak, climbing: peak - start.value >= MEMORY_RISE_POINTS || peak >= MEMORY_HIGH_PERCENT };
}

function describeMemory(found: MemoryBeforeKill): string {
  const { kill, series, start, peak } = found;
  const where = series.instance === kill.item.instance ? kill.item.instance : `${kill.item.instance || 'an instance'} (memory of ${series.instance || 'the plan'})`;
  return `worker ${kill.item.pid ?? '?'} on ${where} killed at ${formatTime(kill.item.time)}: MemoryPercentage mean ${formatPercent(start.value)} from ${formatTime(start.time)}, peak ${formatPercent(peak)} by the kill`;
}

const memoryClimbing: SignalRule = {
  signal: 'memory-climbing-before-kills',
  role: 'supporting',
  weight: 1,
  expectation: `MemoryPercentage on the killed worker's instance rises ≥ ${MEMORY_RISE_POINTS} points or peaks ≥ ${MEMORY_HIGH_PERCENT}% in the ${MEMORY_LEAD_MS / 60_000} min before the kills`,
  check(context) {
    const missing = missingMetric(context, 'MemoryPercentage');
    if (missing) {
      return noData(missing);
    }
    const suspects = kills(context).filter((entry) => entry.cause === 'oom-suspect');
    if (suspects.length === 0) {
      return notMet('no kill without a timeout');
    }
    const judged = suspects.map((kill) => memoryBeforeKill(context, kill)).filter((found): found is MemoryBeforeKill => found !== undefined);
    if (judged.length === 0) {
      return noData(`no MemoryPercentage point in the ${MEMORY_LEAD_MS / 60_000} min before any of ${suspects.length} kill(s) without a timeout`);
    }
    const climbing = judged.filter((found) => found.climbing);
    const shown = (climbing.length > 0 ? climbing : judged).slice(0, 3).map(describeMemory).join('; ');
    const observed = `memory climbing or high before ${climbing.length} of ${judged.length} kill(s) without a timeout: ${shown}`;
    return climbing.length > 0 && climbing.length * 2 >= judged.length
      ? met(observed, {
          strength: climbing.length / judged.length,
          pieces: climbing.map((found) => ({ from: found.start.time, to: found.kill.item.time + 1 })),
          pointers: climbing.slice(0, 20).map((found) => ({ kind: 'marker' as const, index: found.kill.index })),
        })
      : notMet(observed);
  },
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
  rules: [oomSuspectKills, failuresAtKills, restartsAfterKills, memoryClimbing, killsExplainedByTimeouts],
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
