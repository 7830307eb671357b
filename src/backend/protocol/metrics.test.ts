import { PluginMetrics } from './metrics';

describe('PluginMetrics', () => {
  it('renders counters, a cumulative latency histogram and cache counts in Prometheus text', () => {
    const metrics = new PluginMetrics('test_plugin');
    metrics.recordRequest('queryData', 'ok', 3);
    metrics.recordRequest('queryData', 'ok', 40);
    metrics.recordRequest('queryData', 'error', 20_000);
    metrics.recordQuery('series', 'ok');
    metrics.recordQuery('se"ries', 'error');
    metrics.recordInstanceCache(true);
    metrics.recordInstanceCache(false);
    const text = metrics.render({ rss: 1234, heapUsed: 56, heapTotal: 78 } as NodeJS.MemoryUsage);
    const lines = text.split('\n');
    expect(lines).toContain('test_plugin_requests_total{endpoint="queryData",outcome="ok"} 2');
    expect(lines).toContain('test_plugin_requests_total{endpoint="queryData",outcome="error"} 1');
    expect(lines).toContain('test_plugin_request_duration_seconds_bucket{endpoint="queryData",le="0.005"} 1');
    expect(lines).toContain('test_plugin_request_duration_seconds_bucket{endpoint="queryData",le="0.05"} 2');
    expect(lines).toContain('test_plugin_request_duration_seconds_bucket{endpoint="queryData",le="10"} 2');
    expect(lines).toContain('test_plugin_request_duration_seconds_bucket{endpoint="queryData",le="+Inf"} 3');
    expect(lines).toContain('test_plugin_request_duration_seconds_count{endpoint="queryData"} 3');
    expect(lines).toContain('test_plugin_queries_total{query_type="series",outcome="ok"} 1');
    expect(lines).toContain('test_plugin_queries_total{query_type="se\\"ries",outcome="error"} 1');
    expect(lines).toContain('test_plugin_instance_cache_hits_total 1');
    expect(lines).toContain('test_plugin_instance_cache_misses_total 1');
    expect(lines).toContain('process_resident_memory_bytes 1234');
    expect(lines).toContain('nodejs_heap_used_bytes 56');
    expect(lines).toContain('nodejs_heap_total_bytes 78');
    expect(text.endsWith('\n')).toBe(true);
    for (const line of lines.filter((l) => l && !l.startsWith('#'))) {
      expect(line).toMatch(/^[a-z_]+(\{[^}]*\})? [0-9.e+-]+$/);
    }
  });
});
