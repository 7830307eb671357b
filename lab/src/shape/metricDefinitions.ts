// Azure Monitor's names, units and descriptions of the App Service metrics the lab writes, as the
// service's metric definitions give them, so a lab body reads like one `az monitor metrics list` printed.
import { MetricDefinition } from './metricsResponse';

function azureMetric(name: string, localizedName: string, unit: string, description: string): MetricDefinition {
  return { name, localizedName, unit, description };
}

// Plan metrics (Microsoft.Web/serverFarms).
export const CPU_PERCENTAGE = azureMetric('CpuPercentage', 'CPU Percentage', 'Percent', 'The average CPU used across all instances of the plan.');
export const MEMORY_PERCENTAGE = azureMetric('MemoryPercentage', 'Memory Percentage', 'Percent', 'The average memory used across all instances of the plan.');

// Site metrics (Microsoft.Web/sites).
export const REQUESTS = azureMetric('Requests', 'Requests', 'Count', 'The total number of requests regardless of their resulting HTTP status code.');
export const HTTP_5XX = azureMetric('Http5xx', 'Http Server Errors', 'Count', 'The count of requests resulting in an HTTP status code >= 500 but < 600.');
export const HTTP_RESPONSE_TIME = azureMetric('HttpResponseTime', 'Response Time', 'Seconds', 'The time taken for the app to serve requests, in seconds.');
