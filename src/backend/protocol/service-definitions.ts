// Turns the embedded .proto texts into grpc-js service definitions. The protos live in TS
// string modules so the esbuild bundle and the single executable need no files beside them.
import { fromJSON } from '@grpc/proto-loader';
import type { ServiceDefinition } from '@grpc/grpc-js';
import * as protobuf from 'protobufjs';
import { goPluginProto } from './proto/go-plugin.proto';
import { healthProto } from './proto/health.proto';
import { pluginv2Proto } from './proto/pluginv2.proto';

export interface ServiceDefinitions {
  health: ServiceDefinition;
  controller: ServiceDefinition;
  broker: ServiceDefinition;
  stdio: ServiceDefinition;
  data: ServiceDefinition;
  diagnostics: ServiceDefinition;
  resource: ServiceDefinition;
}

const LOADER_OPTIONS = {
  keepCase: true, // pluginv2 field names are already camelCase; go-plugin's service_id stays as is
  longs: Number, // int64 here are epoch milliseconds and ids: safe as numbers
  enums: String,
  defaults: true,
  oneofs: true,
};

function parseAll(): protobuf.Root {
  const root = new protobuf.Root();
  const emptyProto = protobuf.common.get('google/protobuf/empty.proto');
  if (!emptyProto) {
    throw new Error('protobufjs lacks its bundled google/protobuf/empty.proto');
  }
  root.addJSON(emptyProto.nested ?? {});
  for (const source of [pluginv2Proto, goPluginProto, healthProto]) {
    protobuf.parse(source, root, { keepCase: true });
  }
  root.resolveAll();
  return root;
}

export function loadServiceDefinitions(): ServiceDefinitions {
  const packageDefinition = fromJSON(parseAll().toJSON(), LOADER_OPTIONS);
  const service = (name: string): ServiceDefinition => {
    const definition = packageDefinition[name];
    if (!definition || 'format' in definition) {
      throw new Error(`service ${name} missing from the embedded protos`);
    }
    return definition as ServiceDefinition;
  };
  return {
    health: service('grpc.health.v1.Health'),
    controller: service('plugin.GRPCController'),
    broker: service('plugin.GRPCBroker'),
    stdio: service('plugin.GRPCStdio'),
    data: service('pluginv2.Data'),
    diagnostics: service('pluginv2.Diagnostics'),
    resource: service('pluginv2.Resource'),
  };
}
