// hashicorp/go-plugin's internal services (grpc_controller.proto, grpc_broker.proto,
// grpc_stdio.proto): every go-plugin client calls them, so the plugin must answer them.
// Field numbers are copied exactly from go-plugin.
export const goPluginProto = `
syntax = "proto3";
package plugin;

import "google/protobuf/empty.proto";

message Empty {
}

service GRPCController {
  rpc Shutdown(Empty) returns (Empty);
}

message ConnInfo {
  uint32 service_id = 1;
  string network = 2;
  string address = 3;
  message Knock {
    bool knock = 1;
    bool ack = 2;
    string error = 3;
  }
  Knock knock = 4;
}

service GRPCBroker {
  rpc StartStream(stream ConnInfo) returns (stream ConnInfo);
}

service GRPCStdio {
  rpc StreamStdio(google.protobuf.Empty) returns (stream StdioData);
}

message StdioData {
  enum Channel {
    INVALID = 0;
    STDOUT = 1;
    STDERR = 2;
  }
  Channel channel = 1;
  bytes data = 2;
}
`;
