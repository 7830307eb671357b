// Test-only: a synthetic incident with HTTP rows, optional Gunicorn console lines and per-second plan
// metrics, for the metric rules (C1, H1's CPU rules, M1's memory rule, H3's scale rule).
import { derive } from '../../derive/derive';
import { LogTable } from '../../model/input';
import { MetricSeriesInput, MetricsInput } from '../../model/metrics';
import { Signals } from '../../model/signals';
import { parseLogs } from '../../parse/parse-logs';
import { buildHttpTable } from '../../table/http-table-builder';

export const T0 = Date.UTC(2026, 10, 21, 10, 0, 0);
export const MINUTE = 60_000;
/** Minutes 0–4 calm, 5–9 the incident. */
export const INCIDENT_FROM = T0 + 5 * MINUTE;
export const INCIDENT_TO = T0 + 10 * MINUTE;
export const INSTANCE = 'lw0sdlwk000142';

export interface ScenarioOptions {
  /** CpuPercentage average per second on the instance: calm, then during the incident; or per second since T0. */
  cpu?: { calm: number; incident: number } | ((second: number) => number);
  /** MemoryPercentage average per second as a function of the second since T0. */
  memory?: (second: number) => number;
  /** Instance name the metrics carry (default: the HTTP rows' instance). */
  metricsInstance?: string;
  /** A second instance reporting plan metrics only from this time on (a scale-out). */
  scaleOutAt?: number;
  /** Console lines `[time, text]` on the instance. */
  console?: Array<[number, string]>;
  /** Incident without 499s (every failure a 502). */
  no499?: boolean;
}

const HTTP_COLUMNS = ['TimeGenerated', 'CsUriStem', 'ScStatus', 'TimeTaken', 'CsHost', 'ComputerName'];

/** Calm: /fast 20 ms and /work 300 ms. Incident: three times the requests, both paths queue for seconds, 499s cut at 5 s and 502s. */
function httpRows(options: ScenarioOptions): unknown[][] {
  const rows: unknown[][] = [];
  const row = (time: number, path: string, status: number, taken: number) =>
    rows.push([new Date(time).toISOString(), path, status, taken, 'app-x.azurewebsites.net', INSTANCE]);
  for (let minute = 0; minute < 10; minute++) {
    const incident = minute >= 5;
    const perPath = incident ? 30 : 10;
    for (let i = 0; i < perPath; i++) {
      const time = T0 + minute * MINUTE + i * (MINUTE / perPath) + 500;
      if (!incident) {
        row(time, '/fast', 200, 20);
        row(time + 100, '/work', 200, 300);
        continue;
      }
      const failing = i % 3 === 0;
      const status = failing ? (options.no499 || i % 2 === 0 ? 502 : 499) : 200;
      row(time, '/fast', failing ? status : 200, failing && status === 499 ? 5000 + (i % 5) : 3000 + 10 * i);
      row(time + 100, '/work', failing ? status : 200, failing && status === 499 ? 5002 : 4000 + 10 * i);
    }
  }
  return rows;
}

function perSecond(instance: string, name: 'CpuPercentage' | 'MemoryPercentage', from: number, to: number, value: (second: number) => number): MetricSeriesInput {
  const points = [];
  for (let time = from; time < to; time += 1000) {
    const average = value((time - T0) / 1000);
    points.push({ time, average, maximum: Math.min(100, average + 2) });
  }
  return { name, unit: 'Percent', instance, grainMs: 1000, points, origin: 'synthetic PlatformMetrics.json' };
}

export function scenarioMetrics(options: ScenarioOptions): MetricsInput | undefined {
  if (!options.cpu && !options.memory) {
    return undefined;
  }
  const instance = options.metricsInstance ?? INSTANCE;
  const series: MetricSeriesInput[] = [];
  const cpu = options.cpu;
  if (cpu) {
    const level = typeof cpu === 'function' ? cpu : (second: number) => (T0 + second * 1000 >= INCIDENT_FROM ? cpu.incident : cpu.calm);
    series.push(perSecond(instance, 'CpuPercentage', T0, INCIDENT_TO, level));
    if (options.scaleOutAt !== undefined) {
      series.push(perSecond('lw1sdlwk000143', 'CpuPercentage', options.scaleOutAt, INCIDENT_TO, () => 10));
    }
  }
  if (options.memory) {
    series.push(perSecond(instance, 'MemoryPercentage', T0, INCIDENT_TO, options.memory));
  }
  return { series, issues: [] };
}

/** The scenario's HTTP rows as an `AppServiceHTTPLogs` table. */
export function scenarioHttpTable(options: ScenarioOptions = {}): LogTable {
  return { name: 'AppServiceHTTPLogs', columns: HTTP_COLUMNS.map((name) => ({ name, type: 'string' })), rows: httpRows(options) };
}

export function scenarioSignals(options: ScenarioOptions = {}): Signals {
  const http = scenarioHttpTable(options);
  const console: LogTable[] = options.console
    ? [
        {
          name: 'AppServiceConsoleLogs',
          columns: ['TimeGenerated', 'ResultDescription', 'Host'].map((name) => ({ name, type: 'string' })),
          rows: options.console.map(([time, text]) => [new Date(time).toISOString(), text, INSTANCE]),
        },
      ]
    : [];
  const metrics = scenarioMetrics(options);
  return derive({ http: buildHttpTable([http]), logs: parseLogs({ console }), ...(metrics ? { metrics } : {}) });
}
