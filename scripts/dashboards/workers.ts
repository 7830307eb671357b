// Workers & restarts: the inferred Gunicorn worker model over time, console and platform lines,
// and WORKER TIMEOUT kills (T1) told apart from kills with no timeout before them (M1).
import { dashboard, VIEW_TAG } from './dashboard';
import { unitOverride, UNIT, wrapText } from './field-config';
import type { Dashboard, Transformation } from './grafana-json';
import { layout } from './layout';
import { logs, table, timeSeries } from './panels';
import { logs as logLines, markers, workerModel, WORKER_MODEL_FRAME_INDEX } from './queries';

/** Count markers per kind and cause: how many kills followed a WORKER TIMEOUT, how many did not. */
const KILLS_BY_CAUSE: Transformation[] = [
  {
    id: 'groupBy',
    options: {
      fields: {
        kind: { operation: 'groupby', aggregations: [] },
        cause: { operation: 'groupby', aggregations: [] },
        time: { operation: 'aggregate', aggregations: ['count', 'lastNotNull'] },
      },
    },
  },
];

export function workersDashboard(): Dashboard {
  const panels = layout([
    [
      timeSeries({
        title: 'Worker model over time',
        description: 'Workers, threads and --timeout of each Gunicorn master generation, per instance: a step means a restart with a different configuration.',
        targets: [workerModel()],
        unit: UNIT.count,
        style: 'steps',
        transformations: [
          { id: 'organize', options: { excludeByName: { timeEnd: true, generation: true }, indexByName: {}, renameByName: {} } },
          { id: 'partitionByValues', options: { fields: ['instance'], keepFields: false } },
        ],
        overrides: [unitOverride('timeoutSec', UNIT.seconds)],
      }),
      table({
        title: 'Worker model',
        description: 'One row per master generation and instance, with the evidence each value rests on (startup command, boot lines, kill timing, or Gunicorn defaults).',
        targets: [workerModel()],
        overrides: [unitOverride('timeoutSec', UNIT.seconds), wrapText('evidence', 420)],
        sortBy: { field: 'time', desc: true },
      }),
    ],
    [
      table({
        title: 'Declared configuration vs the logs',
        description:
          'What the site declares (startup command, GUNICORN_CMD_ARGS, allow-listed app settings, Gunicorn defaults) beside what the logs show: agrees, disagrees (something overrides the declared value, or it changed since), not in the logs, or not declared. Empty declared column: this source read no site configuration.',
        targets: [workerModel()],
        overrides: [wrapText('observed', 520)],
        frameIndex: WORKER_MODEL_FRAME_INDEX.declaredConfig,
        w: 24,
        h: 7,
      }),
    ],
    [
      table({
        title: 'WORKER TIMEOUT vs OOM kills',
        description: 'Kills grouped by cause: after-timeout (Gunicorn killed a worker past --timeout, T1) vs oom-suspect (SIGKILL with no timeout before it, M1).',
        targets: [markers(['worker-timeout', 'worker-kill'])],
        transformations: KILLS_BY_CAUSE,
        w: 8,
      }),
      table({
        title: 'Worker timeouts and kills',
        description: 'Every WORKER TIMEOUT and worker kill with its pid and instance; the source line is in the text column.',
        targets: [markers(['worker-timeout', 'worker-kill', 'worker-exit', 'worker-boot'])],
        transformations: [{ id: 'organize', options: { excludeByName: { timeEnd: true, tags: true }, indexByName: { time: 0, instance: 1, kind: 2, pid: 3, cause: 4, title: 5, text: 6 }, renameByName: {} } }],
        overrides: [wrapText('text', 420)],
        sortBy: { field: 'time', desc: true },
        w: 16,
      }),
    ],
    [
      table({
        title: 'Restarts and container transitions',
        description: 'Gunicorn master restarts, container start/stop, start-up timeouts, probe and boot failures from console and platform logs.',
        targets: [markers(['restart', 'container-start', 'container-stop', 'container-timeout', 'probe-failure', 'boot-failure', 'graceful-shutdown'])],
        transformations: [{ id: 'organize', options: { excludeByName: { timeEnd: true, tags: true, pid: true, cause: true }, indexByName: { time: 0, instance: 1, kind: 2, title: 3, text: 4 }, renameByName: {} } }],
        overrides: [wrapText('text', 420)],
        sortBy: { field: 'time', desc: true },
        w: 24,
        h: 8,
      }),
    ],
    [
      logs({ title: 'Console log (AppServiceConsoleLogs)', description: 'Gunicorn and application output (stderr is marked Error by App Service).', targets: [logLines('console')] }),
      logs({ title: 'Platform log (AppServicePlatformLogs)', description: 'Container lifecycle, health checks and recycles.', targets: [logLines('platform')] }),
    ],
  ]);
  return dashboard({
    uid: 'appsvc-workers',
    title: 'App Service 5xx Triage: Workers & restarts',
    description: 'Gunicorn worker model over time, console and platform timelines, WORKER TIMEOUT kills vs out-of-memory kills.',
    tags: [VIEW_TAG, 'workers'],
    panels,
  });
}
