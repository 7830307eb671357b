// The process around the plugin server: checks the go-plugin handshake environment, prints
// the handshake line, and exits on Shutdown, SIGTERM or when Grafana (the parent) is gone.
import { HandshakeRefused, readGoPluginEnvironment } from './go-plugin-env';
import { createLogger } from './hclog';
import { PluginMetrics } from './metrics';
import { watchParent } from './parent-watch';
import { startPluginServer, type RunningPluginServer } from './plugin-server';
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

  // Like the Go SDK: write everything from debug up; Grafana's own log level filters it.
  const logger = createLogger(options.pluginId, 'debug');
  const metrics = new PluginMetrics(options.metricsPrefix);
  let running: RunningPluginServer | undefined;
  let stopping = false;
  const shutdown = (reason: string): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info('shutting down', { reason });
    // Before the server is up there is nothing to stop yet; the start path below exits.
    running?.stop(SHUTDOWN_DEADLINE_MS).finally(() => process.exit(0));
  };

  // Handlers go in before the handshake line: a host may stop the plugin the moment it has
  // read it, and an unhandled SIGTERM would leave the socket file behind.
  // go-plugin plugins ignore interrupts: Ctrl-C in Grafana's terminal reaches the whole
  // process group, and Grafana itself decides when its plugins stop.
  process.on('SIGINT', () => logger.debug('interrupt ignored; waiting for the host to stop the plugin'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: String(reason) }));
  watchParent(() => shutdown('parent process is gone'));

  running = await startPluginServer({
    environment,
    handlers: options.handlers,
    metrics,
    logger,
    onShutdownRequested: () => shutdown('Shutdown requested by the host'),
  });
  if (stopping) {
    // SIGTERM arrived while the server was binding: release the socket it just bound.
    await running.stop(SHUTDOWN_DEADLINE_MS);
    process.exit(0);
  }

  process.stdout.write(`${running.handshakeLine}\n`);
  logger.info('plugin started', { pid: process.pid, node: process.version });
}
