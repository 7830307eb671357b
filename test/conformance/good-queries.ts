// One valid query per registered query type, sent by both conformance hosts. Registering a
// query type in src/backend/queries without a query here fails the Node host.
export const LAB_DATASOURCE_JSON = { source: 'lab' };

export const GOOD_QUERIES: Record<string, Record<string, unknown>> = {};
