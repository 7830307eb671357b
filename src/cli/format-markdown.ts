// Markdown for an incident document: summary table, per-hypothesis evidence tables, a per-bin table of
// the busy bins, the event timeline, and next checks as fenced blocks ready to copy.
import type { DiagnosisReport, ReportHypothesis } from '../engine/report';
import { metricsView } from './metrics-view';
import { actionable, binLabel, clock, EFFECT_MARK, percent, seconds, timelineEntries, timelineSlices } from './report-view';
import { sparkline } from './sparkline';
import { workerModelView } from './worker-model-view';

/** Table rows beyond this are left to the JSON report. */
const MAX_TABLE_ROWS = 60;

/** Table cells: pipes and newlines would break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function hypothesisSection(item: ReportHypothesis): string[] {
  const lines = [`### ${item.id} ${item.title}: ${item.verdict} (score ${item.score.toFixed(2)})`, '', item.summary, ''];
  lines.push('| | signal | observed | expected |', '|---|---|---|---|');
  for (const evidence of item.evidence) {
    lines.push(`| ${EFFECT_MARK[evidence.effect]} ${evidence.effect} | \`${evidence.signal}\` | ${cell(evidence.observed)} | ${cell(evidence.expectation)} |`);
  }
  return [...lines, ''];
}

function binTable(report: DiagnosisReport): string[] {
  const series = report.series;
  const busy = timelineSlices(report).flatMap((slice) => slice.bins).filter((index) => series.requests[index] > 0);
  const lines = [`## Per-bin figures (${binLabel(report.window.binMs)} bins with traffic)`, '', '| bin (UTC) | requests | 5xx | errPct | 499 | p95 | p99 |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const index of busy.slice(0, MAX_TABLE_ROWS)) {
    lines.push(
      `| ${clock(series.time[index])} | ${series.requests[index]} | ${series.err5xx[index]} | ${percent(series.errPct[index])} | ${series.s499[index]} | ${seconds(series.p95[index])} | ${seconds(series.p99[index])} |`
    );
  }
  if (busy.length > MAX_TABLE_ROWS) {
    lines.push('', `${busy.length - MAX_TABLE_ROWS} more bins in the JSON report.`);
  }
  return [...lines, ''];
}

/** Sparkline cells longer than this are cut (the JSON report has every point). */
const MAX_SPARK_CELLS = 90;

function metricsSection(report: DiagnosisReport): string[] {
  const view = metricsView(report);
  if (!view) {
    return [];
  }
  const bins = timelineSlices(report).flatMap((slice) => slice.bins);
  const lines = ['## Platform metrics', '', view.summary, '', '| metric | instance | mean | max | per bin |', '|---|---|---:|---:|---|'];
  for (const row of view.rows) {
    const points = bins.map((index) => row.series.points[index] ?? null);
    const spark = sparkline(points.slice(0, MAX_SPARK_CELLS)) + (points.length > MAX_SPARK_CELLS ? '…' : '');
    lines.push(`| ${row.metric} | ${cell(row.instance)} | ${row.mean} | ${row.max}${row.total === undefined ? '' : ` (total ${row.total})`} | \`${spark}\` |`);
  }
  if (view.scaleEvents.length > 0) {
    lines.push('', ...view.scaleEvents.map((line) => `- ${cell(line)}`));
  }
  if (view.issues.length > 0) {
    lines.push('', ...view.issues.map((issue) => `- not used: ${cell(issue)}`));
  }
  return [...lines, ''];
}

export function formatMarkdown(report: DiagnosisReport): string {
  const totals = report.totals;
  const lines = [
    `# 5xx triage: ${report.source.spec}`,
    '',
    `- **Window:** ${clock(report.window.from)} – ${clock(report.window.to)} UTC (bin ${binLabel(report.window.binMs)}, ${report.window.runs.length} run(s) of traffic)`,
    `- **Source:** ${report.source.description}`,
    `- **Totals:** ${totals.requests} requests, ${totals.err5xx} 5xx (${percent(totals.errPct)}), ${totals.s499} client aborts (499, not 5xx), ${totals.scmRequests} SCM/Kudu requests excluded`,
  ];
  for (const file of report.source.files.filter((entry) => entry.reason)) {
    lines.push(`- **Unused file:** \`${file.file}\`: ${cell(file.reason ?? '')}`);
  }
  lines.push('', '## Ranking', '', '| # | hypothesis | verdict | score |', '|---:|---|---|---:|');
  report.ranking.forEach((id, position) => {
    const item = report.hypotheses.find((entry) => entry.id === id);
    if (item) {
      lines.push(`| ${position + 1} | ${item.id} ${item.title} | ${item.verdict} | ${item.score.toFixed(2)} |`);
    }
  });
  const view = workerModelView(report);
  lines.push('', '## Worker model', '', `- **${cell(view.declared)}**`);
  lines.push(...view.notes.map((note) => `  - ${cell(note)}`));
  lines.push(...view.inferred.map((line) => `- ${cell(line)}`), ...view.disagreements.map((line) => `- ⚠ ${cell(line)}`));
  if (view.agreement) {
    lines.push(`- ${cell(view.agreement)}`);
  }
  lines.push('', ...metricsSection(report), '## Timeline', '');
  const { entries, hiddenBoots } = timelineEntries(report);
  for (const entry of entries.slice(0, MAX_TABLE_ROWS)) {
    lines.push(`- \`${clock(entry.time)}\` **${entry.what}**: ${entry.text}`);
  }
  if (entries.length === 0) {
    lines.push('No clusters or markers in the window.');
  }
  if (hiddenBoots > 0 || entries.length > MAX_TABLE_ROWS) {
    lines.push('', `(${hiddenBoots} worker boots not listed${entries.length > MAX_TABLE_ROWS ? `; ${entries.length - MAX_TABLE_ROWS} more entries in the JSON report` : ''}.)`);
  }
  lines.push('', ...binTable(report), '## Hypotheses', '');
  for (const id of report.ranking) {
    const item = report.hypotheses.find((entry) => entry.id === id);
    if (item) {
      lines.push(...hypothesisSection(item));
    }
  }
  lines.push('## Next checks', '');
  for (const item of actionable(report)) {
    lines.push(`### For ${item.id} ${item.title}`, '');
    for (const check of item.nextChecks) {
      const fence = check.kind === 'kql' ? 'kusto' : check.kind === 'az' ? 'sh' : '';
      lines.push(`**${check.title}**`, '', '```' + fence, check.text, '```', '');
    }
  }
  return lines.join('\n') + '\n';
}
