// The process around the plugin server: checks the go-plugin handshake environment, prints
// the handshake line, and exits on Shutdown, SIGTERM or when Grafana (the parent) is gone.
import { HandshakeRefused, readGoPluginEnvironment } from './go-plugin-env';
import { createLogger, parseLogLevel } from './hclog';
import { PluginMetrics } from './metrics';
import { watchParent } from './parent-watch';
import { startPluginServer } from './plugin-server';
import type { PluginHandlers } from './plugin-types';

// go-plugin's host waits 2 s for the plugin to exit after Shutdown; stay well inside it.
const SHUTDOWN_DEADLINE_MS = 1200;

export interface ServeOptions<TInstance> {
  pluginId: string;
  /** Prefix for the Prometheus metric names, e.g. "appsvc_triage_backend". */
  metricsPrefix: string;
  handlers: PluginHandlers<TInstance>;
}

export async function servePlugin<TInstance>(options: ServeOptions<TInstance>): Promise<void> {
  let environment;
  try {
    environment = readGoPluginEnvironment(process.env);
  } catch (error) {
    if (error instanceof HandshakeRefused) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const logger = createLogger(options.pluginId, parseLogLevel(process.env.GF_PLUGIN_LOG_LEVEL));
  const metrics = new PluginMetrics(options.metricsPrefix);
  let stopping = false;
  const shutdown = (reason: string): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info('shutting down', { reason });
    running.stop(SHUTDOWN_DEADLINE_MS).finally(() => process.exit(0));
  };

  const running = await startPluginServer({
    environment,
    handlers: options.handlers,
    metrics,
    logger,
    onShutdownRequested: () => shutdown('Shutdown requested by the host'),
  });

  process.stdout.write(`${running.handshakeLine}\n`);
  logger.info('plugin started', { pid: process.pid, node: process.version });

  // go-plugin plugins ignore interrupts: Ctrl-C in Grafana's terminal reaches the whole
  // process group, and Grafana itself decides when its plugins stop.
  process.on('SIGINT', () => logger.debug('interrupt ignored; waiting for the host to stop the plugin'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  watchParent(() => shutdown('parent process is gone'));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: String(reason) }));
}
