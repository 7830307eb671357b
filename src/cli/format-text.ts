// Terminal output for an incident: ranking first, then per-run sparklines, the event timeline,
// the evidence per hypothesis and the next checks to run.
import type { DiagnosisReport } from '../engine/report';
import { metricsView, metricValue, SPARKLINE_METRICS, sparklineLabel } from './metrics-view';
import { actionable, binLabel, clock, EFFECT_MARK, percent, seconds, timelineEntries, timelineSlices, VERDICT_MARK } from './report-view';
import { sparkline } from './sparkline';
import { workerModelView } from './worker-model-view';

/** Sparklines wrap at this many bins so they fit an 80-column terminal. */
const SPARK_WIDTH = 60;
/** Timeline lines shown before the rest is left to --format json. */
const MAX_EVENTS = 40;

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') {
    lines.push(indent + line);
  }
  return lines;
}

function header(report: DiagnosisReport): string[] {
  const totals = report.totals;
  const unused = report.source.files.filter((file) => file.reason);
  const lines = [
    `appsvc-triage diagnose ${report.source.spec}`,
    `  window   ${clock(report.window.from)} – ${clock(report.window.to)} UTC, bin ${binLabel(report.window.binMs)}, ${report.window.runs.length} run(s) of traffic`,
    `  source   ${report.source.description}`,
    `  totals   ${totals.requests} requests · 5xx ${totals.err5xx} (${percent(totals.errPct)}) · 499 ${totals.s499} · ${totals.scmRequests} SCM/Kudu excluded`,
  ];
  for (const file of unused) {
    lines.push(`  unused   ${file.file}: ${file.reason}`);
  }
  for (const warning of report.source.warnings.filter((item) => !unused.some((file) => file.file === item.where))) {
    lines.push(`  warning  ${warning.where}: ${warning.message}`);
  }
  return lines;
}

function ranking(report: DiagnosisReport): string[] {
  const lines = ['', 'RANKING (most likely first)'];
  report.ranking.forEach((id, position) => {
    const item = report.hypotheses.find((entry) => entry.id === id);
    if (item) {
      const bar = '█'.repeat(Math.round(item.score * 10)).padEnd(10, '░');
      lines.push(`  ${position + 1}. ${VERDICT_MARK[item.verdict]} ${item.id} ${item.title.padEnd(42)} ${item.verdict.padEnd(12)} ${item.score.toFixed(2)} ${bar}`);
    }
  });
  return lines;
}

function workerModel(report: DiagnosisReport): string[] {
  const view = workerModelView(report);
  const lines = ['', 'WORKER MODEL', `  ${view.declared}`];
  for (const note of view.notes) {
    lines.push(...wrap(note, 96, '      '));
  }
  lines.push(...view.inferred.map((line) => `  ${line}`));
  for (const line of view.disagreements) {
    lines.push(...wrap(line, 96, '  '));
  }
  if (view.agreement) {
    lines.push(`  ${view.agreement}`);
  }
  return lines;
}

function platformMetrics(report: DiagnosisReport): string[] {
  const view = metricsView(report);
  if (!view) {
    return [];
  }
  const lines = ['', 'PLATFORM METRICS', `  ${view.summary}`];
  const nameWidth = Math.max(...view.rows.map((row) => row.metric.length));
  const instanceWidth = Math.max(...view.rows.map((row) => row.instance.length));
  for (const row of view.rows) {
    const total = row.total === undefined ? '' : `  total ${row.total}`;
    lines.push(`  ${row.metric.padEnd(nameWidth)}  ${row.instance.padEnd(instanceWidth)}  mean ${row.mean.padStart(8)}  max ${row.max.padStart(8)}${total}`);
  }
  lines.push(...view.scaleEvents.map((line) => `  ${line}`));
  for (const issue of view.issues) {
    lines.push(...wrap(`not used: ${issue}`, 96, '  '));
  }
  return lines;
}

