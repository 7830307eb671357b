// The `declared-config` frame → one "Declared vs logs" item per setting: what the site's
// configuration declares, what the logs show, and whether they agree.
import type { DataFrame } from '@grafana/data';
import { FRAME } from '../../../shared/frame-contract';
import { column, framesNamed, stringAt } from './frames';

export type DeclaredStatus = 'agrees' | 'disagrees' | 'not-in-logs' | 'not-declared';
const STATUSES: readonly string[] = ['agrees', 'disagrees', 'not-in-logs', 'not-declared'];

export interface DeclaredConfigItem {
  setting: string;
  declared: string;
  from: string;
  observed: string;
  status: DeclaredStatus;
}

export function declaredConfigFromFrames(frames: DataFrame[]): DeclaredConfigItem[] | undefined {
  const [frame] = framesNamed(frames, FRAME.declaredConfig);
  if (!frame) {
    return undefined;
  }
  const [setting, declared, from, observed, status] = ['setting', 'declared', 'from', 'observed', 'status'].map((name) => column(frame, name));
  return (setting ?? []).map((_, row) => {
    const stated = stringAt(status, row);
    return {
      setting: stringAt(setting, row),
      declared: stringAt(declared, row),
      from: stringAt(from, row),
      observed: stringAt(observed, row),
      status: (STATUSES.includes(stated) ? stated : 'not-in-logs') as DeclaredStatus,
    };
  });
}

/** `workers 2 (appCommandLine): logs show 4 (lw0 generation 1, boot-lines)`: the item's tooltip text. */
export function declaredItemText(item: DeclaredConfigItem): string {
  const declared = item.declared ? `${item.setting} ${item.declared}${item.from ? ` (${item.from})` : ''}` : `${item.setting}: not declared`;
  const verdict = { agrees: 'the logs agree', disagrees: 'the logs disagree', 'not-in-logs': 'the logs do not show it', 'not-declared': 'the logs show' }[item.status];
  return `${declared}; ${verdict}${item.observed ? `: ${item.observed}` : ''}`;
}
