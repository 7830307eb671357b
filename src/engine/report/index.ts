// Public surface of the report builder (CLI JSON output and the backend's /report resource).
export { buildReport, isoTime } from './build-report';
export type { ReportSourceInput } from './build-report';
export * from './report-types';
export { declaredConfigRows } from './declared-config-rows';
export type { DeclaredConfigRow, DeclaredConfigStatus } from './declared-config-rows';
