// Conformance host 2: launches the packaged backend through hashicorp/go-plugin with the
// handshake Grafana uses (grafana-plugin-sdk-go backend/grpcplugin) and reads every answer
// with the SDK's own decoders (backend.FromProto, data.UnmarshalArrowFrames).
package conformance

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/grpcplugin"
	"github.com/grafana/grafana-plugin-sdk-go/data"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
	"github.com/hashicorp/go-hclog"
	goplugin "github.com/hashicorp/go-plugin"
)

const secret = "go-conformance-secret-91c2"

// lockedBuffer collects go-plugin's log (it writes from several goroutines).
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

type goodQuery struct {
	Model      map[string]any `json:"model"`
	TimeSeries bool           `json:"timeSeries"`
	Alerting   bool           `json:"alerting"`
}

type goodQueries struct {
	LabDataSourceJSONData map[string]any       `json:"labDataSourceJsonData"`
	Queries               map[string]goodQuery `json:"queries"`
}

var distDatasource = filepath.Join("..", "..", "..", "dist", "datasource")

// Optional: the other architecture's executable through a user-mode emulator, e.g.
// CONFORMANCE_ARCH=arm64 CONFORMANCE_WRAPPER="qemu-aarch64 -L /usr/aarch64-linux-gnu".
func targetArch() string {
	if arch := os.Getenv("CONFORMANCE_ARCH"); arch != "" {
		return arch
	}
	return runtime.GOARCH
}

func pluginCommand(t *testing.T) (*exec.Cmd, time.Duration) {
	t.Helper()
	wrapper := strings.Fields(os.Getenv("CONFORMANCE_WRAPPER"))
	if len(wrapper) == 0 {
		return exec.Command(executablePath(t)), 10 * time.Second
	}
	return exec.Command(wrapper[0], append(wrapper[1:], executablePath(t))...), 90 * time.Second
}

func executablePath(t *testing.T) string {
	t.Helper()
	path, err := filepath.Abs(filepath.Join(distDatasource, "gpx_appsvc_triage_linux_"+targetArch()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("%s is missing: run `npm run build:backend` first (this host tests the packaged executable)", path)
	}
	return path
}

func loadGoodQueries(t *testing.T) goodQueries {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "good-queries.json"))
	if err != nil {
		t.Fatal(err)
	}
	var queries goodQueries
	if err := json.Unmarshal(raw, &queries); err != nil {
		t.Fatalf("good-queries.json: %v", err)
	}
	return queries
}

// shippedWindow is the recording window of the lab scenario shipped beside the executable.
func shippedWindow(t *testing.T, scenario string) (time.Time, time.Time) {
	t.Helper()
	path := filepath.Join(distDatasource, "recordings", scenario, "manifest.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v (the conformance queries run on this lab scenario; run `npm run build:backend`)", path, err)
	}
	var manifest struct {
		Window struct{ From, To time.Time } `json:"window"`
	}
	if err := json.Unmarshal(raw, &manifest); err != nil || manifest.Window.From.IsZero() || !manifest.Window.To.After(manifest.Window.From) {
		t.Fatalf("%s: no usable window (%v)", path, err)
	}
	return manifest.Window.From, manifest.Window.To
}

// isNumericWide is what alert rules need: a wide time series whose values are all numbers.
func isNumericWide(frame *data.Frame) bool {
	if frame.TimeSeriesSchema().Type != data.TimeSeriesTypeWide {
		return false
	}
	for _, field := range frame.Fields {
		if !field.Type().Time() && !field.Type().Numeric() {
			return false
		}
	}
	return true
}

type launched struct {
	client      *goplugin.Client
	diagnostics pluginv2.DiagnosticsClient
	data        pluginv2.DataClient
	resource    pluginv2.ResourceClient
	log         *lockedBuffer
}

