// Azure Monitor metric replies → MetricSeriesInput. Accepts the Metrics - List body (what
// `az monitor metrics list` prints) and the metrics:getBatch body ({values: [...]}); a bad series or
// point is reported with where it was and the rest is kept.
import { METRIC_NAMES, type MetricName, type MetricPoint, type MetricsInput } from '../model/metrics';
import { toEpochMs } from '../table/timestamp';

const AGGREGATIONS = ['average', 'maximum', 'minimum', 'total', 'count'] as const;
const DEFAULT_GRAIN_MS = 60_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `PT1M`, `PT30S`, `PT1H`, `P1D`, or Python's timedelta text `0:01:00` (older az CLI builds). */
export function parseGrainMs(text: unknown): number | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text.trim());
  if (iso && text.trim().length > 1) {
    const [, d, h, m, s] = iso;
    const ms = ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(m ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
    return ms > 0 ? ms : undefined;
  }
  const clock = /^(?:(\d+) days?, )?(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(text.trim());
  if (clock) {
    const [, d, h, m, s] = clock;
    const ms = ((Number(d ?? 0) * 24 + Number(h)) * 60 + Number(m)) * 60_000 + Number(s) * 1000;
    return ms > 0 ? ms : undefined;
  }
  return undefined;
}

function metricNameOf(metric: Record<string, unknown>): string | undefined {
  const name = metric.name;
  if (typeof name === 'string') {
    return name;
  }
  return isRecord(name) && typeof name.value === 'string' ? name.value : undefined;
}

function instanceOf(series: Record<string, unknown>): string | undefined {
  const values = series.metadatavalues ?? series.metadataValues;
  if (!Array.isArray(values)) {
    return undefined;
  }
  for (const entry of values) {
    if (!isRecord(entry)) {
      continue;
    }
    const name = isRecord(entry.name) ? entry.name.value : entry.name;
    if (typeof name === 'string' && name.toLowerCase() === 'instance' && typeof entry.value === 'string') {
      return entry.value;
    }
  }
  return undefined;
}

function pointOf(raw: unknown): MetricPoint | string {
  if (!isRecord(raw)) {
    return 'a data point is not an object';
  }
  const stamp = raw.timeStamp ?? raw.timestamp;
  const time = stamp instanceof Date ? stamp.getTime() : toEpochMs(stamp);
  if (!Number.isFinite(time)) {
    return `timeStamp ${JSON.stringify(stamp)} is not a timestamp`;
  }
  const point: MetricPoint = { time };
  for (const aggregation of AGGREGATIONS) {
    const value = raw[aggregation];
    if (value === undefined || value === null) {
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return `${aggregation} ${JSON.stringify(value)} is not a number`;
    }
    point[aggregation] = value;
  }
  return point;
}

/** One resource's metric list (`value` of a Metrics - List body, or one item of a batch's `values`). */
function parseMetricList(body: Record<string, unknown>, where: string, out: MetricsInput): void {
  const grainMs = parseGrainMs(body.interval ?? body.granularity) ?? DEFAULT_GRAIN_MS;
  const metrics = body.value ?? body.metrics;
  if (!Array.isArray(metrics)) {
    out.issues.push({ where, message: 'no "value" array of metrics' });
    return;
  }
  metrics.forEach((metric, metricIndex) => {
    const at = `${where} value[${metricIndex}]`;
    if (!isRecord(metric)) {
      out.issues.push({ where: at, message: 'a metric is not an object' });
      return;
    }
    const name = metricNameOf(metric);
    if (!name || !(METRIC_NAMES as readonly string[]).includes(name)) {
      out.issues.push({ where: at, message: `metric ${JSON.stringify(name ?? null)} is not one this product reads (${METRIC_NAMES.join(', ')})` });
      return;
    }
    if (typeof metric.errorCode === 'string' && metric.errorCode !== 'Success') {
      out.issues.push({ where: at, message: `${name}: Azure returned ${metric.errorCode}${typeof metric.errorMessage === 'string' ? `: ${metric.errorMessage}` : ''}` });
    }
    const timeseries = metric.timeseries ?? metric.timeSeries;
    if (!Array.isArray(timeseries)) {
      out.issues.push({ where: at, message: `${name}: no "timeseries" array` });
      return;
    }
    timeseries.forEach((series, seriesIndex) => {
      if (!isRecord(series) || !Array.isArray(series.data)) {
        out.issues.push({ where: `${at} timeseries[${seriesIndex}]`, message: `${name}: a time series without a "data" array` });
        return;
      }
      const points: MetricPoint[] = [];
      let bad = 0;
      let firstProblem = '';
      for (const raw of series.data) {
        const point = pointOf(raw);
        if (typeof point === 'string') {
          bad++;
          firstProblem ||= point;
        } else {
          points.push(point);
        }
      }
      if (bad > 0) {
        out.issues.push({ where: `${at} timeseries[${seriesIndex}]`, message: `${name}: ${bad} point(s) skipped, first: ${firstProblem}` });
      }
      points.sort((a, b) => a.time - b.time);
      const instance = instanceOf(series);
      out.series.push({
        name: name as MetricName,
        unit: typeof metric.unit === 'string' ? metric.unit : '',
        ...(instance !== undefined ? { instance } : {}),
        grainMs,
        points,
        origin: where,
      });
    });
  });
}

/** Parse one reply or file body. `where` names it in every issue (a file path, a query name). */
export function parseMetricsResponse(body: unknown, where: string): MetricsInput {
  const out: MetricsInput = { series: [], issues: [] };
  const bodies = Array.isArray(body) ? body : [body];
  bodies.forEach((item, index) => {
    const at = bodies.length > 1 ? `${where}[${index}]` : where;
    if (!isRecord(item)) {
      out.issues.push({ where: at, message: 'not a metrics reply (expected an object with "value" or "values")' });
    } else if (Array.isArray(item.values)) {
      item.values.forEach((resource, resourceIndex) => {
        if (isRecord(resource)) {
          parseMetricList(resource, `${at} values[${resourceIndex}]`, out);
        } else {
          out.issues.push({ where: `${at} values[${resourceIndex}]`, message: 'not an object' });
        }
      });
    } else {
      parseMetricList(item, at, out);
    }
  });
  return out;
}

/** True when a JSON body looks like a metrics reply (for format sniffing in folder sources). */
export function looksLikeMetricsResponse(body: unknown): boolean {
  const first = Array.isArray(body) ? body[0] : body;
  if (!isRecord(first)) {
    return false;
  }
  const list = Array.isArray(first.values) ? first.values[0] : first;
  if (!isRecord(list) || !Array.isArray(list.value)) {
    return false;
  }
  const metric = list.value[0];
  return isRecord(metric) && ('timeseries' in metric || 'timeSeries' in metric);
}
