// Prefilter terms for console and platform lines: only lines the engine's parse rules can use
// come back raw. `has_any` matches whole terms/phrases through the table's term index, so the
// filter runs on the Log Analytics cluster instead of shipping every line.

/** Gunicorn master/worker lifecycle, Python tracebacks and dependency failure signatures. */
export const CONSOLE_MATCH_TERMS: readonly string[] = [
  // T1 / M1: the arbiter kills a worker; "SIGKILL" without a prior timeout suggests OOM.
  'WORKER TIMEOUT',
  'SIGKILL',
  'out of memory',
  // H3 and worker model: boot / shutdown of the master and its workers.
  'Booting worker',
  'Starting gunicorn',
  'Listening at',
  'Using worker',
  'Shutting down',
  'Handling signal',
  'exited with code',
  'Worker exiting',
  'Worker failed to boot',
  'Error handling request',
  'gunicorn',
  // H2 / H4: dependency and outbound connection failures as Python prints them.
  'Traceback',
  'timed out',
  'Connection refused',
  'Connection reset',
  'Cannot assign requested address',
  'Errno',
  'Name or service not known',
  'SystemExit',
  'ModuleNotFoundError',
];

/** Traceback frame lines carry no keyword of their own; they start with two spaces and `File "`. */
export const CONSOLE_TRACEBACK_FRAME_PREFIX = '  File "';

/** Platform transitions that H3 aligns with 502/503: container start/stop, probes, recycles. */
export const PLATFORM_MATCH_TERMS: readonly string[] = [
  'Container',
  'ContainerTimeout',
  'probe',
  'HTTP pings',
  'recycle',
  'warm-up',
  'warmup',
  'Site started',
  'Site startup',
  'Stopping site',
  'exit code',
  'State:',
  'SiteStartupCancelled',
];

/** Platform levels always kept: a warning or error is evidence whatever its text. */
export const PLATFORM_ALWAYS_LEVELS: readonly string[] = ['Warning', 'Error'];
