// Entry point of gpx_appsvc_triage_<os>_<arch>: the process Grafana starts for the data source.
import { defaultRecordingsDir } from '../sources/open-source';
import { createAppHandlers } from './app-handlers';
import { servePlugin } from './protocol/serve';

const PLUGIN_ID = 'appsvc-triage-datasource';

servePlugin({
  pluginId: PLUGIN_ID,
  metricsPrefix: 'appsvc_triage_backend',
  // Recordings ship beside the executable (dist/datasource/recordings); see defaultRecordingsDir.
  handlers: createAppHandlers({ recordingsRoot: defaultRecordingsDir() }),
}).catch((error: unknown) => {
  process.stderr.write(`${JSON.stringify({ '@level': 'error', '@message': 'plugin failed to start', error: String(error) })}\n`);
  process.exit(1);
});
