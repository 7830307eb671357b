// Query types the backend answers, keyed by the query's queryType (DESIGN.md query model).
// Add one: queryTypeHandlers.series = async (query, context) => frames. Throw
// PluginRequestError(message, status, source) for errors the user should see.
import type { AppInstance } from '../app-instance';
import type { QueryTypeHandler } from '../protocol/plugin-types';

export const queryTypeHandlers: Record<string, QueryTypeHandler<AppInstance>> = {};
