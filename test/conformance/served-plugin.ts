// A test suite's own backend process: launched before the suite's tests as Grafana's go-plugin
// client launches it, connected over its socket, and stopped (socket directory removed) after them.
import { connect, goPluginEnvironment, launchPlugin, stopPlugin, type LaunchedPlugin, type PluginClients } from './plugin-process';

export interface ServedPlugin {
  env: Record<string, string>;
  /** Set once the suite's `beforeAll` has run. */
  plugin: LaunchedPlugin;
  clients: PluginClients;
}

/** Call inside a `describe` (or at top level): registers the suite's beforeAll/afterAll. */
export function servePluginDuringSuite(env = goPluginEnvironment()): ServedPlugin {
  const served = { env } as ServedPlugin;
  beforeAll(async () => {
    served.plugin = await launchPlugin(env);
    served.clients = connect(served.plugin.handshake);
  });
  afterAll(async () => {
    served.clients?.close();
    await stopPlugin(served.plugin, env);
  });
  return served;
}
