// The site's declared configuration beside what the logs show (`declared-config`): one row per
// setting with its status. Only DeclaredConfig's allow-listed values reach it.
import type { DeclaredConfigRow } from '../../engine/report/declared-config-rows';
import { FRAME } from '../../shared/frame-contract';
import type { Frame, Notice } from '../frames/frame';

export function buildDeclaredConfigFrame(rows: readonly DeclaredConfigRow[], refId: string, notices: Notice[] = []): Frame {
  return {
    name: FRAME.declaredConfig,
    refId,
    meta: { preferredVisualisationType: 'table', ...(notices.length ? { notices } : {}) },
    fields: [
      { name: 'setting', type: 'string', values: rows.map((row) => row.setting) },
      { name: 'declared', type: 'string', values: rows.map((row) => row.declared) },
      { name: 'from', type: 'string', values: rows.map((row) => row.from) },
      { name: 'observed', type: 'string', values: rows.map((row) => row.observed) },
      { name: 'status', type: 'string', values: rows.map((row) => row.status) },
    ],
  };
}
