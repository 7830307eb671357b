// Public surface of the hypothesis assessment.
export { assess, rankHypotheses } from './assess';
export type { AssessOptions } from './assess';
export type { DataCoverage } from './context';
export { HYPOTHESES } from './catalogue';
export { identityFromHosts, identityFromResourceId } from './next-checks/app-identity';
export type { AppIdentity } from './next-checks/app-identity';
export * from './types';
