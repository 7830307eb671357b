import { ResourcePoint } from '../runner/resourceSampler';
import { CPU_PERCENTAGE, MEMORY_PERCENTAGE } from './metricDefinitions';
import { MetricDataPoint, MetricsListBody, metricTimeStamp, metricsListBody, roundTo } from './metricsResponse';

/** The App Service plan's resource id for a lab site (one plan per scenario). */
export function planResourceId(scenario: string): string {
  return `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-incident-lab/providers/Microsoft.Web/serverFarms/plan-lab-${scenario}`;
}

/** CpuPercentage and MemoryPercentage per instance per second, from the sampler's /proc readings (0.1 % steps). */
export function platformMetricsBody(
  scenario: string,
  span: { from: number; to: number },
  points: Map<string, ResourcePoint[]>,
): MetricsListBody {
  const inSpan = (p: ResourcePoint) => p.time >= Math.floor(span.from / 1000) * 1000 && p.time <= span.to;
  const series = (value: (p: ResourcePoint) => number) =>
    new Map(
      [...points].map(([instance, list]) => [
        instance,
        list.filter(inSpan).map((p): MetricDataPoint => {
          const v = roundTo(value(p), 0.1);
          return { timeStamp: metricTimeStamp(p.time), average: v, maximum: v };
        }),
      ]),
    );
  return metricsListBody(planResourceId(scenario), 'Microsoft.Web/serverFarms', span, [
    { def: CPU_PERCENTAGE, perInstance: series((p) => p.cpuPercent) },
    { def: MEMORY_PERCENTAGE, perInstance: series((p) => p.memoryPercent) },
  ]);
}
