// The metrics reply parser on both body shapes Azure Monitor produces: Metrics - List (what
// `az monitor metrics list` prints) and metrics:getBatch. Bodies are written here in the shape the
// REST reference documents: metric names as {value, localizedValue}, Instance as a metadata value.
import { looksLikeMetricsResponse, parseGrainMs, parseMetricsResponse } from './metrics-response';

const PLAN = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/serverFarms/plan';
const SITE = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/app';

function series(instance: string | undefined, data: unknown[]) {
  return {
    ...(instance !== undefined ? { metadatavalues: [{ name: { value: 'Instance', localizedValue: 'Instance' }, value: instance }] } : {}),
    data,
  };
}

function metric(name: string, localized: string, unit: string, timeseries: unknown[], extra: Record<string, unknown> = {}) {
  return {
    id: `${PLAN}/providers/Microsoft.Insights/metrics/${name}`,
    type: 'Microsoft.Insights/metrics',
    name: { value: name, localizedValue: localized },
    unit,
    timeseries,
    errorCode: 'Success',
    ...extra,
  };
}

/** `az monitor metrics list --resource <plan> --metrics CpuPercentage MemoryPercentage --filter "Instance eq '*'"`. */
const metricsList = {
  cost: 120,
  interval: 'PT1M',
  namespace: 'Microsoft.Web/serverFarms',
  resourceregion: 'westeurope',
  timespan: '2026-04-04T05:30:00Z/2026-04-04T05:33:00Z',
  value: [
    metric('CpuPercentage', 'CPU Percentage', 'Percent', [
      series('lw1sdlwk0001', [
        { timeStamp: '2026-04-04T05:31:00Z', average: 91.5, maximum: 99 },
        { timeStamp: '2026-04-04T05:30:00Z', average: 40, maximum: 55 },
      ]),
      series('lw1sdlwk0002', [{ timeStamp: '2026-04-04T05:30:00Z', average: 12.25, maximum: 20 }]),
    ]),
    metric('MemoryPercentage', 'Memory Percentage', 'Percent', [series('lw1sdlwk0001', [{ timeStamp: '2026-04-04T05:30:00Z', average: 63 }])]),
  ],
};

/** A metrics:getBatch reply for one site: `values[]`, each with lower-case `starttime`/`interval`. */
const batch = {
  values: [
    {
      starttime: '2026-04-04T05:30:00Z',
      endtime: '2026-04-04T05:32:00Z',
      interval: 'PT5M',
      namespace: 'Microsoft.Web/sites',
      resourceregion: 'westeurope',
      resourceid: SITE,
      value: [
        metric('Http5xx', 'Http Server Errors', 'Count', [series('lw1sdlwk0001', [{ timeStamp: '2026-04-04T05:30:00Z', total: 7 }])]),
        metric('HttpResponseTime', 'Response Time', 'Seconds', [series('lw1sdlwk0001', [{ timeStamp: '2026-04-04T05:30:00Z', average: 0.42 }])]),
      ],
    },
  ],
};

