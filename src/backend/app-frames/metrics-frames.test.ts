// Metrics and instance-count frames on the t1-worker-timeout recording's bins, with platform metrics
// of known values laid on those bins (and without any); and the declared-config frame.
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { runDiagnosis, type Diagnosis } from '../../diagnosis/run-diagnosis';
import type { BinnedMetric, MetricSignals, Signals } from '../../engine';
import { declaredConfigFrom } from '../../engine/config';
import { declaredConfigRows } from '../../engine/report/declared-config-rows';
import { LabSource } from '../../sources/lab/lab-source';
import { DECLARED_CONFIG_FIELDS, FRAME, INSTANCE_COUNT_FIELDS, METRIC_FIELDS } from '../../shared/frame-contract';
import { encodeFrame } from '../frames/arrow-frame-encoder';
import type { Frame } from '../frames/frame';
import { buildDeclaredConfigFrame } from './declared-config-frame';
import { buildMetricsFrames, grafanaUnit, metricsUnavailableText } from './metrics-frames';

const recordingsDir = path.resolve(__dirname, '../../../lab/recordings');
let diagnosis: Diagnosis;

beforeAll(async () => {
  diagnosis = await runDiagnosis(new LabSource({ recordingsDir, scenario: 't1-worker-timeout' }), { binMs: 60_000 });
});

function ramp(length: number, start: number, step: number): number[] {
  return Array.from({ length }, (_, i) => start + i * step);
}

function withMetrics(signals: Signals): Signals {
  const bins = signals.series.time.length;
  const metric = (name: BinnedMetric['name'], unit: string, instance: string, values: Array<number | null>): BinnedMetric => ({
    name,
    unit,
    instance,
    values,
    max: values.map((value) => (value === null ? null : value + 5)),
  });
  const metrics: MetricSignals = {
    series: [
      metric('CpuPercentage', 'Percent', 'lw0sdlwk000001', ramp(bins, 20, 3)),
      metric('CpuPercentage', 'Percent', 'lw0sdlwk000002', [null, ...ramp(bins - 1, 10, 1)]),
      metric('MemoryPercentage', 'Percent', 'lw0sdlwk000001', ramp(bins, 40, 0.5)),
      metric('HttpResponseTime', 'Seconds', '', ramp(bins, 0.2, 0.1)),
      metric('Requests', 'Count', '', ramp(bins, 100, 10)),
    ],
    instanceCount: [1, ...new Array<number>(bins - 1).fill(2)],
    scaleEvents: [{ time: signals.series.time[1], from: 1, to: 2, added: ['lw0sdlwk000002'], removed: [] }],
    origins: ['test: synthetic metrics on the recording bins'],
    issues: [{ where: 'PlatformMetrics.json value[2]', message: 'unknown metric "DiskQueueLength"' }],
  };
  return { ...signals, metrics };
}

function decode(frame: Frame) {
  const table = tableFromIPC(encodeFrame(frame));
  return { names: table.schema.fields.map((f) => f.name), rows: table.numRows, fields: table.schema.fields };
}

