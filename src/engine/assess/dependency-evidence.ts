// Console evidence of remote calls going wrong, shared by H2 (slow dependency) and H4 (outbound pressure).
import { DependencySignature, EngineEvent } from '../model/events';
import { AssessContext, PathFigures } from './context';
import { eventsOfKind } from './signal-math';

/** Signatures of a connection that could not be opened: the outbound-pressure family (H4). */
export const CONNECT_SIGNATURES: DependencySignature[] = ['connect-timeout', 'connection-refused', 'address-not-available'];

export function dependencyErrors(context: AssessContext, signatures?: DependencySignature[]) {
  return eventsOfKind(context.events, 'dependency-error').filter((event) => !signatures || signatures.includes(event.signature));
}

/** Tracebacks of workers that died (or were aborted) while waiting on a socket. */
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
