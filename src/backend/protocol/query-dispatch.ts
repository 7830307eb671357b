// Answers each query of a QueryData request on its own: one malformed or failing query gets
// an error response (status + error source) and the others are unaffected.
import { encodeFrame } from '../frames/arrow-frame-encoder';
import type { Logger } from './hclog';
import type { PluginMetrics } from './metrics';
import { PluginRequestError, type ErrorSource, type ParsedQuery, type QueryTypeHandler, type RequestContext } from './plugin-types';
import type { RawDataQuery } from './proto-convert';

export interface EncodedDataResponse {
  frames: Buffer[];
  error: string;
  status: number;
  errorSource: string;
}

function errorResponse(message: string, status: number, source: ErrorSource): EncodedDataResponse {
  return { frames: [], error: message, status, errorSource: source };
}

/** Parses the query JSON and resolves its type; throws PluginRequestError naming the query. */
export function parseQuery(raw: RawDataQuery, knownTypes: readonly string[]): ParsedQuery {
  const refId = raw.refId;
  let model: unknown;
  try {
    model = JSON.parse(Buffer.from(raw.json ?? []).toString('utf8') || '{}');
  } catch (error) {
    throw new PluginRequestError(`query ${refId}: the query JSON is malformed (${(error as Error).message})`, 400, 'downstream');
  }
  if (typeof model !== 'object' || model === null || Array.isArray(model)) {
    throw new PluginRequestError(`query ${refId}: the query JSON must be an object`, 400, 'downstream');
  }
  const record = model as Record<string, unknown>;
  const queryType = raw.queryType || (typeof record.queryType === 'string' ? record.queryType : '');
  if (!knownTypes.includes(queryType)) {
    const what = queryType ? `unknown queryType "${queryType}"` : 'no queryType';
    throw new PluginRequestError(`query ${refId}: ${what}; expected one of: ${knownTypes.join(', ')}`, 400, 'downstream');
  }
  return {
    refId,
    queryType,
    model: record,
    timeRange: { from: new Date(Number(raw.timeRange?.fromEpochMS ?? 0)), to: new Date(Number(raw.timeRange?.toEpochMS ?? 0)) },
    intervalMs: Number(raw.intervalMS),
    maxDataPoints: Number(raw.maxDataPoints),
  };
}

async function answerQuery<TInstance>(
  raw: RawDataQuery,
  handlers: Readonly<Record<string, QueryTypeHandler<TInstance>>>,
  context: RequestContext<TInstance>,
  metrics: PluginMetrics,
  logger: Logger
): Promise<EncodedDataResponse> {
  let queryType = raw.queryType || 'unknown';
  try {
    const query = parseQuery(raw, Object.keys(handlers));
    queryType = query.queryType;
    const frames = await handlers[query.queryType](query, context);
    const encoded = frames.map((frame) => Buffer.from(encodeFrame({ ...frame, refId: frame.refId ?? query.refId })));
    metrics.recordQuery(queryType, 'ok');
    return { frames: encoded, error: '', status: 200, errorSource: '' };
  } catch (error) {
    metrics.recordQuery(queryType, 'error');
    if (error instanceof PluginRequestError) {
      logger.debug('query refused', { refId: raw.refId, queryType, status: error.status, error: error.message });
      return errorResponse(error.message, error.status, error.source);
    }
    logger.error('query failed', { refId: raw.refId, queryType, error: (error as Error)?.message ?? String(error) });
    return errorResponse(`query ${raw.refId}: internal error in the plugin: ${(error as Error)?.message ?? String(error)}`, 500, 'plugin');
  }
}

export async function answerQueries<TInstance>(
  queries: readonly RawDataQuery[],
  handlers: Readonly<Record<string, QueryTypeHandler<TInstance>>>,
  context: RequestContext<TInstance>,
  metrics: PluginMetrics,
  logger: Logger
): Promise<Record<string, EncodedDataResponse>> {
  const answers = await Promise.all(queries.map((raw) => answerQuery(raw, handlers, context, metrics, logger)));
  const responses: Record<string, EncodedDataResponse> = {};
  queries.forEach((raw, index) => {
    responses[raw.refId] = answers[index];
  });
  return responses;
}

/** Every query of the request fails the same way (e.g. the data source settings are invalid). */
export function failAllQueries(queries: readonly RawDataQuery[], error: PluginRequestError): Record<string, EncodedDataResponse> {
  return Object.fromEntries(queries.map((raw) => [raw.refId, errorResponse(error.message, error.status, error.source)]));
}
