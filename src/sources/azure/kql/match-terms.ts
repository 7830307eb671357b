// Prefilter terms for console and platform lines: only lines the engine's parse rules
// (src/engine/parse) can use come back raw. `has_any` matches whole terms/phrases through the
// table's term index, so the filter runs on the Log Analytics cluster instead of shipping every
// line. match-terms.test.ts proves on every corpus export that no parsed event is lost.

/** Gunicorn master/worker lifecycle and dependency failure signatures, as the parser reads them. */
export const CONSOLE_MATCH_TERMS: readonly string[] = [
  // T1 / M1: the arbiter kills a worker; "SIGKILL" without a prior timeout suggests OOM.
  'WORKER TIMEOUT',
  'SIGKILL',
  'was sent',
  'out of memory',
  'terminated due to signal',
  // H3 and the worker model: boot / shutdown of the master and its workers.
  'Booting worker',
  'Starting gunicorn',
  'Listening at',
  'Using worker',
  'Control socket',
  'Shutting down',
  'Handling signal',
  'exited with code',
  'Worker exiting',
  'Worker failed to boot',
  'Reason',
  'Connection in use',
  "Can't connect",
  'Error handling request',
  'gunicorn',
  // H2 / H4: dependency and outbound connection failures as Python prints them.
  'Traceback',
  'timed out',
  'ReadTimeout',
  'TimeoutError',
  'TimeoutExpired',
  'socket.timeout',
  'deadline exceeded',
  'Connection refused',
  'ECONNREFUSED',
  'Connection reset',
  'Cannot assign requested address',
  'EADDRNOTAVAIL',
  'Errno',
  'Name or service not known',
  'SystemExit',
  'ModuleNotFoundError',
];

/** Traceback body lines carry no keyword: frames start `  File "`, source lines are indented 4. */
export const CONSOLE_TRACEBACK_PREFIXES: readonly string[] = ['  File "', '    '];

/** Platform transitions that H3 aligns with 502/503: container start/stop, probes, recycles. */
export const PLATFORM_MATCH_TERMS: readonly string[] = [
  'Container',
  'ContainerTimeout',
  'Site',
  'Kudu',
  'probe',
  'HTTP pings',
  'warm-up',
  'warmup',
  'exit code',
  'time limit',
  'prohibitted',
  'State',
  'SiteStartupCancelled',
];

/** Word fragments with variable endings (`recycle`, `recycling`, `recycled`): matched with `contains`. */
export const PLATFORM_MATCH_PREFIXES: readonly string[] = ['recycl'];

/** Platform levels always kept: a warning or error is evidence whatever its text. */
export const PLATFORM_ALWAYS_LEVELS: readonly string[] = ['Warning', 'Error'];

/**
 * Kudu/SCM requests that make or follow a deployment (the engine's scm-deploys.ts reads them):
 * upload endpoints (also with a trailing slash, as deploy tools send them) and the prefixes of the
 * deployment status / PUT-deploy APIs. match-terms.test.ts keeps these in step with the engine.
 */
export const SCM_DEPLOY_UPLOAD_PATHS: readonly string[] = ['/api/zipdeploy', '/api/publish', '/api/wardeploy', '/api/deploy', '/deploy'];
export const SCM_DEPLOY_PATH_PREFIXES: readonly string[] = ['/api/deployments', '/api/zip/'];
