import { join } from 'node:path';
import { RECORDINGS_DIR, Recording, TABLES, readRecording } from './test-support/recording';
import { CHECKS } from './test-support/scenarioChecks';

/** The committed recordings: each is read with the lab's own small reader and its signature proven. */

const SCENARIO_NAMES = Object.keys(CHECKS);

const EXPECTED_COLUMNS: Record<string, Record<string, string>> = {
  AppServiceHTTPLogs: {
    TimeGenerated: 'datetime', CsMethod: 'string', CsUriStem: 'string', CsUriQuery: 'string', ScStatus: 'int',
    ScSubStatus: 'string', ScWin32Status: 'string', TimeTaken: 'int', CsHost: 'string', ComputerName: 'string',
    CIp: 'string', UserAgent: 'string', Result: 'string', CsBytes: 'int', ScBytes: 'int', SPort: 'string', _ResourceId: 'string',
  },
  AppServiceConsoleLogs: { TimeGenerated: 'datetime', Level: 'string', Host: 'string', ResultDescription: 'string', ContainerId: 'string', _ResourceId: 'string' },
  AppServicePlatformLogs: {
    TimeGenerated: 'datetime', Level: 'string', Message: 'string', ContainerId: 'string', OperationName: 'string',
    DeploymentId: 'string', Host: 'string', StackTrace: 'string', Exception: 'string', ActivityId: 'string', _ResourceId: 'string',
  },
};

const SEVEN_DIGITS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/;

