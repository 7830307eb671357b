// Console evidence of remote calls going wrong, shared by H2 (slow dependency) and H4 (outbound pressure).
import { DependencySignature, EngineEvent } from '../model/events';
import { AssessContext, PathFigures } from './context';
import { met, noData, notMet, SignalRule } from './rule';
import { eventsOfKind, formatPercent } from './signal-math';

/** Signatures of a connection that could not be opened: the outbound-pressure family (H4). */
export const CONNECT_SIGNATURES: DependencySignature[] = ['connect-timeout', 'connection-refused', 'address-not-available'];

/** Signatures of a remote that is slow, down or unreachable (H2). EADDRNOTAVAIL is the local side running out of ports: H4 only. */
export const REMOTE_SIGNATURES: DependencySignature[] = ['read-timeout', 'connect-timeout', 'timeout', 'connection-refused', 'connection-reset', 'dns-failure'];

export function dependencyErrors(context: AssessContext, signatures?: DependencySignature[]) {
  return eventsOfKind(context.events, 'dependency-error').filter((event) => !signatures || signatures.includes(event.signature));
}

/** Tracebacks of workers that were waiting on a socket when they died or gave up (any socket frame). */
export function stuckTracebacks(context: AssessContext, blockedIn?: Array<'connect' | 'tls-handshake' | 'read'>) {
  return eventsOfKind(context.events, 'traceback').filter(
    (event) => event.blockedIn !== undefined && (!blockedIn || blockedIn.includes(event.blockedIn))
  );
}

/** CsUriStem of a logged request path (`GET /outbound?calls=40` logs the query; HTTP logs keep only the stem). */
export function stemOf(path: string): string {
  const question = path.indexOf('?');
  return question >= 0 ? path.slice(0, question) : path;
}

/** Paths whose requests logged errors or were stuck on a remote call, from the request line before a traceback. */
/** Socket tracebacks that show WAITING: the worker was aborted mid-wait, or the call timed out (not an instant refusal). */
export function stalledTracebacks(context: AssessContext) {
  return stuckTracebacks(context).filter((event) => event.aborted || /time[ds]? ?out/i.test(event.exception));
}

export function troubledPaths(context: AssessContext): Set<string> {
  const paths = new Set<string>();
  for (const event of eventsOfKind(context.events, 'request-error')) {
    paths.add(stemOf(event.path));
  }
  for (const event of eventsOfKind(context.events, 'traceback')) {
    if (event.requestPath) {
      paths.add(stemOf(event.requestPath));
    }
  }
  return paths;
}

export interface PathSplit {
  inside: PathFigures[];
  outside: PathFigures[];
  insideFailures: number;
  outsideFailures: number;
  insideRate: number;
  outsideRate: number;
}

/**
 * Failure rates of the other paths counted only in the bins where the given paths failed: "failing
 * identically" is about the same moments, not the whole export (which may hold another run, trap 10).
 */
export function coTemporalRates(context: AssessContext, paths: Set<string>): { insideRate: number; outsideRate: number; outsideFailures: number; bins: number } {
  const inside = context.pathSeries.filter((keyed) => paths.has(keyed.key));
  const outside = context.pathSeries.filter((keyed) => !paths.has(keyed.key));
  const bins = context.failingBins.filter((index) => inside.some((keyed) => keyed.series.err5xx[index] + keyed.series.s499[index] > 0));
  const rate = (list: typeof inside) => {
    let requests = 0;
    let failures = 0;
    for (const keyed of list) {
      for (const index of bins) {
        requests += keyed.series.requests[index];
        failures += keyed.series.err5xx[index] + keyed.series.s499[index];
      }
    }
    return { requests, failures, rate: requests > 0 ? failures / requests : 0 };
  };
  const insideRate = rate(inside);
  const outsideRate = rate(outside);
  return { insideRate: insideRate.rate, outsideRate: outsideRate.rate, outsideFailures: outsideRate.failures, bins: bins.length };
}

export function splitPaths(context: AssessContext, paths: Set<string>): PathSplit {
  const inside = context.paths.filter((figures) => paths.has(figures.path));
  const outside = context.paths.filter((figures) => !paths.has(figures.path));
  const failuresOf = (list: PathFigures[]) => list.reduce((total, figures) => total + figures.failures, 0);
  const requestsOf = (list: PathFigures[]) => list.reduce((total, figures) => total + figures.requests, 0);
  const insideFailures = failuresOf(inside);
  const outsideFailures = failuresOf(outside);
  return {
    inside,
    outside,
    insideFailures,
    outsideFailures,
    insideRate: requestsOf(inside) > 0 ? insideFailures / requestsOf(inside) : 0,
    outsideRate: requestsOf(outside) > 0 ? outsideFailures / requestsOf(outside) : 0,
  };
}

export function timesOf(events: EngineEvent[]): Array<{ from: number; to: number }> {
  return events.map((event) => ({ from: event.time, to: event.time + 1 }));
}

/** Other paths failing at half the troubled paths' rate or more: the trouble is not path-specific. */
export const ALIKE_RATE_SHARE = 0.5;

/**
 * The playbook's weakening signal shared by H2 and H4: paths without the remote trouble fail just as
 * the troubled ones do, in the same bins. `kind` names the troubled paths (`dependency`, `outbound`).
 */
export function otherPathsFailAlike(signal: string, kind: string, withoutKind: string): SignalRule {
  return {
    signal,
    role: 'weakening',
    weight: 1,
    expectation: `paths without ${withoutKind} fail at ≥ ${ALIKE_RATE_SHARE * 100}% of the ${kind} paths' rate`,
    check(context) {
      const paths = troubledPaths(context);
      if (paths.size === 0) {
        return noData(`no ${kind} paths identified to compare against`);
      }
      const rates = coTemporalRates(context, paths);
      const observed = `in the ${rates.bins} bin(s) where ${kind} paths failed, other paths failed at ${formatPercent(100 * rates.outsideRate)} vs ${formatPercent(100 * rates.insideRate)}`;
      return rates.outsideFailures > 0 && rates.outsideRate >= ALIKE_RATE_SHARE * rates.insideRate ? met(observed) : notMet(observed);
    },
  };
}
