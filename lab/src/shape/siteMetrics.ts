import { HTTP_5XX, HTTP_RESPONSE_TIME, REQUESTS } from './metricDefinitions';
import { MetricDataPoint, MetricsListBody, metricTimeStamp, metricsListBody, roundTo } from './metricsResponse';

/** What the site metrics are computed from: one served request as the HTTP table has it. */
export interface ServedRequest {
  endMs: number;
  status: number;
  timeTakenS: number;
  instance: string;
}

/**
 * Requests, Http5xx (totals) and HttpResponseTime (average, seconds) per instance per second,
 * counted at the second each request ended (when the front end logs it). Every second of the
 * span has a point; a second without requests has totals 0 and no response-time average, as Azure reports it.
 */
export function siteMetricsBody(
  resourceId: string,
  span: { from: number; to: number },
  instances: string[],
  requests: ServedRequest[],
): MetricsListBody {
  const first = Math.floor(span.from / 1000) * 1000;
  const seconds = Math.floor((span.to - first) / 1000) + 1;
  const perInstance = new Map(instances.map((name) => [name, Array.from({ length: seconds }, () => ({ n: 0, n5xx: 0, sumS: 0 }))]));
  for (const r of requests) {
    const slot = perInstance.get(r.instance)?.[Math.floor((r.endMs - first) / 1000)];
    if (!slot) {
      continue;
    }
    slot.n += 1;
    slot.sumS += r.timeTakenS;
    if (r.status >= 500 && r.status <= 599) {slot.n5xx += 1;}
  }
  const series = (point: (s: { n: number; n5xx: number; sumS: number }, time: string) => MetricDataPoint) =>
    new Map([...perInstance].map(([name, slots]) => [name, slots.map((s, i) => point(s, metricTimeStamp(first + i * 1000)))]));
  return metricsListBody(resourceId, 'Microsoft.Web/sites', span, [
    { def: REQUESTS, perInstance: series((s, timeStamp) => ({ timeStamp, total: s.n })) },
    { def: HTTP_5XX, perInstance: series((s, timeStamp) => ({ timeStamp, total: s.n5xx })) },
    {
      def: HTTP_RESPONSE_TIME,
      perInstance: series((s, timeStamp) => (s.n > 0 ? { timeStamp, average: roundTo(s.sumS / s.n, 0.001) } : { timeStamp })),
    },
  ]);
}
