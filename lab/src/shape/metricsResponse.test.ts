import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMetricsResponse } from '../../../src/engine';
import { platformMetricsBody } from './platformMetrics';
import { siteMetricsBody } from './siteMetrics';
import { metricTimeStamp, roundTo, writeMetricsList } from './metricsResponse';

const T0 = Date.parse('2026-04-04T05:35:00Z');
const span = { from: T0 + 400, to: T0 + 3900 };

describe('lab metric bodies', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lab-metrics-shape-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes plan metrics the engine parses: CPU and memory per instance, PT1S, Percent, 0.1 steps', () => {
    const points = new Map([
      ['lw0', [{ time: T0 + 1000, cpuPercent: 97.46, memoryPercent: 11.04, processes: 9 }, { time: T0 + 2000, cpuPercent: 100.04, memoryPercent: 11.06, processes: 9 }]],
      ['lw1', [{ time: T0 + 1000, cpuPercent: 2, memoryPercent: 5, processes: 3 }]],
    ]);
    const file = join(dir, 'PlatformMetrics.json');
    writeMetricsList(file, platformMetricsBody('c1-test', span, points));
    const body = JSON.parse(readFileSync(file, 'utf8'));
    expect(body).toMatchObject({ interval: 'PT1S', namespace: 'Microsoft.Web/serverFarms', timespan: '2026-04-04T05:35:00Z/2026-04-04T05:35:03Z' });
    const parsed = parseMetricsResponse(body, 'PlatformMetrics.json');
    expect(parsed.issues).toEqual([]);
    const cpu0 = parsed.series.find((s) => s.name === 'CpuPercentage' && s.instance === 'lw0')!;
    expect(cpu0).toMatchObject({ unit: 'Percent', grainMs: 1000 });
    expect(cpu0.points).toEqual([
      { time: T0 + 1000, average: 97.5, maximum: 97.5 },
      { time: T0 + 2000, average: 100, maximum: 100 },
    ]);
    expect(parsed.series.find((s) => s.name === 'MemoryPercentage' && s.instance === 'lw1')!.points).toEqual([{ time: T0 + 1000, average: 5, maximum: 5 }]);
  });

  it('computes site metrics per instance per second of request end; no response-time average in an empty second', () => {
    const requests = [
      { endMs: T0 + 500, status: 200, timeTakenS: 0.002, instance: 'lw0' },
      { endMs: T0 + 900, status: 502, timeTakenS: 10.4, instance: 'lw0' },
      { endMs: T0 + 2100, status: 499, timeTakenS: 5.0, instance: 'lw0' },
      { endMs: T0 + 2200, status: 200, timeTakenS: 0.1, instance: 'lw1' },
    ];
    const file = join(dir, 'SiteMetrics.json');
    writeMetricsList(file, siteMetricsBody('/subscriptions/x/sites/app', span, ['lw0', 'lw1'], requests));
    const parsed = parseMetricsResponse(JSON.parse(readFileSync(file, 'utf8')), 'SiteMetrics.json');
    expect(parsed.issues).toEqual([]);
    const of = (name: string, instance: string) => parsed.series.find((s) => s.name === name && s.instance === instance)!.points;
    expect(of('Requests', 'lw0').map((p) => p.total)).toEqual([2, 0, 1, 0]);
    expect(of('Http5xx', 'lw0').map((p) => p.total)).toEqual([1, 0, 0, 0]);
    expect(of('HttpResponseTime', 'lw0').map((p) => p.average)).toEqual([5.201, undefined, 5, undefined]);
    expect(of('Requests', 'lw1').map((p) => p.total)).toEqual([0, 0, 1, 0]);
    expect(parsed.series.find((s) => s.name === 'HttpResponseTime')!.unit).toBe('Seconds');
  });

  it('formats times as az prints them and rounds to the step', () => {
    expect(metricTimeStamp(T0 + 1500)).toBe('2026-04-04T05:35:01+00:00');
    expect(roundTo(99.96, 0.1)).toBe(100);
    expect(roundTo(0.12345, 0.001)).toBe(0.123);
  });
});
