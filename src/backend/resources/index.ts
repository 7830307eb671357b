// The data source's resource routes (GET /api/datasources/uid/<uid>/resources/<path>).
// Add a route here: { method, path, handle } — the router answers 404/405 for the rest.
import type { AppInstance } from '../app-instance';
import type { ResourceRoute } from '../protocol/plugin-types';
import { jsonResponse } from '../protocol/resource-router';
import { diagnosisRoutes } from './diagnosis-routes';
import { listLabScenarios } from './lab-scenarios';

export const resourceRoutes: Array<ResourceRoute<AppInstance>> = [
  {
    method: 'GET',
    path: '/scenarios',
    handle: async (request) => jsonResponse(200, { scenarios: listLabScenarios(request.instance.recordingsRoot) }),
  },
  ...diagnosisRoutes,
];
