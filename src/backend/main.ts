// Entry point of gpx_appsvc_triage_<os>_<arch>: the process Grafana starts for the data source.
import { dirname, join, resolve } from 'node:path';
import { isSea } from 'node:sea';
import { createAppHandlers } from './app-handlers';
import { servePlugin } from './protocol/serve';

const PLUGIN_ID = 'appsvc-triage-datasource';

/**
 * Recordings ship beside the executable (dist/datasource/recordings); when run from the
 * sources (tsx) the repository's lab/recordings are used. The env variable overrides both.
 */
function recordingsRoot(): string {
  const override = process.env.APPSVC_TRIAGE_RECORDINGS_DIR;
  if (override) {
    return resolve(override);
  }
  return isSea() ? join(dirname(process.execPath), 'recordings') : resolve('lab', 'recordings');
}

servePlugin({
  pluginId: PLUGIN_ID,
  metricsPrefix: 'appsvc_triage_backend',
  handlers: createAppHandlers({ recordingsRoot: recordingsRoot() }),
}).catch((error: unknown) => {
  process.stderr.write(`${JSON.stringify({ '@level': 'error', '@message': 'plugin failed to start', error: String(error) })}\n`);
  process.exit(1);
});
