// One call from the three raw tables to Signals, for sources that hold raw rows (lab, files).
import { derive } from './derive/derive';
import { LogTable } from './model/input';
import { DeriveOptions, Signals } from './model/signals';
import { parseLogs } from './parse/parse-logs';
import { buildHttpTable } from './table/http-table-builder';

export interface RawTables {
  http?: LogTable[];
  console?: LogTable[];
  platform?: LogTable[];
}

export function analyzeTables(tables: RawTables, options: DeriveOptions = {}): Signals {
  const http = tables.http ? buildHttpTable(tables.http) : undefined;
  const logs = parseLogs({ console: tables.console, platform: tables.platform });
  return derive({ http, logs }, options);
}
