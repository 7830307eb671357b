// Resources computed from the diagnosis of a range: the full report (the Investigate page), and the
// paths and instances seen (template variables, editors). `from`/`to` are epoch ms or ISO times;
// without them the source's whole data is used.
import { diagnosisReport } from '../../diagnosis/diagnosis-report';
import type { Diagnosis } from '../../diagnosis/run-diagnosis';
import type { TimeRange } from '../../engine';
import { diagnose } from '../analysis/diagnosis-cache';
import { sourceFor } from '../analysis/instance-source';
import type { AppInstance } from '../app-instance';
import { PluginRequestError, type ResourceRequest, type ResourceRoute } from '../protocol/plugin-types';
import { jsonResponse } from '../protocol/resource-router';
import { parseBin } from '../queries/parse-query';

const DEFAULT_BIN_MS = 60_000;

function epochParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    return undefined;
  }
  const value = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(value)) {
    throw new PluginRequestError(`"${name}" must be epoch milliseconds or an ISO time; got ${JSON.stringify(raw)}`, 400, 'downstream');
  }
  return value;
}

export function rangeOf(query: URLSearchParams): TimeRange | undefined {
  const from = epochParam(query, 'from');
  const to = epochParam(query, 'to');
  if (from === undefined && to === undefined) {
    return undefined;
  }
  if (from === undefined || to === undefined || !(to > from)) {
    throw new PluginRequestError('"from" and "to" must both be given, with to after from', 400, 'downstream');
  }
  return { from, to };
}

export async function diagnosisFor(request: ResourceRequest<AppInstance>): Promise<Diagnosis> {
  let binMs = DEFAULT_BIN_MS;
  try {
    binMs = parseBin(request.query.get('bin') ?? undefined) ?? DEFAULT_BIN_MS;
  } catch (error) {
    throw new PluginRequestError((error as Error).message, 400, 'downstream');
  }
  return diagnose(request.instance, { window: rangeOf(request.query), binMs, signal: request.signal });
}

export const diagnosisRoutes: Array<ResourceRoute<AppInstance>> = [
  {
    method: 'GET',
    path: '/report',
    handle: async (request) => jsonResponse(200, diagnosisReport(await diagnosisFor(request), sourceFor(request.instance).describe())),
  },
  {
    method: 'GET',
    path: '/paths',
    handle: async (request) => jsonResponse(200, (await diagnosisFor(request)).signals.endpoints.map((e) => e.path).sort()),
  },
  {
    method: 'GET',
    path: '/instances',
    handle: async (request) => jsonResponse(200, (await diagnosisFor(request)).signals.byInstance.map((s) => s.key).sort()),
  },
];