describe.each(SCENARIO_NAMES)('recording %s', (name) => {
  let rec: Recording;
  beforeAll(() => {
    rec = readRecording(join(RECORDINGS_DIR, name));
  });

  it('has the three tables with the real column names and Kusto types', () => {
    for (const table of TABLES) {
      const types = Object.fromEntries(rec.columns[table].map((c) => [c.name, c.type]));
      expect(types).toMatchObject(EXPECTED_COLUMNS[table]);
    }
  });

  it('uses 7-digit UTC TimeGenerated, integer TimeTaken and App Service console levels', () => {
    const raw = (table: string) => require(join(rec.dir, `${table}.json`)).tables[0];
    for (const table of TABLES) {
      const t = raw(table);
      const idx = t.columns.findIndex((c: { name: string }) => c.name === 'TimeGenerated');
      for (const row of t.rows) {
        expect(row[idx]).toMatch(SEVEN_DIGITS);
      }
    }
    expect(rec.http.every((r) => Number.isInteger(r.timeTaken) && r.timeTaken >= 0)).toBe(true);
    // Gunicorn writes to stderr, which App Service labels "Error" even for INFO lines.
    const gunicornLines = rec.console.filter((r) => /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000\] \[\d+\] \[INFO\]/.test(r.text));
    expect(gunicornLines.length).toBeGreaterThan(0);
    expect(gunicornLines.every((r) => r.level === 'Error')).toBe(true);
    expect(rec.platform.every((p) => ['Informational', 'Warning', 'Error'].includes(p.level))).toBe(true);
  });

  it('names its instances consistently across the tables', () => {
    const instances: string[] = rec.manifest.instances;
    expect(instances.length).toBeGreaterThanOrEqual(1);
    expect(new Set(rec.http.map((r) => r.instance))).toEqual(new Set(instances));
    expect(rec.console.every((r) => instances.includes(r.host))).toBe(true);
    expect(rec.platform.every((p) => instances.includes(p.host))).toBe(true);
  });

  it('has a manifest per the lab contract and stays small', () => {
    const m = rec.manifest;
    expect(m.scenario).toBe(name);
    expect(m.variant).toBe('full');
    expect(Date.parse(m.window.from)).toBeLessThan(Date.parse(m.window.to));
    for (const key of ['version', 'workerClass', 'workers', 'threads', 'timeout', 'commandLine']) {
      expect(m.gunicorn[key]).toBeDefined();
    }
    expect(m.gunicorn.commandLine).toContain(`--timeout ${m.gunicorn.timeout}`);
    expect(m.proxy).toMatchObject({ name: 'nginx' });
    expect(m.proxy.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Array.isArray(m.expected.ranking)).toBe(true);
    expect(m.synthesized.length).toBeGreaterThan(0);
    expect(m.caps.tracebackFramesKeptPerException).toBeGreaterThan(0);
    if (name === 'baseline') {
      expect(m.faultWindow).toBeNull();
      expect(m.expected.ranking).toEqual([]);
    } else {
      expect(Date.parse(m.faultWindow.from)).toBeGreaterThanOrEqual(Date.parse(m.window.from));
      expect(Date.parse(m.faultWindow.to)).toBeLessThanOrEqual(Date.parse(m.window.to));
      expect(m.expected.ranking.length).toBeGreaterThan(0);
    }
    const total = Object.values(rec.bytes).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(1024 * 1024);
  });

  it('carries per-second CPU and memory of every instance, in range for the instance size', () => {
    const m = rec.manifest;
    const { vcpus, memoryMb } = m.instanceSize;
    expect(vcpus).toBeGreaterThan(0);
    expect(memoryMb).toBeGreaterThan(0);
    const windowS = (Date.parse(m.window.to) - Date.parse(m.window.from)) / 1000;
    for (const instance of m.instances as string[]) {
      for (const metric of ['CpuPercentage', 'MemoryPercentage']) {
        const points = rec.metrics[metric][instance];
        // One point per second while the instance runs (h3's restarts leave a few seconds out).
        expect(points.length).toBeGreaterThanOrEqual(windowS * 0.7);
        for (let i = 1; i < points.length; i++) {
          const step = points[i].t - points[i - 1].t;
          expect(step % 1000).toBe(0);
          expect(step).toBeGreaterThan(0);
        }
        expect(points.filter((p) => p.t < Date.parse(m.window.from) - 1000 || p.t > Date.parse(m.window.to))).toEqual([]);
      }
      expect(rec.metrics.MemoryPercentage[instance].every((p) => p.value! > 0 && p.value! <= 100)).toBe(true);
      // CPU time of the tree over wall time × vCPUs. Readings are whole 10 ms ticks per process, so a second can read
      // up to one tick per process high; without a CPU cgroup the tree may also use every host CPU.
      const summary = m.resourceSummary.perInstance.find((p: { instance: string }) => p.instance === instance);
      const tickSlack = summary.processes.max / vcpus;
      const ceiling = m.isolation.cpuCgroup ? 100 + tickSlack : (100 * m.resourceSummary.hostCpus) / vcpus + tickSlack;
      expect(rec.metrics.CpuPercentage[instance].every((p) => p.value! >= 0 && p.value! <= ceiling)).toBe(true);
    }
  });

  it('carries per-second site metrics that count exactly the HTTP table rows', () => {
    for (const instance of rec.manifest.instances as string[]) {
      const sum = (metric: string) => rec.metrics[metric][instance].reduce((a, p) => a + (p.value ?? 0), 0);
      const rows = rec.http.filter((r) => r.instance === instance);
      expect(sum('Requests')).toBe(rows.length);
      expect(sum('Http5xx')).toBe(rows.filter((r) => r.status >= 500 && r.status <= 599).length);
      const times = rec.metrics.HttpResponseTime[instance];
      expect(times.length).toBe(rec.metrics.Requests[instance].length);
      expect(times.every((p) => p.value === undefined || p.value >= 0)).toBe(true);
    }
  });

  it('says in its manifest which metrics are measured and which computed', () => {
    const text = (rec.manifest.synthesized as string[]).join('\n');
    expect(text).toMatch(/PlatformMetrics\.json: CpuPercentage and MemoryPercentage are MEASURED/);
    expect(text).toMatch(/SiteMetrics\.json: COMPUTED from the nginx access-log rows/);
    expect(rec.manifest.resourceSummary.samplerProblems).toEqual([]);
  });

  it('shows its failure signature', () => {
    CHECKS[name](rec);
  });
});
