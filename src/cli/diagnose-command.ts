// `appsvc-triage diagnose`: options → source → diagnosis → report → the chosen format.
import { runDiagnosis } from '../diagnosis/run-diagnosis';
import { toEpochMs, type TimeRange } from '../engine';
import { diagnosisReport } from '../diagnosis/diagnosis-report';
import { DiagnosisReport } from '../engine/report';
import { openSource } from '../sources/open-source';
import { SourceInputError } from '../sources/source';
import { parseArguments, parseBin, parseChoice, parseIsoOption } from './arguments';
import { AzureQueryError } from '../sources/azure';
import { AUTH_KINDS, AuthChoice, azureSourceFactory } from './azure-source-factory';
import { AzureFailure, InputError } from './cli-error';
import { formatMarkdown } from './format-markdown';
import { formatText } from './format-text';

export const FORMATS = ['text', 'markdown', 'json'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface DiagnoseRequest {
  source: string;
  auth?: AuthChoice;
  window?: TimeRange;
  binMs: number;
  format: OutputFormat;
}

export function parseDiagnoseArguments(argv: string[]): DiagnoseRequest | 'help' {
  const parsed = parseArguments(argv, [
    { name: 'source' },
    { name: 'from' },
    { name: 'to' },
    { name: 'bin' },
    { name: 'format' },
    { name: 'auth' },
    { name: 'help', flag: true },
  ]);
  if (parsed.flags.has('help')) {
    return 'help';
  }
  if (parsed.positional.length > 0) {
    throw new InputError(`unexpected argument ${JSON.stringify(parsed.positional[0])} (options start with --)`);
  }
  const source = parsed.options.get('source');
  if (!source) {
    throw new InputError('--source is required: lab:<scenario>, files:<folder> or azure:<resource-id>');
  }
  const fromText = parsed.options.get('from');
  const toText = parsed.options.get('to');
  let window: TimeRange | undefined;
  if (fromText !== undefined || toText !== undefined) {
    if (fromText === undefined || toText === undefined) {
      throw new InputError('--from and --to go together: give both or neither');
    }
    window = { from: parseIsoOption('from', fromText), to: parseIsoOption('to', toText) };
    if (window.to <= window.from) {
      throw new InputError(`--to ${toText} must be after --from ${fromText}`);
    }
  }
  const auth = parsed.options.get('auth');
  return {
    source,
    auth: auth === undefined ? undefined : parseChoice('auth', auth, AUTH_KINDS),
    window,
    binMs: parseBin(parsed.options.get('bin') ?? '1m'),
    format: parseChoice('format', parsed.options.get('format') ?? 'text', FORMATS),
  };
}

/** First to last TimeGenerated / bin over every table, to tell the user where the data actually is. */
function dataSpan(tables: Array<{ table: { columns: Array<{ name: string }>; rows: unknown[][] } }>): TimeRange | undefined {
  let from = Infinity;
  let to = -Infinity;
  for (const { table } of tables) {
    const column = table.columns.findIndex((entry) => entry.name === 'TimeGenerated' || entry.name === 'bin');
    for (const row of column < 0 ? [] : table.rows) {
      const time = toEpochMs(row[column]);
      if (Number.isFinite(time)) {
        from = Math.min(from, time);
        to = Math.max(to, time);
      }
    }
  }
  return from <= to ? { from, to } : undefined;
}

function unusableFiles(report: DiagnosisReport): string {
  const unused = report.source.files.filter((file) => file.reason);
  return unused.length > 0 ? ` (${unused.length} file(s) unusable, e.g. ${unused[0].file}: ${unused[0].reason})` : '';
}

/** The report, or an InputError when there is nothing to diagnose. */
export async function diagnose(request: DiagnoseRequest): Promise<DiagnosisReport> {
  let diagnosis;
  try {
    const source = openSource(request.source, { azure: azureSourceFactory(process.env, request.auth) });
    diagnosis = await runDiagnosis(source, { window: request.window, binMs: request.binMs });
  } catch (error) {
    if (error instanceof SourceInputError || error instanceof RangeError) {
      throw new InputError(error.message);
    }
    if (error instanceof AzureQueryError) {
      throw new AzureFailure(`Azure Log Analytics query "${error.queryName}" failed (${error.kind}): ${error.message}`);
    }
    throw error;
  }
  const { data, signals } = diagnosis;
  const report = diagnosisReport(diagnosis, request.source);
  if (data.tables.every((table) => table.table.rows.length === 0)) {
    throw new InputError(`${request.source}: no usable rows${unusableFiles(report)}`);
  }
  if (signals.totals.requests === 0 && signals.events.length === 0) {
    const dataRange = data.span ?? dataSpan(data.tables);
    const span = dataRange ? ` (data spans ${new Date(dataRange.from).toISOString()} – ${new Date(dataRange.to).toISOString()})` : '';
    throw new InputError(`no HTTP requests or log lines between ${report.window.from} and ${report.window.to}${span}`);
  }
  return report;
}

export function render(report: DiagnosisReport, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'markdown':
      return formatMarkdown(report);
    case 'text':
      return formatText(report);
  }
}
