// Launching and talking to the packaged backend as Grafana does: go-plugin client config,
// the shared conformance queries, request builders.
package conformance

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend/grpcplugin"
	"github.com/grafana/grafana-plugin-sdk-go/data"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
	"github.com/hashicorp/go-hclog"
	goplugin "github.com/hashicorp/go-plugin"
)

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