// launch starts the plugin the way Grafana's pkg/plugins/backendplugin/grpcplugin does.
func launch(t *testing.T, autoMTLS bool) *launched {
	t.Helper()
	log := &lockedBuffer{}
	command, startTimeout := pluginCommand(t)
	client := goplugin.NewClient(&goplugin.ClientConfig{
		Cmd: command,
		HandshakeConfig: goplugin.HandshakeConfig{
			ProtocolVersion:  grpcplugin.ProtocolVersion,
			MagicCookieKey:   grpcplugin.MagicCookieKey,
			MagicCookieValue: grpcplugin.MagicCookieValue,
		},
		VersionedPlugins: map[int]goplugin.PluginSet{
			grpcplugin.ProtocolVersion: {
				"diagnostics": &grpcplugin.DiagnosticsGRPCPlugin{},
				"resource":    &grpcplugin.ResourceGRPCPlugin{},
				"data":        &grpcplugin.DataGRPCPlugin{},
			},
		},
		AllowedProtocols: []goplugin.Protocol{goplugin.ProtocolGRPC},
		AutoMTLS:         autoMTLS,
		StartTimeout:     startTimeout,
		Logger:           hclog.New(&hclog.LoggerOptions{Name: "host", Level: hclog.Debug, Output: log}),
	})
	rpcClient, err := client.Client()
	if err != nil {
		client.Kill()
		t.Fatalf("go-plugin could not start the plugin: %v\nlog:\n%s", err, log.String())
	}
	if err := rpcClient.Ping(); err != nil {
		t.Fatalf("health ping: %v", err)
	}
	dispense := func(name string) any {
		raw, err := rpcClient.Dispense(name)
		if err != nil {
			t.Fatalf("dispense %s: %v", name, err)
		}
		return raw
	}
	return &launched{
		client:      client,
		diagnostics: dispense("diagnostics").(grpcplugin.DiagnosticsClient),
		data:        dispense("data").(grpcplugin.DataClient),
		resource:    dispense("resource").(grpcplugin.ResourceClient),
		log:         log,
	}
}

func pluginContext(t *testing.T, jsonData any, uid string) *pluginv2.PluginContext {
	t.Helper()
	raw, err := json.Marshal(jsonData)
	if err != nil {
		t.Fatal(err)
	}
	return &pluginv2.PluginContext{
		OrgId:    1,
		PluginId: "appsvc-triage-datasource",
		DataSourceInstanceSettings: &pluginv2.DataSourceInstanceSettings{
			Id: 1, Uid: uid, Name: "Go conformance", JsonData: raw,
			DecryptedSecureJsonData: map[string]string{"clientSecret": secret},
			LastUpdatedMS:           1000,
		},
	}
}

func queryOf(t *testing.T, refID, queryType string, model map[string]any, from, to time.Time) *pluginv2.DataQuery {
	t.Helper()
	body := map[string]any{"refId": refID, "queryType": queryType}
	for key, value := range model {
		body[key] = value
	}
	raw, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	return &pluginv2.DataQuery{
		RefId: refID, QueryType: queryType, Json: raw, MaxDataPoints: 500, IntervalMS: 60_000,
		TimeRange: &pluginv2.TimeRange{FromEpochMS: from.UnixMilli(), ToEpochMS: to.UnixMilli()},
	}
}

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
		stream, err := plugin.resource.CallResource(ctx, &pluginv2.CallResourceRequest{PluginContext: labContext, Path: "scenarios", Method: "GET", Url: "/scenarios"})
		if err != nil {
			t.Fatal(err)
		}
		first, err := stream.Recv()
		if err != nil {
			t.Fatal(err)
		}
		if first.Code != 200 {
			t.Fatalf("/scenarios: status %d body %s", first.Code, first.Body)
		}
		var body struct {
			Scenarios []struct{ Scenario string } `json:"scenarios"`
		}
		if err := json.Unmarshal(first.Body, &body); err != nil {
			t.Fatalf("/scenarios is not JSON: %v", err)
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
