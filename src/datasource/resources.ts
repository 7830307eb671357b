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

/** `/paths` and `/instances` answer a bare JSON array of strings. */
async function fetchStrings(client: ResourceClient, route: 'paths' | 'instances'): Promise<string[]> {
  const answer = await client.getResource(route);
  if (!Array.isArray(answer)) {
    throw new Error(`/${route} answered ${typeof answer} instead of a list; is the backend the same version as the frontend?`);
  }
  return answer.filter((item): item is string => typeof item === 'string');
}

/** CsUriStem values seen in the data source's default range. */
export const fetchPaths = (client: ResourceClient) => fetchStrings(client, 'paths');
/** App Service instances (ComputerName) seen in the data source's default range. */
export const fetchInstances = (client: ResourceClient) => fetchStrings(client, 'instances');

export async function fetchScenarios(client: ResourceClient): Promise<ScenarioSummary[]> {
  const list = listIn('scenarios', await client.getResource('scenarios'), 'scenarios');
  return list.filter((item): item is ScenarioSummary => typeof (item as ScenarioSummary)?.scenario === 'string');
}
