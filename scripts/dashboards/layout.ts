// Grid placement: panels given row by row (24 columns); ids follow reading order so they stay
// stable as long as the panel order does (alert rules link to panels by id).
import type { Panel } from './grafana-json';
import type { PanelSpec } from './panels';

export const GRID_COLUMNS = 24;

export function layout(rows: PanelSpec[][]): Panel[] {
  const panels: Panel[] = [];
  let y = 0;
  for (const row of rows) {
    const width = row.reduce((sum, spec) => sum + spec.w, 0);
    if (width > GRID_COLUMNS) {
      throw new Error(`row starting with "${row[0]?.title}" is ${width} columns wide; the grid has ${GRID_COLUMNS}`);
    }
    let x = 0;
    for (const { w, h, ...spec } of row) {
      panels.push({ id: panels.length + 1, gridPos: { h, w, x, y }, ...spec });
      x += w;
    }
    y += Math.max(0, ...row.map((spec) => spec.h));
  }
  return panels;
}
