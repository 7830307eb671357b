import { baseline } from './baseline';
import { c1CpuSaturation } from './c1CpuSaturation';
import { h1Exhaustion } from './h1Exhaustion';
import { h1TwoInstances } from './h1TwoInstances';
import { h2Dependency } from './h2Dependency';
import { h3Restart } from './h3Restart';
import { h4Outbound } from './h4Outbound';
import { m1Oom } from './m1Oom';
import { t1WorkerTimeout } from './t1WorkerTimeout';
import { ScenarioDefinition } from './types';

export const SCENARIOS: ScenarioDefinition[] = [
  baseline,
  h1Exhaustion,
  t1WorkerTimeout,
  h2Dependency,
  h3Restart,
  h4Outbound,
  m1Oom,
  h1TwoInstances,
  c1CpuSaturation,
];

export function findScenario(name: string): ScenarioDefinition {
  const found = SCENARIOS.find((s) => s.name === name);
  if (!found) {
    throw new Error(`unknown scenario "${name}"; known: ${SCENARIOS.map((s) => s.name).join(', ')}, all`);
  }
  return found;
}
