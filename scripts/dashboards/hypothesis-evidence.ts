// The evidence each hypothesis is judged on (DESIGN.md's catalogue and the playbook's section 6).
import {
  clustersTable,
  divergencesTable,
  endpointsTable,
  latencyTail,
  loadVsFailures,
  logLinesPanel,
  markersTable,
  splitSeries,
  statusBars,
  workerModelTable,
} from './evidence-panels';
import { UNIT } from './field-config';
import { instanceCount, metricPerInstance, peakMetricByInstance, scaleEventsTable } from './metrics-panels';
import type { HypothesisSpec } from './hypothesis-drilldown';

export const HYPOTHESES: HypothesisSpec[] = [
  {
    id: 'H1',
    title: 'Worker concurrency exhaustion',
    description: 'Supported by 5xx/499 rising with load and p95/p99, 499 clusters at one TimeTaken boundary, fast and slow endpoints diverging in the same second, few sync workers. Weakened by 5xx at low volume and uniform failures on fast paths.',
    evidence: [
      [loadVsFailures('Does 5xx rise with request volume?'), latencyTail('Does the latency tail climb with load (queueing)?')],
      [clustersTable('Client aborts bunched at one boundary: requests waited in the queue until the caller gave up.'), divergencesTable()],
      [splitSeries('err5xx', 'instance', '5xx per instance', 'One saturated instance supports H1; all instances alike weakens it.', UNIT.count), workerModelTable('Few sync workers mean few requests in flight per instance.')],
    ],
  },
  {
    id: 'H2',
    title: 'Dependency latency cascade',
    description: 'Supported by timeout/refused/reset lines in console logs, failures concentrated on dependency-heavy paths, TimeTaken rising before 5xx, retry storms. Weakened by dependency-free paths failing identically and no dependency signatures.',
    evidence: [
      [latencyTail('Does TimeTaken rise before the 5xx do (upstream stall, then timeout)?'), statusBars(['s500', 's502', 's504'], '500 / 502 / 504', 'Application errors and gateway failures per bin.')],
      [splitSeries('errPct', 'path', 'errPct by path', 'Concentrated on dependency-heavy paths supports H2; identical on dependency-free paths weakens it.', UNIT.percent), endpointsTable('Endpoints by error rate', 'Which paths fail, and how slow they are.', 'errPct')],
      [logLinesPanel('console', 'timeout', 'Console: timeout lines', 'Dependency timeouts (DB, HTTP APIs, Redis, Key Vault).'), logLinesPanel('console', 'connection', 'Console: connection errors', 'Refused and reset connections, retries.')],
    ],
  },
  {
    id: 'H3',
    title: 'Health probe / restart overlap',
    description: 'Supported by 503/502 aligned with container start/stop, warm-up, probe failures and Gunicorn master boot lines. Weakened when there are no platform transitions near the errors.',
    evidence: [
      [statusBars(['s502', 's503'], '502 / 503', 'Do 503/502 spikes line up with the restart annotations?'), loadVsFailures('Errors around restarts, with the load at the time.')],
      [markersTable(['deployment', 'restart', 'container-start', 'container-stop', 'container-timeout', 'probe-failure', 'boot-failure', 'graceful-shutdown'], 'Deployments, restarts and platform transitions', 'Deployments (Kudu uploads, new deployment ids), master restarts, container lifecycle and probe failures.'), splitSeries('s503', 'instance', '503 per instance', 'A restarting instance answers 503 while the others keep serving.', UNIT.count)],
      [logLinesPanel('platform', '', 'Platform log', 'Container lifecycle, health checks and recycles.'), logLinesPanel('console', 'Starting gunicorn', 'Console: Gunicorn master boots', 'Each line is a fresh master: a restart.')],
    ],
  },
  {
    id: 'H4',
    title: 'Outbound connection pressure',
    description: 'Supported by connect timeouts, EADDRNOTAVAIL and refused connections under fan-out on outbound-heavy paths (SNAT-like). Weakened when endpoints without outbound calls fail at the same rate.',
    evidence: [
      [statusBars(['s500', 's502', 's504'], '500 / 502 / 504', 'Transient upstream failures per bin.'), splitSeries('errPct', 'path', 'errPct by path', 'Outbound-heavy paths failing while the others do not supports H4.', UNIT.percent)],
      [splitSeries('err5xx', 'instance', '5xx per instance', 'Outbound pressure tends to hit every instance alike.', UNIT.count), endpointsTable('Endpoints by error rate', 'Which paths fail under fan-out.', 'errPct')],
      [logLinesPanel('console', 'connect', 'Console: connect errors', 'Connect timeouts and refused connections.'), logLinesPanel('console', 'EADDRNOTAVAIL', 'Console: EADDRNOTAVAIL', 'No free local port for a new outbound connection (SNAT-like exhaustion).')],
    ],
  },
  {
    id: 'T1',
    title: 'Gunicorn timeout too short',
    description: 'Supported by WORKER TIMEOUT followed by the worker\'s kill, and requests dying near the configured --timeout (30 s by default).',
    evidence: [
      [markersTable(['worker-timeout', 'worker-kill'], 'WORKER TIMEOUT and kills', 'A timeout followed by the kill of the same pid.'), workerModelTable('The --timeout in force per instance and generation.')],
      [latencyTail('Do the slowest requests end near --timeout?'), clustersTable('499/5xx bunched at the Gunicorn timeout boundary.')],
      [logLinesPanel('console', 'WORKER TIMEOUT', 'Console: WORKER TIMEOUT', 'Gunicorn\'s own line for a worker past --timeout.')],
    ],
  },
  {
    id: 'M1',
    title: 'Memory pressure (OOM kills)',
    description: 'Supported by "SIGKILL! Perhaps out of memory?" not preceded by a WORKER TIMEOUT for the same pid, and restarts. Weakened when every SIGKILL is explained by a prior timeout.',
    evidence: [
      [markersTable(['worker-kill'], 'Worker kills', 'cause oom-suspect: no WORKER TIMEOUT before the kill; after-timeout: explained by T1.'), markersTable(['restart', 'worker-boot'], 'Restarts and worker boots', 'Workers replaced after kills, masters restarted.')],
      [loadVsFailures('Failures around the kills.'), logLinesPanel('console', 'out of memory', 'Console: out of memory', 'Gunicorn\'s "Perhaps out of memory?" lines.')],
      [
        metricPerInstance('MemoryPercentage', 'Memory per instance', 'MemoryPercentage from Azure Monitor: climbing to the limit before the kills supports M1.'),
        logLinesPanel('platform', '', 'Platform log', 'Container recycles after memory exhaustion.'),
      ],
    ],
  },
  {
    id: 'C1',
    title: 'CPU saturation',
    description: 'Supported by sustained high CPU (Azure Monitor CpuPercentage) on the failing instances while latency rises on every path, fast ones included. Weakened when CPU stays moderate while only the slow paths queue (that is H1).',
    evidence: [
      [
        metricPerInstance('CpuPercentage', 'CPU per instance', 'Mean CpuPercentage per bin; the dashed line marks sustained saturation. The failing instance pinned near 100 % supports C1.'),
        latencyTail('Latency rising on every path at once (not only the slow ones) points at CPU, not at a worker queue.'),
      ],
      [
        metricPerInstance('CpuPercentage', 'CPU peaks per instance', 'Highest CpuPercentage point per bin: short saturation bursts a mean hides.', { field: 'max' }),
        splitSeries('err5xx', 'instance', '5xx per instance', 'Failures on the instance whose CPU is saturated support C1.', UNIT.count),
      ],
      [
        endpointsTable('Endpoints by p95', 'Fast paths slow too under CPU saturation; under H1 they stay fast.', 'p95'),
        peakMetricByInstance('CpuPercentage', 'Peak CPU by instance', 'The highest CpuPercentage each instance reached.'),
      ],
      [
        instanceCount('Instances reporting CpuPercentage per bin: a scale-out during the incident spreads the load (and changes what per-instance CPU means).', { w: 8 }),
        scaleEventsTable('When instances were added or removed (from the instances reporting plan metrics).', 8),
        metricPerInstance('MemoryPercentage', 'Memory per instance', 'MemoryPercentage beside CPU: memory pressure (M1) can look like CPU saturation through swapping and GC.', { w: 8 }),
      ],
    ],
  },
];
