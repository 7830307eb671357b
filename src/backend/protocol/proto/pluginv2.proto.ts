// The subset of grafana-plugin-sdk-go's proto/backend.proto (package pluginv2) that this
// plugin serves. Field numbers are copied exactly: they are the wire contract with Grafana.
export const pluginv2Proto = `
syntax = "proto3";
package pluginv2;

message AppInstanceSettings {
  bytes jsonData = 3;
  map<string,string> decryptedSecureJsonData = 4;
  int64 lastUpdatedMS = 5;
  string apiVersion = 6;
}

message DataSourceInstanceSettings {
  int64 id = 1;
  string name = 2;
  string url = 3;
  string user = 4;
  string database = 5;
  bool basicAuthEnabled = 6;
  string basicAuthUser = 7;
  bytes jsonData = 8;
  map<string,string> decryptedSecureJsonData = 9;
  int64 lastUpdatedMS = 10;
  string uid = 11;
  string apiVersion = 12;
}

message User {
  string login = 1;
  string name = 2;
  string email = 3;
  string role = 4;
}

message PluginContext {
  int64 orgId = 1;
  string pluginId = 2;
  User user = 3;
  AppInstanceSettings appInstanceSettings = 4;
  DataSourceInstanceSettings dataSourceInstanceSettings = 5;
  map<string,string> grafanaConfig = 6;
  string pluginVersion = 7;
  string userAgent = 8;
  string apiVersion = 9;
}

service Resource {
  rpc CallResource(CallResourceRequest) returns (stream CallResourceResponse);
}

message StringList {
  repeated string values = 1;
}

message CallResourceRequest {
  PluginContext pluginContext = 1;
  string path = 2;
  string method = 3;
  string url = 4;
  map<string,StringList> headers = 5;
  bytes body = 6;
}

message CallResourceResponse {
  int32 code = 1;
  map<string,StringList> headers = 2;
  bytes body = 3;
}

service Data {
  rpc QueryData(QueryDataRequest) returns (QueryDataResponse);
}

enum DataFrameFormat {
  ARROW = 0;
  JSON = 1;
}

message TimeRange {
  int64 fromEpochMS = 1;
  int64 toEpochMS = 2;
}

message DataQuery {
  string refId = 1;
  int64 maxDataPoints = 2;
  int64 intervalMS = 3;
  TimeRange timeRange = 4;
  bytes json = 5;
  string queryType = 6;
}

message QueryDataRequest {
  PluginContext pluginContext = 1;
  map<string,string> headers = 2;
  repeated DataQuery queries = 3;
  DataFrameFormat format = 7;
}

message QueryDataResponse {
  map<string,DataResponse> responses = 1;
}

message DataResponse {
  repeated bytes frames = 1;
  string error = 2;
  bytes jsonMeta = 3;
  int32 status = 4;
  string errorSource = 5;
  DataFrameFormat format = 7;
}

service Diagnostics {
  rpc CheckHealth(CheckHealthRequest) returns (CheckHealthResponse);
  rpc CollectMetrics(CollectMetricsRequest) returns (CollectMetricsResponse);
}

message CollectMetricsRequest {
  PluginContext pluginContext = 1;
}

message CollectMetricsResponse {
  message Payload {
    bytes prometheus = 1;
  }
  Payload metrics = 1;
}

message CheckHealthRequest {
  PluginContext pluginContext = 1;
  map<string,string> headers = 2;
}

message CheckHealthResponse {
  enum HealthStatus {
    UNKNOWN = 0;
    OK = 1;
    ERROR = 2;
  }
  HealthStatus status = 1;
  string message = 2;
  bytes jsonDetails = 3;
}
`;
