// The data frame model the backend hands to Grafana: the shape of grafana-plugin-sdk-go's
// data.Frame, kept free of Arrow so handlers build frames from plain values.

/** Column types; each maps to one Arrow type and one SDK FieldType. */
export type FieldType = 'time' | 'float64' | 'int64' | 'string' | 'bool' | 'json';

export interface FieldConfig {
  displayName?: string;
  displayNameFromDS?: string;
  description?: string;
  unit?: string;
  decimals?: number;
  min?: number;
  max?: number;
  noValue?: string;
  custom?: Record<string, unknown>;
  links?: Array<{ title?: string; url?: string; targetBlank?: boolean }>;
}

interface FieldCommon {
  name: string;
  labels?: Record<string, string>;
  config?: FieldConfig;
  /**
   * Whether the column may hold nulls. Set it to true for columns that can be empty in some
   * responses (a p95 over an empty bin) so the schema stays stable; left out, it is true
   * exactly when a null is present. False with a null present is an error.
   */
  nullable?: boolean;
}

export type Field =
  | (FieldCommon & { type: 'time'; values: ReadonlyArray<Date | number | null> }) // Date or epoch ms
  | (FieldCommon & { type: 'float64'; values: ReadonlyArray<number | null> })
  | (FieldCommon & { type: 'int64'; values: ReadonlyArray<number | bigint | null> })
  | (FieldCommon & { type: 'string'; values: ReadonlyArray<string | null> })
  | (FieldCommon & { type: 'bool'; values: ReadonlyArray<boolean | null> })
  | (FieldCommon & { type: 'json'; values: readonly unknown[] }); // null is an Arrow null

export type NoticeSeverity = 'info' | 'warning' | 'error';

export interface Notice {
  severity: NoticeSeverity;
  text: string;
  link?: string;
}

/** data.FrameMeta's JSON: only the keys this plugin uses. */
export interface FrameMeta {
  type?: 'timeseries-wide' | 'timeseries-long' | 'timeseries-multi' | 'table' | 'numeric-wide' | 'numeric-long';
  typeVersion?: [number, number];
  executedQueryString?: string;
  notices?: Notice[];
  preferredVisualisationType?: 'graph' | 'table' | 'logs' | 'trace' | 'nodeGraph' | 'flamegraph';
  custom?: Record<string, unknown>;
}

export interface Frame {
  name: string;
  refId?: string;
  meta?: FrameMeta;
  fields: Field[];
}
