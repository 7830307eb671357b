// H4 — outbound connection (SNAT-like) pressure (playbook §6 H4): too many new outbound connections,
// seen as connect failures on the outbound-heavy paths. Only port metrics or EADDRNOTAVAIL/connect
// errors tell it apart from a merely slow remote (H2); logs of stalls alone cannot.
import { CONNECT_SIGNATURES, otherPathsFailAlike as otherPathsFailAlikeRule, dependencyErrors, splitPaths, stuckTracebacks, timesOf, troubledPaths } from './dependency-evidence';
import * as checks from './next-checks/playbook-queries';
import { restartsExplainBetter } from './platform-alignment';
import { HypothesisDefinition, met, noData, notMet, SignalRule } from './rule';
import { eventPointers, formatPercent, pathPointers, rampStrength } from './signal-math';

/** 60% of failures on the outbound-heavy paths: concentrated where connections are opened. */
export const OUTBOUND_PATH_SHARE = 0.6;
/** Failures in 80% of the bins with traffic, and traffic within ±25% of its mean: a flat, continuous failure. */
export const CONTINUOUS_BIN_SHARE = 0.8;
export const FLAT_TRAFFIC_VARIATION = 0.25;

const connectErrors: SignalRule = {
  signal: 'outbound-connect-errors',
  role: 'supporting',
  weight: 1,
  expectation: 'connect timeouts / socket errors on connect (refused, EADDRNOTAVAIL) in console output under peak parallelism',
  check(context) {
    if (!context.hasConsole) {
      return noData('no console rows in the window');
    }
    const errors = dependencyErrors(context, CONNECT_SIGNATURES);
    return errors.length > 0
      ? met(`${errors.length} connect failure line(s)`, { strength: rampStrength(errors.length, 1, 10), pieces: timesOf(errors), pointers: eventPointers(errors) })
      : notMet('no connect timeout, refused or EADDRNOTAVAIL lines');
  },
};

const addressNotAvailable: SignalRule = {
  signal: 'address-not-available',
  role: 'supporting',
  weight: 1.5,
  expectation: 'EADDRNOTAVAIL / "Cannot assign requested address": no local port left for a new connection',
  check(context) {
    if (!context.hasConsole) {
      return noData('no console rows in the window');
    }
    const errors = dependencyErrors(context, ['address-not-available']);
    return errors.length > 0
      ? met(`${errors.length} EADDRNOTAVAIL line(s)`, { pieces: timesOf(errors), pointers: eventPointers(errors) })
      : notMet('no EADDRNOTAVAIL lines');
  },
};

const snatPortMetric: SignalRule = {
  signal: 'snat-port-usage',
  role: 'supporting',
  weight: 1.5,
  expectation: 'SNAT port exhaustion detector / outbound port metric high during the incident',
  check: () => noData('SNAT port usage is not in App Service logs; it needs the "SNAT Port Exhaustion" detector (Diagnose and solve problems)'),
};

const workersStuckConnecting: SignalRule = {
  signal: 'workers-stuck-opening-connections',
  role: 'supporting',
  weight: 0.5,
  expectation: 'workers killed while opening connections (socket connect / TLS handshake)',
  check(context) {
    if (!context.hasConsole) {
      return noData('no console rows in the window');
    }
    const stuck = stuckTracebacks(context, ['connect', 'tls-handshake']);
    return stuck.length > 0
      ? met(`${stuck.length} traceback(s) blocked opening a connection`, { pieces: timesOf(stuck), pointers: eventPointers(stuck) })
      : notMet('no traceback blocked in connect or TLS handshake');
  },
};

