import { createDataFrame } from '@grafana/data';
import { FRAME } from '../../../shared/frame-contract';
import { declaredConfigFrame } from '../test-support/frames';
import { declaredConfigFromFrames, declaredItemText } from './declared-config';

describe('declared config from the frame', () => {
  it('one item per setting row, statuses kept', () => {
    const items = declaredConfigFromFrames([declaredConfigFrame()])!;
    expect(items.map((item) => [item.setting, item.status])).toEqual([
      ['workerClass', 'agrees'],
      ['workers', 'disagrees'],
      ['threads', 'not-in-logs'],
      ['timeoutSec', 'not-in-logs'],
      ['healthCheckPath', 'agrees'],
    ]);
    expect(declaredItemText(items[1])).toBe('workers 2 (appCommandLine); the logs disagree: 4 (lw0sdlwk000001 generation 1, boot-lines)');
  });

  it('absent frame: nothing to show; an unknown status reads as not in the logs', () => {
    expect(declaredConfigFromFrames([])).toBeUndefined();
    const odd = createDataFrame({ name: FRAME.declaredConfig, fields: [{ name: 'setting', values: ['workers'] }, { name: 'status', values: ['maybe'] }] });
    expect(declaredConfigFromFrames([odd])?.[0]).toMatchObject({ setting: 'workers', declared: '', status: 'not-in-logs' });
  });

  it('a setting the configuration does not declare says what the logs show', () => {
    expect(declaredItemText({ setting: 'threads', declared: '', from: '', observed: '4 (lw0 generation 1)', status: 'not-declared' })).toBe('threads: not declared; the logs show: 4 (lw0 generation 1)');
  });
});
