// Every hypothesis the engine weighs, in the playbook's order. A new hypothesis is one new file here.
import { c1CpuSaturation } from './c1-cpu-saturation';
import { h1WorkerExhaustion } from './h1-worker-exhaustion';
import { h2DependencyCascade } from './h2-dependency-cascade';
import { h3RestartOverlap } from './h3-restart-overlap';
import { h4OutboundPressure } from './h4-outbound-pressure';
import { m1MemoryKills } from './m1-memory-kills';
import { HypothesisDefinition } from './rule';
import { t1TimeoutTooShort } from './t1-timeout-too-short';

export const HYPOTHESES: HypothesisDefinition[] = [
  h1WorkerExhaustion,
  h2DependencyCascade,
  h3RestartOverlap,
  h4OutboundPressure,
  t1TimeoutTooShort,
  m1MemoryKills,
  c1CpuSaturation,
];
