// Public surface of the engine: pure TypeScript, no I/O. Everything others build on is exported here.
export * from './model/input';
export * from './model/issues';
export * from './model/http-table';
export * from './model/events';
export * from './model/series';
export * from './model/findings';
export * from './model/signals';
export * from './model/deployments';
export * from './model/metrics';

// Table model
export { HttpTableBuilder, buildHttpTable, UNKNOWN_INSTANCE } from './table/http-table-builder';
export type { HttpTableBuilderOptions } from './table/http-table-builder';
export { parseIsoTimestamp, toEpochMs } from './table/timestamp';

// Parse
export { parseLogs } from './parse/parse-logs';
export type { LogTables, ParsedLogs } from './parse/parse-logs';
export { splitGunicornPrefix, classifyGunicornMessage } from './parse/gunicorn-line';
export { parseStartupCommandLine, parseGunicornArguments } from './parse/startup-command';
export { classifyDependencyFailure, findNetworkTarget } from './parse/dependency';
export { parseMetricsResponse, looksLikeMetricsResponse, parseGrainMs } from './parse/metrics-response';

// Derive
export { derive, DEFAULT_MAX_SPLIT_KEYS } from './derive/derive';
export type { DeriveInput } from './derive/derive';
export { deriveFromBins } from './derive/from-bins';
export type { BinsInput } from './derive/from-bins';
export { nearestRank, percentileOfSorted } from './derive/percentile';
export { DEFAULT_BIN_MS } from './derive/window';
export { analyzeTables } from './analyze';
export type { RawTables } from './analyze';
