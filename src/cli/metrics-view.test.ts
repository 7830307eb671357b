// The "Platform metrics" section of the text and Markdown reports, on a corpus lab's report with
// platform metrics laid on its bins (CPU climbing on one instance, a scale-out, one unreadable series).
import { corpusLab } from '../engine/assess/testing/fixtures';
import type { MetricSignals } from '../engine/model/metrics';
import { buildReport } from '../engine/report';
import { formatMarkdown } from './format-markdown';
import { formatText } from './format-text';
import { metricValue, metricsView } from './metrics-view';

const lab = corpusLab('snat-exhaustion');
const time = lab.signals.series.time;
const bins = time.length;
const cpu = time.map((_, i) => (i % 7 === 0 ? 92 : 35));
const metrics: MetricSignals = {
  series: [
    { name: 'CpuPercentage', unit: 'Percent', instance: 'lw0sdlwk000001', values: cpu, max: cpu.map((value) => value + 4) },
    { name: 'MemoryPercentage', unit: 'Percent', instance: 'lw0sdlwk000001', values: new Array<number>(bins).fill(61.25), max: new Array<number>(bins).fill(70) },
    { name: 'HttpResponseTime', unit: 'Seconds', instance: '', values: new Array<number>(bins).fill(1.5), max: new Array<number>(bins).fill(31.2) },
    { name: 'Requests', unit: 'Count', instance: 'lw0sdlwk000001', values: new Array<number>(bins).fill(40), max: new Array<number>(bins).fill(3) },
  ],
  instanceCount: [1, ...new Array<number>(bins - 1).fill(2)],
  scaleEvents: [{ time: time[1] + 2000, from: 1, to: 2, added: ['lw0sdlwk000002'], removed: [] }],
  origins: ['PlatformMetrics.json', 'SiteMetrics.json'],
  issues: [{ where: 'PlatformMetrics.json value[4]', message: 'unknown metric "DiskQueueLength"' }],
};
const report = buildReport({ ...lab.signals, metrics }, lab.assessment, { spec: 'files:snat', description: 'snat export' });
const plain = buildReport(lab.signals, lab.assessment, { spec: 'files:snat', description: 'snat export' });
const clock = (t: number) => new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');

describe('platform metrics in the human formats', () => {
  it('text: a PLATFORM METRICS section after the worker model, mean and max per instance, scale events and issues', () => {
    const text = formatText(report);
    expect(text.indexOf('PLATFORM METRICS')).toBeGreaterThan(text.indexOf('WORKER MODEL'));
    expect(text.indexOf('PLATFORM METRICS')).toBeLessThan(text.indexOf('TIMELINE'));
    expect(text).toContain('  1–2 instances; from PlatformMetrics.json, SiteMetrics.json\n');
    const mean = cpu.reduce((a, b) => a + b, 0) / bins;
    expect(text).toMatch(new RegExp(`CpuPercentage +lw0sdlwk000001 +mean +${mean.toFixed(1).replace('.', '\\.')}% +max +96\\.0%`));
    expect(text).toMatch(/HttpResponseTime +\(whole site\/plan\) +mean +1\.50 s +max +31\.2 s/);
    expect(text).toMatch(new RegExp(`Requests +lw0sdlwk000001 +mean +40 +max +40  total ${40 * bins}\n`));
    const order = ['CpuPercentage', 'MemoryPercentage', 'HttpResponseTime', 'Requests'].map((name) => text.indexOf(`  ${name} `));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain(`  ${clock(time[1] + 2000)}  scale-out 1 → 2 instance(s) (+lw0sdlwk000002)\n`);
    expect(text).toContain('not used: PlatformMetrics.json value[4]: unknown metric "DiskQueueLength"');
  });

  it('text: CPU and memory sparklines beside the request series in every timeline block, aligned with them', () => {
    const text = formatText(report);
    const requests = [...text.matchAll(/^( {2}requests +)[▁▂▃▄▅▆▇█]/gm)];
    const cpuLines = [...text.matchAll(/^( {2}cpu lw0sdlwk000001 )[▁▂▃▄▅▆▇█ ]+ {2}max 92\.0%$/gm)];
    expect(cpuLines.length).toBe(requests.length);
    expect(cpuLines.length).toBeGreaterThan(0);
    // The sparklines start in the same column, so a bin reads straight down.
    expect(new Set([...requests, ...cpuLines].map((match) => match[1].length))).toEqual(new Set([cpuLines[0][1].length]));
    expect(text).toMatch(/^ {2}mem lw0sdlwk000001 [▁▂▃▄▅▆▇█ ]+ {2}max 61\.3%$/m);
    expect(text).not.toMatch(/^ {2}HttpResponseTime [▁▂]/m);
  });

  it('markdown: a Platform metrics table with a sparkline per row, scale events and issues', () => {
    const markdown = formatMarkdown(report);
    expect(markdown).toContain('## Platform metrics\n\n1–2 instances; from PlatformMetrics.json, SiteMetrics.json\n\n| metric | instance | mean | max | per bin |');
    expect(markdown).toMatch(/\| CpuPercentage \| lw0sdlwk000001 \| [\d.]+% \| 96\.0% \| `[▁▂▃▄▅▆▇█ ]+…?` \|/);
    expect(markdown).toContain(`- ${clock(time[1] + 2000)}  scale-out 1 → 2 instance(s) (+lw0sdlwk000002)`);
    expect(markdown.indexOf('## Platform metrics')).toBeLessThan(markdown.indexOf('## Timeline'));
  });

  it('no metrics in the report: no section, and the rest unchanged', () => {
    expect(metricsView(plain)).toBeUndefined();
    expect(formatText(plain)).not.toContain('PLATFORM METRICS');
    expect(formatMarkdown(plain)).not.toContain('## Platform metrics');
    expect(formatText(plain)).toMatch(/^ {2}requests +[▁▂▃▄▅▆▇█ ]+ {2}max \d+$/m);
  });

  it.each([
    [42.25, 'Percent', '42.3%'],
    [0.4567, 'Seconds', '0.46 s'],
    [31.25, 'Seconds', '31.3 s'],
    [812.4, 'MilliSeconds', '812 ms'],
    [1200, 'Count', '1200'],
    [null, 'Percent', '–'],
  ])('formats %p %s as %s', (value, unit, expected) => {
    expect(metricValue(value, unit)).toBe(expected);
  });
});
