// Console or platform lines in the range as a logs frame, each with the event kind the parser gave it.
import { toEpochMs, type EngineEvent, type LogTable } from '../../engine';
import type { Diagnosis } from '../../diagnosis/run-diagnosis';
import { FRAME } from '../../shared/frame-contract';
import type { Frame } from '../frames/frame';

const MAX_LINES = 5000;

interface Line {
  time: number;
  body: string;
  severity: string;
  instance: string;
  kind: string;
}

function column(table: LogTable, name: string): number {
  return table.columns.findIndex((c) => c.name === name);
}

/** `[… +0000] [pid] [LEVEL] …` carries the real level; the table's Level says Error for all of stderr. */
function severityOf(text: string, tableLevel: unknown): string {
  const inLine = /^\[[^\]]+\] \[\d+\] \[([A-Z]+)\]/.exec(text)?.[1];
  return (inLine ?? String(tableLevel ?? 'info')).toLowerCase();
}

export function buildLogsFrame(diagnosis: Diagnosis, options: { refId: string; table: 'console' | 'platform'; search: string }): Frame {
  const { signals, data } = diagnosis;
  const kindByRow = new Map<number, string>();
  for (const event of signals.events as EngineEvent[]) {
    if (event.source.table === options.table) {
      kindByRow.set(event.source.row, event.kind);
    }
  }
  const needle = options.search.toLowerCase();
  const lines: Line[] = [];
  let row = 0;
  let truncated = false;
  for (const { table } of data.tables.filter((t) => t.kind === options.table)) {
    const [time, text, host, level] = ['TimeGenerated', options.table === 'console' ? 'ResultDescription' : 'Message', 'Host', 'Level'].map((n) => column(table, n));
    for (const values of table.rows) {
      const at = toEpochMs(values[time]);
      const body = String(values[text] ?? '');
      const index = row++;
      if (!(at >= signals.window.from && at < signals.window.to) || (needle && !body.toLowerCase().includes(needle))) {
        continue;
      }
      if (lines.length >= MAX_LINES) {
        truncated = true;
        continue;
      }
      lines.push({ time: at, body, severity: severityOf(body, values[level]), instance: host >= 0 ? String(values[host] ?? '') : '', kind: kindByRow.get(index) ?? '' });
    }
  }
  lines.sort((a, b) => a.time - b.time);
  return {
    name: FRAME.logs,
    refId: options.refId,
    meta: {
      preferredVisualisationType: 'logs',
      notices: truncated ? [{ severity: 'warning', text: `Only the first ${MAX_LINES} matching lines are shown; narrow the range or the search.` }] : undefined,
    },
    fields: [
      { name: 'time', type: 'time', values: lines.map((l) => l.time), nullable: false },
      { name: 'body', type: 'string', values: lines.map((l) => l.body) },
      { name: 'severity', type: 'string', values: lines.map((l) => l.severity) },
      { name: 'instance', type: 'string', values: lines.map((l) => l.instance) },
      { name: 'table', type: 'string', values: lines.map(() => options.table) },
      { name: 'kind', type: 'string', values: lines.map((l) => l.kind) },
    ],
  };
}