describe('parseMetricsResponse', () => {
  it('reads a Metrics - List body: names from name.value, Instance dimension, unit, grain, points in time order', () => {
    const parsed = parseMetricsResponse(metricsList, 'PlatformMetrics.json');
    expect(parsed.issues).toEqual([]);
    expect(parsed.series).toEqual([
      {
        name: 'CpuPercentage',
        unit: 'Percent',
        instance: 'lw1sdlwk0001',
        grainMs: 60_000,
        origin: 'PlatformMetrics.json',
        points: [
          { time: Date.UTC(2026, 3, 4, 5, 30), average: 40, maximum: 55 },
          { time: Date.UTC(2026, 3, 4, 5, 31), average: 91.5, maximum: 99 },
        ],
      },
      { name: 'CpuPercentage', unit: 'Percent', instance: 'lw1sdlwk0002', grainMs: 60_000, origin: 'PlatformMetrics.json', points: [{ time: Date.UTC(2026, 3, 4, 5, 30), average: 12.25, maximum: 20 }] },
      { name: 'MemoryPercentage', unit: 'Percent', instance: 'lw1sdlwk0001', grainMs: 60_000, origin: 'PlatformMetrics.json', points: [{ time: Date.UTC(2026, 3, 4, 5, 30), average: 63 }] },
    ]);
  });

  it('reads a metrics:getBatch body (values[] with interval per resource) and names each resource in where', () => {
    const parsed = parseMetricsResponse(batch, 'metrics:getBatch');
    expect(parsed.issues).toEqual([]);
    expect(parsed.series.map((s) => [s.name, s.unit, s.instance, s.grainMs, s.origin, s.points])).toEqual([
      ['Http5xx', 'Count', 'lw1sdlwk0001', 300_000, 'metrics:getBatch values[0]', [{ time: Date.UTC(2026, 3, 4, 5, 30), total: 7 }]],
      ['HttpResponseTime', 'Seconds', 'lw1sdlwk0001', 300_000, 'metrics:getBatch values[0]', [{ time: Date.UTC(2026, 3, 4, 5, 30), average: 0.42 }]],
    ]);
  });

  it('accepts a plain string metric name, camel-case keys and the older az CLI timedelta grain', () => {
    const body = {
      interval: '0:01:00',
      value: [{ name: 'Requests', unit: 'Count', timeSeries: [{ metadataValues: [{ name: 'instance', value: 'i-1' }], data: [{ timestamp: '2026-04-04T05:30:00Z', total: 3 }] }] }],
    };
    const parsed = parseMetricsResponse(body, 'old-cli.json');
    expect(parsed.issues).toEqual([]);
    expect(parsed.series).toEqual([{ name: 'Requests', unit: 'Count', instance: 'i-1', grainMs: 60_000, origin: 'old-cli.json', points: [{ time: Date.UTC(2026, 3, 4, 5, 30), total: 3 }] }]);
  });

  it('a series without the Instance dimension is the whole resource (no instance key)', () => {
    const parsed = parseMetricsResponse({ interval: 'PT1M', value: [metric('CpuPercentage', 'CPU Percentage', 'Percent', [series(undefined, [{ timeStamp: '2026-04-04T05:30:00Z', average: 5 }])])] }, 'f');
    expect(parsed.series).toHaveLength(1);
    expect('instance' in parsed.series[0]).toBe(false);
  });

  it('reports bad points with where they were and keeps the good ones', () => {
    const body = {
      interval: 'PT1M',
      value: [
        metric('CpuPercentage', 'CPU Percentage', 'Percent', [
          series('i-1', [
            { timeStamp: '2026-04-04T05:30:00Z', average: 10 },
            { timeStamp: 'yesterday-ish', average: 11 },
            { timeStamp: '2026-04-04T05:32:00Z', average: 'high' },
            'not a point',
            { timeStamp: '2026-04-04T05:33:00Z', average: 13 },
          ]),
        ]),
      ],
    };
    const parsed = parseMetricsResponse(body, 'cpu.json');
    expect(parsed.series[0].points.map((p) => [p.time, p.average])).toEqual([
      [Date.UTC(2026, 3, 4, 5, 30), 10],
      [Date.UTC(2026, 3, 4, 5, 33), 13],
    ]);
    expect(parsed.issues).toEqual([{ where: 'cpu.json value[0] timeseries[0]', message: 'CpuPercentage: 3 point(s) skipped, first: timeStamp "yesterday-ish" is not a timestamp' }]);
  });

  it('reports a metric this product does not read, and a metric Azure failed, keeping the others', () => {
    const body = {
      interval: 'PT1M',
      value: [
        metric('BytesReceived', 'Data In', 'Bytes', []),
        metric('MemoryPercentage', 'Memory Percentage', 'Percent', [], { errorCode: 'Throttled', errorMessage: 'too many series' }),
        metric('CpuPercentage', 'CPU Percentage', 'Percent', [series('i-1', [{ timeStamp: '2026-04-04T05:30:00Z', average: 1 }])]),
      ],
    };
    const parsed = parseMetricsResponse(body, 'mixed.json');
    expect(parsed.series.map((s) => s.name)).toEqual(['CpuPercentage']);
    expect(parsed.issues).toEqual([
      { where: 'mixed.json value[0]', message: 'metric "BytesReceived" is not one this product reads (Requests, Http5xx, HttpResponseTime, CpuPercentage, MemoryPercentage)' },
      { where: 'mixed.json value[1]', message: 'MemoryPercentage: Azure returned Throttled: too many series' },
    ]);
  });

  it('names structural problems: not an object, no value array, a series without data, a metric without timeseries', () => {
    expect(parseMetricsResponse('text', 'a').issues).toEqual([{ where: 'a', message: 'not a metrics reply (expected an object with "value" or "values")' }]);
    expect(parseMetricsResponse({ interval: 'PT1M' }, 'b').issues).toEqual([{ where: 'b', message: 'no "value" array of metrics' }]);
    expect(parseMetricsResponse({ values: [42] }, 'c').issues).toEqual([{ where: 'c values[0]', message: 'not an object' }]);
    const noData = parseMetricsResponse({ value: [metric('Requests', 'Requests', 'Count', [{ metadatavalues: [] }])] }, 'd');
    expect(noData.issues).toEqual([{ where: 'd value[0] timeseries[0]', message: 'Requests: a time series without a "data" array' }]);
    const noSeries = parseMetricsResponse({ value: [{ name: { value: 'Requests' }, unit: 'Count' }] }, 'e');
    expect(noSeries.issues).toEqual([{ where: 'e value[0]', message: 'Requests: no "timeseries" array' }]);
  });

  it('an array of bodies (several az runs saved together) is read item by item', () => {
    const parsed = parseMetricsResponse([metricsList, batch], 'both.json');
    expect(parsed.series.map((s) => `${s.origin} ${s.name}`)).toEqual([
      'both.json[0] CpuPercentage',
      'both.json[0] CpuPercentage',
      'both.json[0] MemoryPercentage',
      'both.json[1] values[0] Http5xx',
      'both.json[1] values[0] HttpResponseTime',
    ]);
  });

  it('falls back to one minute when the body states no grain', () => {
    const parsed = parseMetricsResponse({ value: [metric('Requests', 'Requests', 'Count', [series('i', [{ timeStamp: '2026-04-04T05:30:00Z', total: 1 }])])] }, 'x');
    expect(parsed.series[0].grainMs).toBe(60_000);
  });
});

