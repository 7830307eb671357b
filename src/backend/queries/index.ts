// Query types the backend answers, keyed by the query's queryType (DESIGN.md query model).
// Throw PluginRequestError(message, status, source) for errors the user should see.
export { appQueryHandlers as queryTypeHandlers } from './app-query-handlers';
