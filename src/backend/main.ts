// Entry point of gpx_appsvc_triage_<os>_<arch>: the process Grafana starts for the data source.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isSea } from 'node:sea';
import { defaultRecordingsDir } from '../sources/open-source';
import { createAppHandlers } from './app-handlers';
import { servePlugin } from './protocol/serve';

const PLUGIN_ID = 'appsvc-triage-datasource';

/**
 * The packaged executable reads the recordings shipped beside it (dist/datasource/recordings),
 * never a checkout's lab/recordings that may have been re-recorded since the build; the
 * APPSVC_TRIAGE_RECORDINGS override and runs from the sources go through defaultRecordingsDir.
 */
function recordingsRoot(): string {
  const beside = join(dirname(process.execPath), 'recordings');
  if (!process.env.APPSVC_TRIAGE_RECORDINGS && isSea() && existsSync(beside)) {
    return beside;
  }
  return defaultRecordingsDir();
}

servePlugin({
  pluginId: PLUGIN_ID,
  metricsPrefix: 'appsvc_triage_backend',
  handlers: createAppHandlers({ recordingsRoot: recordingsRoot() }),
}).catch((error: unknown) => {
  process.stderr.write(`${JSON.stringify({ '@level': 'error', '@message': 'plugin failed to start', error: String(error) })}\n`);
  process.exit(1);
});