const failuresOnOutboundPaths: SignalRule = {
  signal: 'failures-on-outbound-paths',
  role: 'supporting',
  weight: 1,
  expectation: `≥ ${OUTBOUND_PATH_SHARE * 100}% of failures on the paths making outbound calls`,
  check(context) {
    const paths = troubledPaths(context);
    if (paths.size === 0) {
      return context.hasConsole ? notMet('no request named in an outbound error or traceback') : noData('no console rows to name outbound paths');
    }
    const split = splitPaths(context, paths);
    const total = split.insideFailures + split.outsideFailures;
    const share = total > 0 ? split.insideFailures / total : 0;
    const observed = `${split.insideFailures} of ${total} failures on ${[...paths].join(', ')}`;
    return share >= OUTBOUND_PATH_SHARE ? met(observed, { strength: share, pointers: pathPointers(split.inside) }) : notMet(observed);
  },
};

const otherPathsFailAlike = otherPathsFailAlikeRule('non-outbound-paths-fail-alike', 'outbound', 'outbound calls');

const noOutboundSignatures: SignalRule = {
  signal: 'no-outbound-signatures',
  role: 'weakening',
  weight: 1,
  expectation: 'console output present during failures with no connect/socket error at all',
  check(context) {
    if (!context.hasConsole) {
      return noData('no console rows in the window: absence of socket errors proves nothing');
    }
    const signatures = dependencyErrors(context, CONNECT_SIGNATURES).length + stuckTracebacks(context, ['connect', 'tls-handshake']).length;
    return signatures === 0 && context.failures > 0 ? met('console rows present, no outbound connect signature') : notMet(`${signatures} outbound connect signature(s)`);
  },
};

const flatContinuousFailures: SignalRule = {
  signal: 'flat-traffic-continuous-failures',
  role: 'weakening',
  weight: 1,
  expectation: `failures in ≥ ${CONTINUOUS_BIN_SHARE * 100}% of busy bins while traffic stays flat (no bursts)`,
  check(context) {
    const busy: number[] = [];
    for (let index = context.firstBin; index < context.endBin; index++) {
      if (context.series.requests[index] > 0) {
        busy.push(context.series.requests[index]);
      }
    }
    if (busy.length < 3 || context.failures === 0) {
      return notMet('too few busy bins or no failures');
    }
    const mean = busy.reduce((total, value) => total + value, 0) / busy.length;
    const deviation = Math.sqrt(busy.reduce((total, value) => total + (value - mean) ** 2, 0) / busy.length) / mean;
    const share = context.failingBins.length / busy.length;
    const observed = `failures in ${formatPercent(100 * share)} of busy bins; traffic varies ±${formatPercent(100 * deviation)}`;
    return share >= CONTINUOUS_BIN_SHARE && deviation <= FLAT_TRAFFIC_VARIATION ? met(observed) : notMet(observed);
  },
};

export const h4OutboundPressure: HypothesisDefinition = {
  id: 'H4',
  title: 'Outbound connection (SNAT-like) pressure',
  rules: [connectErrors, addressNotAvailable, snatPortMetric, workersStuckConnecting, failuresOnOutboundPaths, otherPathsFailAlike, noOutboundSignatures, flatContinuousFailures, restartsExplainBetter],
  decisiveSignals: ['outbound-connect-errors', 'address-not-available', 'snat-port-usage'],
  undecidedBecause:
    'Without a SNAT port metric or EADDRNOTAVAIL / connect-timeout errors, outbound port pressure cannot be told apart from a slow remote (H2) with these logs.',
  explainsHttpFailures: true,
  nextChecks(context, app) {
    const scope = { window: context.window, binMs: context.binMs, app };
    return [
      checks.outboundErrorLines(scope),
      checks.endpointStatusConcentration(scope),
      { kind: 'portal', title: 'Outbound port usage during the window', text: 'Diagnose and solve problems → "SNAT Port Exhaustion" detector for this app, over the window above.' },
      {
        kind: 'config',
        title: 'Reuse outbound connections instead of opening one per call',
        text: 'Use one pooled client per process (requests.Session / urllib3 PoolManager / httpx.Client with keep-alive), cap fan-out concurrency, and prefer private endpoints or a NAT gateway for heavy outbound traffic.',
      },
    ];
  },
};
