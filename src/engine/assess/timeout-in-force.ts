// Which Gunicorn --timeout to hold failures against, and where it came from: an explicit value in the
// site's configuration first (what the operator set), then what the logs show (startup command
// printed at boot, kill timing), then the defaults either one implies.
import { AssessContext } from './context';
import { requestSlots } from './worker-model';

export interface TimeoutInForce {
  seconds: number;
  /** e.g. `appCommandLine in the site config`, `startup-command in the logs`, `Gunicorn default per the site config`. */
  from: string;
}

export function timeoutInForce(context: AssessContext): TimeoutInForce | undefined {
  const declared = context.declared?.timeoutSec;
  if (declared && !declared.isDefault) {
    return { seconds: declared.value, from: `${declared.from} in the site config` };
  }
  const slots = requestSlots(context);
  if (slots?.timeoutSec !== undefined && slots.segmentIndex !== undefined) {
    const segment = context.workerModel.find((entry) => entry.index === slots.segmentIndex)?.item;
    const kind = segment?.timeoutSec?.evidence[0]?.kind ?? 'worker model';
    return { seconds: slots.timeoutSec, from: `${kind} in the logs` };
  }
  return declared ? { seconds: declared.value, from: `${declared.from} per the site config` } : undefined;
}

export function describeTimeout(timeout: TimeoutInForce): string {
  return `--timeout ${timeout.seconds} s (${timeout.from})`;
}
