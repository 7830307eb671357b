// Counters Grafana scrapes through Diagnostics.CollectMetrics, in Prometheus text format:
// requests served and failed per endpoint, latency histogram, queries per type, cache hits.

// Latency buckets in seconds: the QueryData target is tens of milliseconds.
const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type Outcome = 'ok' | 'error';

interface Histogram {
  bucketCounts: number[];
  sum: number;
  count: number;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labelText(labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabel(value)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

export class PluginMetrics {
  private readonly requests = new Map<string, number>(); // "endpoint|outcome"
  private readonly latency = new Map<string, Histogram>(); // endpoint
  private readonly queries = new Map<string, number>(); // "queryType|outcome"
  private cacheHits = 0;
  private cacheMisses = 0;
  private readonly startedAtSeconds = Date.now() / 1000;

  /** prefix: metric name prefix, e.g. "appsvc_triage_backend". */
  constructor(private readonly prefix: string) {}

  recordRequest(endpoint: string, outcome: Outcome, durationMs: number): void {
    const key = `${endpoint}|${outcome}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const histogram = this.latency.get(endpoint) ?? {
      bucketCounts: LATENCY_BUCKETS_SECONDS.map(() => 0),
      sum: 0,
      count: 0,
    };
    const seconds = durationMs / 1000;
    LATENCY_BUCKETS_SECONDS.forEach((bound, index) => {
      if (seconds <= bound) {
        histogram.bucketCounts[index]++;
      }
    });
    histogram.sum += seconds;
    histogram.count++;
    this.latency.set(endpoint, histogram);
  }

  recordQuery(queryType: string, outcome: Outcome): void {
    const key = `${queryType}|${outcome}`;
    this.queries.set(key, (this.queries.get(key) ?? 0) + 1);
  }

  recordInstanceCache(hit: boolean): void {
    if (hit) {
      this.cacheHits++;
    } else {
      this.cacheMisses++;
    }
  }

  render(memory: NodeJS.MemoryUsage = process.memoryUsage()): string {
    const p = this.prefix;
    const lines: string[] = [];
    const family = (name: string, type: string, help: string): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    };

    family(`${p}_requests_total`, 'counter', 'gRPC requests served, by endpoint and outcome.');
    for (const [key, count] of this.requests) {
      const [endpoint, outcome] = key.split('|');
      lines.push(`${p}_requests_total${labelText({ endpoint, outcome })} ${count}`);
    }

    family(`${p}_request_duration_seconds`, 'histogram', 'gRPC request latency, by endpoint.');
    for (const [endpoint, histogram] of this.latency) {
      LATENCY_BUCKETS_SECONDS.forEach((bound, index) => {
        lines.push(`${p}_request_duration_seconds_bucket${labelText({ endpoint, le: String(bound) })} ${histogram.bucketCounts[index]}`);
      });
      lines.push(`${p}_request_duration_seconds_bucket${labelText({ endpoint, le: '+Inf' })} ${histogram.count}`);
      lines.push(`${p}_request_duration_seconds_sum${labelText({ endpoint })} ${histogram.sum}`);
      lines.push(`${p}_request_duration_seconds_count${labelText({ endpoint })} ${histogram.count}`);
    }

    family(`${p}_queries_total`, 'counter', 'Data queries answered, by query type and outcome.');
    for (const [key, count] of this.queries) {
      const [queryType, outcome] = key.split('|');
      lines.push(`${p}_queries_total${labelText({ query_type: queryType, outcome })} ${count}`);
    }

    family(`${p}_instance_cache_hits_total`, 'counter', 'Requests served from a cached data source instance.');
    lines.push(`${p}_instance_cache_hits_total ${this.cacheHits}`);
    family(`${p}_instance_cache_misses_total`, 'counter', 'Data source instances built (first use or changed settings).');
    lines.push(`${p}_instance_cache_misses_total ${this.cacheMisses}`);

    family('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.');
    lines.push(`process_resident_memory_bytes ${memory.rss}`);
    family('nodejs_heap_used_bytes', 'gauge', 'V8 heap in use, in bytes.');
    lines.push(`nodejs_heap_used_bytes ${memory.heapUsed}`);
    family('nodejs_heap_total_bytes', 'gauge', 'V8 heap reserved, in bytes.');
    lines.push(`nodejs_heap_total_bytes ${memory.heapTotal}`);
    family('process_start_time_seconds', 'gauge', 'Start time of the process since unix epoch in seconds.');
    lines.push(`process_start_time_seconds ${this.startedAtSeconds}`);
    return lines.join('\n') + '\n';
  }
}
