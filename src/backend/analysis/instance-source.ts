// The Source behind a data source instance, built once per instance (instances are rebuilt when
// their settings change), so file caches live as long as the settings do.
import path from 'node:path';
import { FilesSource } from '../../sources/files/files-source';
import { LabSource } from '../../sources/lab/lab-source';
import type { Source } from '../../sources/source';
import { requireSettings, type AppInstance } from '../app-instance';
import { PluginRequestError } from '../protocol/plugin-types';

export const DEFAULT_LAB_SCENARIO = 'h1-exhaustion';

const sources = new WeakMap<AppInstance, Source>();

function buildSource(instance: AppInstance): Source {
  const { settings } = requireSettings(instance);
  switch (settings.source) {
    case 'lab':
      return new LabSource({
        recordingsDir: instance.recordingsRoot,
        scenario: settings.labScenario ?? DEFAULT_LAB_SCENARIO,
        replayAsOfNow: settings.labReplayAsOfNow,
      });
    case 'files':
      if (!settings.filesPath) {
        throw new PluginRequestError('data source setting "filesFolder" is empty: set the folder holding the exported logs', 400, 'downstream');
      }
      return new FilesSource(path.resolve(settings.filesPath));
    case 'azure':
      throw new PluginRequestError('the Azure source is not available in this build of the backend; use the lab or files source', 501, 'plugin');
  }
}

export function sourceFor(instance: AppInstance): Source {
  let source = sources.get(instance);
  if (!source) {
    source = buildSource(instance);
    sources.set(instance, source);
  }
  return source;
}
