// Public surface of the engine: pure TypeScript, no I/O. Everything others build on is exported here.
export * from './model/input';
export * from './model/issues';
export * from './model/http-table';
export * from './model/events';
export * from './model/series';
export * from './model/findings';
export * from './model/signals';
