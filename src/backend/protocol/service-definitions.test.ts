import type { MethodDefinition } from '@grpc/grpc-js';
import { loadServiceDefinitions } from './service-definitions';

describe('embedded protocol definitions', () => {
  const services = loadServiceDefinitions();

  it('exposes every method at the path go-plugin and Grafana call', () => {
    const paths = Object.values(services).flatMap((service) => Object.values(service as Record<string, MethodDefinition<object, object>>).map((method) => method.path));
    expect(paths.sort()).toEqual([
      '/grpc.health.v1.Health/Check',
      '/grpc.health.v1.Health/Watch',
      '/plugin.GRPCBroker/StartStream',
      '/plugin.GRPCController/Shutdown',
      '/plugin.GRPCStdio/StreamStdio',
      '/pluginv2.Data/QueryData',
      '/pluginv2.Diagnostics/CheckHealth',
      '/pluginv2.Diagnostics/CollectMetrics',
      '/pluginv2.Resource/CallResource',
    ]);
  });

  it('streams where the protos stream', () => {
    expect(services.resource.CallResource.responseStream).toBe(true);
    expect(services.broker.StartStream.requestStream).toBe(true);
    expect(services.stdio.StreamStdio.responseStream).toBe(true);
    expect(services.data.QueryData.responseStream).toBe(false);
  });

  it('uses the SDK field numbers on the wire (DataQuery.queryType is field 6, json field 5)', () => {
    // Field 6, wire type 2 → tag byte 0x32; field 5 → 0x2a.
    const request = services.data.QueryData.requestSerialize({
      queries: [{ refId: 'A', queryType: 'series', json: Buffer.from('{}') }],
    });
    const hex = request.toString('hex');
    expect(hex).toContain('3206' + Buffer.from('series').toString('hex'));
    expect(hex).toContain('2a02' + Buffer.from('{}').toString('hex'));
    const decoded = services.data.QueryData.requestDeserialize(request) as { queries: Array<{ refId: string; queryType: string }> };
    expect(decoded.queries[0]).toMatchObject({ refId: 'A', queryType: 'series' });
  });
});
