// The metrics and workerModel handlers with a real data source instance: a files source on a corpus
// lab (no metrics export, a site config) answers empty metrics frames whose notice says why, and a
// declared-config frame beside the worker model; a table query type is refused in alert rules.
import path from 'node:path';
import { createAppInstance, type AppInstance } from '../app-instance';
import type { Logger } from '../protocol/hclog';
import type { RequestContext } from '../protocol/plugin-types';
import { FRAME } from '../../shared/frame-contract';
import { appQueryHandlers } from './app-query-handlers';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus/azure-labs');
const silent = { debug() {}, info() {}, warn() {}, error() {} } as unknown as Logger;

function context(jsonData: object, fromAlert = false): RequestContext<AppInstance> {
  const instance = createAppInstance({ id: 1, uid: 'files', name: 'files', url: '', jsonData: Buffer.from(JSON.stringify(jsonData)), decryptedSecureJsonData: {}, lastUpdatedMS: 1 }, path.resolve(__dirname, '../../../lab/recordings'));
  return { instance, pluginContext: {} as RequestContext<AppInstance>['pluginContext'], headers: {}, fromAlert, signal: new AbortController().signal, logger: silent };
}

const query = (model: Record<string, unknown>) => ({
  refId: 'A',
  queryType: String(model.queryType),
  model,
  // The corpus lab's trigger export spans this day; the wide range takes all of it.
  timeRange: { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2030-01-01T00:00:00Z') },
  intervalMs: 60_000,
  maxDataPoints: 1000,
});

jest.setTimeout(60_000);

describe('metrics and workerModel query handlers', () => {
  const files = { source: 'files', filesFolder: path.join(CORPUS, 'snat-exhaustion') };

  it('a source without metrics: empty metrics and instance-count frames, the notice naming the source and what to add', async () => {
    const frames = await appQueryHandlers.metrics(query({ queryType: 'metrics', metrics: ['CpuPercentage'], bin: '1h' }), context(files));
    expect(frames.map((frame) => [frame.name, frame.fields[0].values.length])).toEqual([
      [FRAME.metrics, 0],
      [FRAME.instanceCount, 0],
    ]);
    const notices = frames[0].meta?.notices?.map((notice) => notice.text) ?? [];
    expect(notices[0]).toMatch(/^Platform metrics are not available from .*snat-exhaustion.*: the folder holds no Azure Monitor metrics export; add the JSON that `az monitor metrics list` prints/);
  });

  it('a metrics query is numeric in alert rules; a workerModel query is refused there', async () => {
    const frames = await appQueryHandlers.metrics(query({ queryType: 'metrics', bin: '1h' }), context(files, true));
    expect(frames.map((frame) => frame.fields.map((field) => field.type))).toEqual([['time', 'float64']]);
    await expect(appQueryHandlers.workerModel(query({ queryType: 'workerModel', bin: '1h' }), context(files, true))).rejects.toThrow(/alert rules can use series, clusters, markers, hypotheses or metrics/);
  });

  it('workerModel answers the worker model, then declared vs logs from the site config in the folder', async () => {
    const frames = await appQueryHandlers.workerModel(query({ queryType: 'workerModel', bin: '1h' }), context(files));
    expect(frames.map((frame) => frame.name)).toEqual([FRAME.workerModel, FRAME.declaredConfig]);
    const declared = frames[1];
    const column = (name: string) => declared.fields.find((field) => field.name === name)!.values as readonly unknown[];
    const row = (setting: string) => column('setting').indexOf(setting);
    // The corpus README: snat-exhaustion runs gunicorn --workers 4 --timeout 120 and its boot lines show 4 workers.
    expect([column('declared')[row('workers')], column('from')[row('workers')], column('status')[row('workers')]]).toEqual(['4', 'appCommandLine', 'agrees']);
    expect([column('declared')[row('timeoutSec')], column('status')[row('timeoutSec')]]).toEqual(['120', 'agrees']);
    expect(declared.meta?.notices ?? []).toEqual([]);
  });

  it('without a site config the declared-config frame says so and lists what the logs show', async () => {
    const frames = await appQueryHandlers.workerModel(query({ queryType: 'workerModel', bin: '1h' }), context({ source: 'files', filesFolder: path.join(CORPUS, 'snat-exhaustion', 'trigger') }));
    const declared = frames[1];
    expect(declared.fields.find((field) => field.name === 'status')!.values.every((status) => status === 'not-declared')).toBe(true);
    expect(declared.meta?.notices?.[0].text).toMatch(/^No site configuration was read from this source/);
  });
});