describe('metrics frames', () => {
  const options = { refId: 'M', names: [], instances: [], fromAlert: false };

  it('one labelled frame per metric and instance, then the instance count, on the series bins', () => {
    const signals = withMetrics(diagnosis.signals);
    const frames = buildMetricsFrames(signals, options, () => 'unused');
    expect(frames.map((frame) => frame.name)).toEqual([FRAME.metrics, FRAME.metrics, FRAME.metrics, FRAME.metrics, FRAME.metrics, FRAME.instanceCount]);
    const metricFrames = frames.slice(0, -1);
    expect(metricFrames.map((frame) => frame.fields[1].labels)).toEqual(signals.metrics!.series.map((series) => ({ metric: series.name, instance: series.instance })));
    for (const [index, frame] of metricFrames.entries()) {
      const decoded = decode(frame);
      expect(decoded.names).toEqual([...METRIC_FIELDS]);
      expect(decoded.rows).toBe(signals.series.time.length);
      expect(frame.fields[0].values).toEqual(signals.series.time);
      expect(frame.fields[1].values).toEqual(signals.metrics!.series[index].values);
      expect(frame.fields[2].values).toEqual(signals.metrics!.series[index].max);
    }
    expect(metricFrames.map((frame) => frame.fields[1].config?.unit)).toEqual(['percent', 'percent', 'percent', 's', 'short']);
    expect(decode(frames[frames.length - 1]).names).toEqual([...INSTANCE_COUNT_FIELDS]);
    expect(frames[frames.length - 1].fields[1].values).toEqual(signals.metrics!.instanceCount);
    expect(frames[0].meta?.notices).toEqual([{ severity: 'warning', text: 'PlatformMetrics.json value[2]: unknown metric "DiskQueueLength"' }]);
  });

  it('filters by metric and instance; alert rules get one numeric value field per frame', () => {
    const signals = withMetrics(diagnosis.signals);
    const frames = buildMetricsFrames(signals, { ...options, names: ['CpuPercentage'], instances: ['lw0sdlwk000002'], fromAlert: true }, () => 'unused');
    expect(frames.map((frame) => [frame.name, frame.fields.map((field) => field.name)])).toEqual([[FRAME.metrics, ['time', 'value']]]);
    expect(frames[0].fields[1].labels).toEqual({ metric: 'CpuPercentage', instance: 'lw0sdlwk000002' });
    expect(frames.every((frame) => frame.fields.slice(1).every((field) => field.type === 'float64'))).toBe(true);
  });

  it('no metrics: the same frames and fields, empty, the notice saying why; no match: the notice lists what there is', () => {
    const none = { ...diagnosis.signals, metrics: undefined };
    const answered = buildMetricsFrames(none, options, () => metricsUnavailableText('lab', 'lab:t1-worker-timeout'));
    expect(answered.map((frame) => [frame.name, decode(frame).names, decode(frame).rows])).toEqual([
      [FRAME.metrics, [...METRIC_FIELDS], 0],
      [FRAME.instanceCount, [...INSTANCE_COUNT_FIELDS], 0],
    ]);
    const [empty] = answered;
    expect(buildMetricsFrames(none, { ...options, fromAlert: true }, () => 'none').map((frame) => frame.fields.map((field) => field.name))).toEqual([['time', 'value']]);
    expect(empty.meta?.notices?.[0].text).toMatch(/^Platform metrics are not available from lab:t1-worker-timeout: this lab recording has no PlatformMetrics\.json/);
    const [unmatched] = buildMetricsFrames(withMetrics(diagnosis.signals), { ...options, names: ['Http5xx'] }, () => 'unused');
    expect(unmatched.fields[0].values).toEqual([]);
    expect(unmatched.meta?.notices?.[0].text).toContain('this source has CpuPercentage on lw0sdlwk000001, CpuPercentage on lw0sdlwk000002, MemoryPercentage on lw0sdlwk000001, HttpResponseTime, Requests');
  });

  it.each([
    ['CpuPercentage', 'Percent', 'percent'],
    ['MemoryPercentage', '', 'percent'],
    ['HttpResponseTime', 'Seconds', 's'],
    ['HttpResponseTime', 'MilliSeconds', 'ms'],
    ['Http5xx', 'Count', 'short'],
  ] as const)('%s in %j has Grafana unit %s', (name, unit, expected) => {
    expect(grafanaUnit({ name, unit })).toBe(expected);
  });
});

describe('declared-config frame', () => {
  it('no site config: worker-model settings from the logs, each not-declared', () => {
    const rows = declaredConfigRows(undefined, diagnosis.signals);
    const frame = buildDeclaredConfigFrame(rows, 'W');
    expect(decode(frame).names).toEqual([...DECLARED_CONFIG_FIELDS]);
    expect(frame.fields[0].values).toEqual(['workerClass', 'workers', 'threads', 'timeoutSec']);
    expect(new Set(frame.fields[4].values)).toEqual(new Set(['not-declared']));
    const workers = diagnosis.signals.workerModel.find((segment) => segment.workers)!;
    expect(rows[1].observed).toContain(`${workers.workers!.value} (${workers.instance} generation ${workers.generation}`);
  });

  it('declared config: statuses from the comparison, plus health check path and start-time limit rows', () => {
    const declared = declaredConfigFrom({
      web: { appCommandLine: 'gunicorn --workers 7 --timeout 10 app:app', healthCheckPath: '/health' },
      webFrom: 'site.json',
      appSettings: [{ name: 'WEBSITES_CONTAINER_START_TIME_LIMIT', value: '230', slotSetting: false }],
      appSettingsFrom: 'appsettings.json',
    });
    const rows = declaredConfigRows(declared, diagnosis.signals);
    const bySetting = Object.fromEntries(rows.map((row) => [row.setting, row]));
    expect(bySetting.workers).toMatchObject({ declared: '7', from: 'appCommandLine', status: 'disagrees' });
    expect(bySetting.workerClass).toMatchObject({ declared: 'sync', from: 'Gunicorn default' });
    expect(bySetting.startTimeLimitSec).toMatchObject({ declared: '230', from: 'WEBSITES_CONTAINER_START_TIME_LIMIT', status: 'not-in-logs' });
    const health = diagnosis.signals.endpoints.find((endpoint) => endpoint.path === '/health');
    expect(bySetting.healthCheckPath).toMatchObject({ declared: '/health', from: 'site.json', status: health ? 'agrees' : 'not-in-logs' });
    expect(decode(buildDeclaredConfigFrame(rows, 'W')).rows).toBe(6);
  });
});
