// Report times are ISO strings (UTC, millisecond precision).
import { EpochMs } from '../model/input';

export function isoTime(time: EpochMs): string {
  return new Date(Math.floor(time)).toISOString();
}
