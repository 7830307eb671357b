// Typed calls to the backend's resource routes (GET /api/datasources/uid/<uid>/resources/<path>).
// Each answer is checked, so a backend/frontend mismatch surfaces as a message naming the route.
import type { LabScenario } from '../backend/resources/lab-scenarios';

export interface ResourceClient {
  getResource(path: string, params?: Record<string, string | number>): Promise<unknown>;
}

export type ScenarioSummary = Pick<LabScenario, 'scenario' | 'description' | 'expectedRanking' | 'missingTables' | 'manifestProblem'>;

function listIn(route: string, answer: unknown, key: string): unknown[] {
  const list = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list)) {
    throw new Error(`/${route} answered without a "${key}" list; is the backend the same version as the frontend?`);
  }
  return list;
}

/** Epoch ms; the backend lists what it sees in this range (the whole source without one). */
export interface ResourceRange {
  from: number;
  to: number;
}

/** `/paths` and `/instances` answer a bare JSON array of strings. */
async function fetchStrings(client: ResourceClient, route: 'paths' | 'instances', range?: ResourceRange): Promise<string[]> {
  const answer = await client.getResource(route, range ? { from: Math.floor(range.from), to: Math.ceil(range.to) } : undefined);
  if (!Array.isArray(answer)) {
    throw new Error(`/${route} answered ${typeof answer} instead of a list; is the backend the same version as the frontend?`);
  }
  return answer.filter((item): item is string => typeof item === 'string');
}

/** CsUriStem values seen in the range. */
export const fetchPaths = (client: ResourceClient, range?: ResourceRange) => fetchStrings(client, 'paths', range);
/** App Service instances (ComputerName) seen in the range. */
export const fetchInstances = (client: ResourceClient, range?: ResourceRange) => fetchStrings(client, 'instances', range);

export async function fetchScenarios(client: ResourceClient): Promise<ScenarioSummary[]> {
  const list = listIn('scenarios', await client.getResource('scenarios'), 'scenarios');
  return list.filter((item): item is ScenarioSummary => typeof (item as ScenarioSummary)?.scenario === 'string');
}