function timelines(report: DiagnosisReport): string[] {
  const lines: string[] = [];
  const series = report.series;
  const plan = (report.metrics?.perMetric ?? []).filter((item) => SPARKLINE_METRICS.has(item.name));
  const width = Math.max(8, ...plan.map((item) => sparklineLabel(item).length));
  for (const slice of timelineSlices(report)) {
    lines.push('', `TIMELINE ${clock(slice.from)} – ${clock(slice.to)} (${slice.requests} requests, one mark per ${binLabel(report.window.binMs)})`);
    for (let start = 0; start < slice.bins.length; start += SPARK_WIDTH) {
      const bins = slice.bins.slice(start, start + SPARK_WIDTH);
      const pick = (values: Array<number | null>) => bins.map((index) => values[index]);
      const max = (values: Array<number | null>) => Math.max(0, ...pick(values).map((value) => value ?? 0));
      lines.push(`  from ${clock(series.time[bins[0]])}`);
      const label = (text: string) => `  ${text.padEnd(width)} `;
      lines.push(`${label('requests')}${sparkline(pick(series.requests))}  max ${max(series.requests)}`);
      lines.push(`${label('errPct')}${sparkline(pick(series.errPct))}  max ${percent(max(series.errPct))}`);
      lines.push(`${label('499')}${sparkline(pick(series.s499))}  max ${max(series.s499)}`);
      lines.push(`${label('p95')}${sparkline(pick(series.p95))}  max ${seconds(max(series.p95))}`);
      for (const item of plan) {
        lines.push(`${label(sparklineLabel(item))}${sparkline(pick(item.points))}  max ${metricValue(max(item.points), item.unit)}`);
      }
    }
  }
  return lines;
}

function events(report: DiagnosisReport): string[] {
  const { entries, hiddenBoots } = timelineEntries(report);
  const lines = ['', `CLUSTERS AND MARKERS (time order${hiddenBoots > 0 ? `; ${hiddenBoots} worker boots not listed` : ''})`];
  if (entries.length === 0) {
    lines.push('  none');
  }
  for (const entry of entries.slice(0, MAX_EVENTS)) {
    lines.push(`  ${clock(entry.time)}  ${entry.what.padEnd(26)} ${entry.text}`);
  }
  if (entries.length > MAX_EVENTS) {
    lines.push(`  … ${entries.length - MAX_EVENTS} more in --format json`);
  }
  return lines;
}

function hypotheses(report: DiagnosisReport): string[] {
  const lines = ['', 'HYPOTHESES   (+ supports  − weakens  · checked, not seen  ? no data)'];
  for (const id of report.ranking) {
    const item = report.hypotheses.find((entry) => entry.id === id);
    if (!item) {
      continue;
    }
    lines.push('', `${item.id} ${item.title} — ${item.verdict}, score ${item.score.toFixed(2)}`);
    for (const window of item.windows.slice(0, 3)) {
      lines.push(`    window ${clock(window.from)} – ${clock(window.to)} (${window.signals.join(', ')})`);
    }
    for (const evidence of item.evidence) {
      lines.push(...wrap(`${EFFECT_MARK[evidence.effect]} ${evidence.signal}: ${evidence.observed}`, 96, '    '));
    }
  }
  return lines;
}

function nextChecks(report: DiagnosisReport): string[] {
  const lines = ['', 'NEXT CHECKS'];
  for (const item of actionable(report)) {
    lines.push('', `For ${item.id} ${item.title}:`);
    for (const check of item.nextChecks) {
      lines.push(`  [${check.kind}] ${check.title}`);
      lines.push(...check.text.split('\n').map((line) => `      ${line}`));
    }
  }
  if (lines.length === 2) {
    lines.push('  Nothing stands out: no hypothesis has support in this window.');
  }
  return lines;
}

export function formatText(report: DiagnosisReport): string {
  return [...header(report), ...ranking(report), ...workerModel(report), ...platformMetrics(report), ...timelines(report), ...events(report), ...hypotheses(report), ...nextChecks(report)].join('\n') + '\n';
}
