// The subset of Grafana's dashboard JSON (schemaVersion 41) the generator writes. Kept loose where
// Grafana is loose (panel options), typed where a mistake would silently break a panel.
import type { AppSvcQuery } from '../../src/datasource/types/query';

export const SCHEMA_VERSION = 41;

export interface DataSourceRef {
  type: string;
  uid: string;
}

/** A panel or annotation query: one query of the data source's model plus its data source. */
export type Target = AppSvcQuery & { datasource: DataSourceRef };

export interface GridPos {
  h: number;
  w: number;
  x: number;
  y: number;
}

export interface FieldMatcher {
  id: 'byName' | 'byType' | 'byFrameRefID';
  options: string;
}

export interface FieldOverride {
  matcher: FieldMatcher;
  properties: Array<{ id: string; value: unknown }>;
}

export interface FieldConfig {
  defaults: Record<string, unknown>;
  overrides: FieldOverride[];
}

export interface Transformation {
  id: string;
  options: Record<string, unknown>;
}

export interface Panel {
  id: number;
  type: string;
  title: string;
  description: string;
  gridPos: GridPos;
  datasource: DataSourceRef;
  targets: Target[];
  fieldConfig: FieldConfig;
  options: Record<string, unknown>;
  transformations: Transformation[];
  /** Minimum interval: the lower bound of `bin: auto`. */
  interval?: string;
  maxDataPoints?: number;
}

export interface VariableOption {
  text: string | string[];
  value: string | string[];
}

export interface DataSourceVariable {
  type: 'datasource';
  name: string;
  label: string;
  query: string;
  regex: string;
  current: VariableOption;
  hide: 0;
  includeAll: false;
  multi: false;
  options: [];
  refresh: 1;
}

/**
 * The query model of a variable answered by the data source's `/paths` or `/instances` resource.
 * A type literal, not an interface: Grafana's schema stores variable queries as plain records.
 */
export type VariableQuery = {
  refId: string;
  resource: 'paths' | 'instances' | 'scenarios';
};

export interface QueryVariable {
  type: 'query';
  name: string;
  label: string;
  description: string;
  datasource: DataSourceRef;
  query: VariableQuery;
  definition: string;
  current: VariableOption;
  hide: 0;
  includeAll: true;
  allValue: string;
  multi: true;
  options: [];
  refresh: 2;
  regex: string;
  sort: 1;
}

export type Variable = DataSourceVariable | QueryVariable;

export interface AnnotationQuery {
  name: string;
  enable: boolean;
  hide: boolean;
  iconColor: string;
  datasource: DataSourceRef;
  target: Target;
}

export interface DashboardLink {
  type: 'dashboards';
  title: string;
  tags: string[];
  asDropdown: boolean;
  keepTime: true;
  includeVars: true;
  targetBlank: false;
  icon: 'external link';
  tooltip: string;
  url: '';
}

export interface Dashboard {
  uid: string;
  title: string;
  description: string;
  tags: string[];
  editable: boolean;
  fiscalYearStartMonth: 0;
  graphTooltip: 0 | 1 | 2;
  links: DashboardLink[];
  annotations: { list: AnnotationQuery[] };
  templating: { list: Variable[] };
  panels: Panel[];
  refresh: string;
  schemaVersion: number;
  time: { from: string; to: string };
  timepicker: Record<string, never>;
  timezone: string;
  version: number;
  weekStart: '';
}
