// Conformance host 2: launches the packaged backend through hashicorp/go-plugin with the
// handshake Grafana uses (grafana-plugin-sdk-go backend/grpcplugin) and reads every answer
// with the SDK's own decoders (backend.FromProto, data.UnmarshalArrowFrames).
package conformance

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
)

const secret = "go-conformance-secret-91c2"

func runConformance(t *testing.T, autoMTLS bool) {
	good := loadGoodQueries(t)
	plugin := launch(t, autoMTLS)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	labContext := pluginContext(t, good.LabDataSourceJSONData, "go-lab")
	scenario, _ := good.LabDataSourceJSONData["labScenario"].(string)
	from, to := shippedWindow(t, scenario)

	t.Run("CheckHealth", func(t *testing.T) {
		protoResult, err := plugin.diagnostics.CheckHealth(ctx, &pluginv2.CheckHealthRequest{PluginContext: labContext})
		if err != nil {
			t.Fatal(err)
		}
		result := backend.FromProto().CheckHealthResponse(protoResult)
		if result.Status == backend.HealthStatusUnknown || result.Message == "" {
			t.Fatalf("health check gave no verdict: %+v", result)
		}
		var details map[string]any
		if err := json.Unmarshal(result.JSONDetails, &details); err != nil {
			t.Fatalf("jsonDetails is not JSON: %v", err)
		}
		if details["source"] != "lab" {
			t.Errorf("details.source = %v, want lab", details["source"])
		}
		if strings.Contains(string(result.JSONDetails)+result.Message, secret) {
			t.Error("the secret appears in the health check")
		}
	})

	t.Run("QueryData", func(t *testing.T) {
		now := time.Now()
		queries := []*pluginv2.DataQuery{
			{RefId: "malformed", Json: []byte(`{"queryType":`), TimeRange: &pluginv2.TimeRange{}},
			queryOf(t, "unknown", "no-such-type", nil, now.Add(-time.Hour), now),
		}
		for queryType, query := range good.Queries {
			queries = append(queries, queryOf(t, "good-"+queryType, queryType, query.Model, from, to))
		}
		protoResponse, err := plugin.data.QueryData(ctx, &pluginv2.QueryDataRequest{PluginContext: labContext, Queries: queries})
		if err != nil {
			t.Fatal(err)
		}
		response, err := backend.FromProto().QueryDataResponse(protoResponse)
		if err != nil {
			t.Fatalf("the SDK cannot decode the response (Arrow frames): %v", err)
		}
		for _, refID := range []string{"malformed", "unknown"} {
			answer := response.Responses[refID]
			if answer.Error == nil || answer.Status != backend.StatusBadRequest || answer.ErrorSource != backend.ErrorSourceDownstream {
				t.Errorf("%s: want a 400 downstream error, got status %d source %q error %v", refID, answer.Status, answer.ErrorSource, answer.Error)
			}
		}
		for queryType, query := range good.Queries {
			answer := response.Responses["good-"+queryType]
			if answer.Error != nil {
				t.Errorf("%s: %v", queryType, answer.Error)
				continue
			}
			if len(answer.Frames) == 0 {
				t.Errorf("%s: no frames", queryType)
			}
			for _, frame := range answer.Frames {
				if frame.RefID != "good-"+queryType {
					t.Errorf("%s: frame %q has refId %q", queryType, frame.Name, frame.RefID)
				}
				if _, err := frame.RowLen(); err != nil {
					t.Errorf("%s: frame %q: %v", queryType, frame.Name, err)
				}
				if query.TimeSeries {
					schema := frame.TimeSeriesSchema()
					if schema.Type != data.TimeSeriesTypeWide && schema.Type != data.TimeSeriesTypeLong {
						t.Errorf("%s: frame %q is not a wide or long time series (%v)", queryType, frame.Name, schema.Type)
					}
				}
			}
		}
	})

	t.Run("QueryDataFromAlert", func(t *testing.T) {
		var queries []*pluginv2.DataQuery
		for queryType, query := range good.Queries {
			queries = append(queries, queryOf(t, queryType, queryType, query.Model, from, to))
		}
		protoResponse, err := plugin.data.QueryData(ctx, &pluginv2.QueryDataRequest{
			PluginContext: labContext,
			Headers:       map[string]string{backend.FromAlertHeaderName: "true"},
			Queries:       queries,
		})
		if err != nil {
			t.Fatal(err)
		}
		response, err := backend.FromProto().QueryDataResponse(protoResponse)
		if err != nil {
			t.Fatalf("the SDK cannot decode the response (Arrow frames): %v", err)
		}
		for queryType, query := range good.Queries {
			answer := response.Responses[queryType]
			if !query.Alerting {
				if answer.Status != backend.StatusBadRequest {
					t.Errorf("%s from an alert rule: want 400, got %d (%v)", queryType, answer.Status, answer.Error)
				}
				continue
			}
			if answer.Error != nil || len(answer.Frames) == 0 {
				t.Errorf("%s from an alert rule: error %v, %d frames", queryType, answer.Error, len(answer.Frames))
			}
			for _, frame := range answer.Frames {
				if !isNumericWide(frame) {
					t.Errorf("%s from an alert rule: frame %q is not a numeric wide time series", queryType, frame.Name)
				}
			}
		}
	})

	t.Run("CallResource", func(t *testing.T) {
		call := func(path, query string) *pluginv2.CallResourceResponse {
			stream, err := plugin.resource.CallResource(ctx, &pluginv2.CallResourceRequest{
				PluginContext: labContext, Path: path, Method: "GET", Url: "/" + path + "?" + query,
			})
			if err != nil {
				t.Fatal(err)
			}
			first, err := stream.Recv()
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			return first
		}
		var scenarios struct {
			Scenarios []struct{ Scenario string } `json:"scenarios"`
		}
		if response := call("scenarios", ""); response.Code != 200 || json.Unmarshal(response.Body, &scenarios) != nil || len(scenarios.Scenarios) == 0 {
			t.Errorf("/scenarios: status %d body %.200s", response.Code, response.Body)
		}
		rangeQuery := url.Values{"from": {from.Format(time.RFC3339Nano)}, "to": {to.Format(time.RFC3339Nano)}}.Encode()
		var report map[string]json.RawMessage
		if response := call("report", rangeQuery); response.Code != 200 || json.Unmarshal(response.Body, &report) != nil {
			t.Fatalf("/report: status %d body %.200s", response.Code, response.Body)
		}
		for _, key := range []string{"window", "source", "totals", "series", "clusters", "markers", "workerModel", "hypotheses", "ranking"} {
			if _, ok := report[key]; !ok {
				t.Errorf("/report lacks %q", key)
			}
		}
		var paths []string
		if response := call("paths", rangeQuery); response.Code != 200 || json.Unmarshal(response.Body, &paths) != nil || len(paths) == 0 {
			t.Errorf("/paths: status %d body %.200s", response.Code, response.Body)
		}
		if response := call("paths", "from=yesterday&to=today"); response.Code != 400 {
			t.Errorf("/paths with a bad range: status %d, want 400", response.Code)
		}
	})

	t.Run("CollectMetrics", func(t *testing.T) {
		metrics, err := plugin.diagnostics.CollectMetrics(ctx, &pluginv2.CollectMetricsRequest{})
		if err != nil {
			t.Fatal(err)
		}
		text := string(metrics.Metrics.Prometheus)
		for _, want := range []string{`appsvc_triage_backend_requests_total{endpoint="queryData",outcome="ok"}`, "appsvc_triage_backend_instance_cache_hits_total"} {
			if !strings.Contains(text, want) {
				t.Errorf("metrics lack %s", want)
			}
		}
	})

	t.Run("Shutdown", func(t *testing.T) {
		started := time.Now()
		plugin.client.Kill() // GRPCController.Shutdown, then waits up to 2 s before killing
		elapsed := time.Since(started)
		if !plugin.client.Exited() {
			t.Fatal("plugin still running after Kill")
		}
		log := plugin.log.String()
		if strings.Contains(log, "plugin failed to exit gracefully") || elapsed >= 2*time.Second {
			t.Errorf("plugin did not exit within 2 s of Shutdown (%v)", elapsed)
		}
		for _, unwanted := range []string{"stdio service not available", "Unimplemented", secret} {
			if strings.Contains(log, unwanted) {
				t.Errorf("go-plugin log contains %q:\n%s", unwanted, log)
			}
		}
		if !strings.Contains(log, "plugin started") {
			t.Errorf("the plugin's hclog lines did not reach the host log:\n%s", log)
		}
		fmt.Printf("shutdown took %v\n", elapsed)
	})
}

func TestConformancePlain(t *testing.T) { runConformance(t, false) }

func TestConformanceAutoMTLS(t *testing.T) { runConformance(t, true) }
