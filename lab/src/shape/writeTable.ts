import { writeFileSync } from 'node:fs';
import { QueryResponse } from './table';

/** Writes a response as valid JSON with one row per line (small diffs, readable in review). */
export function writeQueryResponse(path: string, response: QueryResponse): number {
  const [table] = response.tables;
  const rows = table.rows.map((r) => JSON.stringify(r)).join(',\n');
  const text =
    `{"tables":[{"name":${JSON.stringify(table.name)},"columns":${JSON.stringify(table.columns)},"rows":[\n` +
    `${rows}\n]}]}\n`;
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}
