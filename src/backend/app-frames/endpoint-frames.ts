// Per-path statistics and same-second fast-vs-slow pairs (the playbook's /diag/env vs /diag/stats).
import type { DivergencePair, EndpointStats } from '../../engine';
import { FRAME } from '../../shared/frame-contract';
import type { Frame } from '../frames/frame';

export function buildEndpointsFrame(endpoints: readonly EndpointStats[], refId: string): Frame {
  const latency = (key: 'p50' | 'p95' | 'p99' | 'max') => ({
    name: key,
    type: 'float64' as const,
    values: endpoints.map((e) => e[key]),
    nullable: true,
    config: { unit: 'ms' },
  });
  return {
    name: FRAME.endpoints,
    refId,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      { name: 'path', type: 'string', values: endpoints.map((e) => e.path) },
      { name: 'requests', type: 'float64', values: endpoints.map((e) => e.requests) },
      { name: 'err5xx', type: 'float64', values: endpoints.map((e) => e.err5xx) },
      { name: 'errPct', type: 'float64', values: endpoints.map((e) => e.errPct), config: { unit: 'percent', decimals: 1 } },
      { name: 's499', type: 'float64', values: endpoints.map((e) => e.s499) },
      { name: 'failPct', type: 'float64', values: endpoints.map((e) => e.failPct), config: { unit: 'percent', decimals: 1 } },
      latency('p50'),
      latency('p95'),
      latency('p99'),
      latency('max'),
    ],
  };
}

export function buildDivergencesFrame(pairs: readonly DivergencePair[], refId: string): Frame {
  return {
    name: FRAME.divergences,
    refId,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      { name: 'time', type: 'time', values: pairs.map((p) => p.second), nullable: false },
      { name: 'instance', type: 'string', values: pairs.map((p) => p.instance) },
      { name: 'fastPath', type: 'string', values: pairs.map((p) => p.fast.path) },
      { name: 'fastMs', type: 'float64', values: pairs.map((p) => p.fast.timeTaken), config: { unit: 'ms' } },
      { name: 'slowPath', type: 'string', values: pairs.map((p) => p.slow.path) },
      { name: 'slowMs', type: 'float64', values: pairs.map((p) => p.slow.timeTaken), config: { unit: 'ms' } },
      { name: 'ratio', type: 'float64', values: pairs.map((p) => p.ratio), config: { decimals: 0 } },
    ],
  };
}