describe('parseGrainMs', () => {
  it.each([
    ['PT1M', 60_000],
    ['PT1S', 1000],
    ['PT30S', 30_000],
    ['PT5M', 300_000],
    ['PT1H', 3_600_000],
    ['PT6H', 21_600_000],
    ['P1D', 86_400_000],
    ['0:01:00', 60_000],
    ['0:00:01', 1000],
    ['1:00:00', 3_600_000],
    ['1 day, 0:00:00', 86_400_000],
  ])('%s → %d ms', (text, ms) => {
    expect(parseGrainMs(text)).toBe(ms);
  });

  it.each([['PT'], ['P'], ['PT0M'], ['FULL'], ['1m'], [''], [60]])('%p is not a grain', (text) => {
    expect(parseGrainMs(text)).toBeUndefined();
  });
});

describe('looksLikeMetricsResponse', () => {
  it('recognises both shapes and an array of them', () => {
    expect(looksLikeMetricsResponse(metricsList)).toBe(true);
    expect(looksLikeMetricsResponse(batch)).toBe(true);
    expect(looksLikeMetricsResponse([metricsList])).toBe(true);
  });

  it('rejects Log Analytics replies, site config, app settings and empty objects', () => {
    expect(looksLikeMetricsResponse({ tables: [{ name: 'PrimaryResult', columns: [], rows: [] }] })).toBe(false);
    expect(looksLikeMetricsResponse({ properties: { appCommandLine: 'gunicorn' } })).toBe(false);
    expect(looksLikeMetricsResponse([{ name: 'WEBSITES_PORT', value: '8000', slotSetting: false }])).toBe(false);
    expect(looksLikeMetricsResponse({ value: [] })).toBe(false);
    expect(looksLikeMetricsResponse(null)).toBe(false);
  });
});
