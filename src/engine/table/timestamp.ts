// ISO-8601 timestamps → epoch ms (float, sub-ms kept). Log Analytics trims trailing zeros, so the
// fraction has 0–7 digits (trap 11); zone is `Z`, an offset, or absent (taken as UTC).
import { EpochMs } from '../model/input';

const CHAR_0 = 48;
const MS_PER_DAY = 86_400_000;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** 10^(digits-3): divides the fraction's integer value into milliseconds. */
const FRACTION_DIVISOR = [1e-3, 1e-2, 1e-1, 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6];

function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - CHAR_0;
    if (digit < 0 || digit > 9) {
      return -1;
    }
    value = value * 10 + digit;
  }
  return value;
}

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Parses `YYYY-MM-DD[T| ]HH:MM:SS[.f{0,9}][Z|±HH:MM|±HHMM]`; returns NaN when it is not one. */
export function parseIsoTimestamp(text: string): EpochMs {
  if (text.length < 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) {
    return NaN;
  }
  const separator = text.charCodeAt(10);
  if ((separator !== 84 && separator !== 32) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) {
    return NaN;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    return NaN;
  }
  if (second < 0 || second > 59 || day > DAYS_IN_MONTH[month - 1] || (month === 2 && day === 29 && !isLeapYear(year))) {
    return NaN;
  }
  let position = 19;
  let fractionMs = 0;
  if (text.charCodeAt(position) === 46) {
    const start = position + 1;
    let end = start;
    while (end < text.length && end - start < 10) {
      const digit = text.charCodeAt(end) - CHAR_0;
      if (digit < 0 || digit > 9) {
        break;
      }
      end++;
    }
    const count = end - start;
    if (count === 0 || count > 9) {
      return NaN;
    }
    fractionMs = digitsAt(text, start, count) / FRACTION_DIVISOR[count];
    position = end;
  }
  let offsetMinutes = 0;
  if (position < text.length) {
    const zone = text.charCodeAt(position);
    if (zone === 90 || zone === 122) {
      position++;
    } else if (zone === 43 || zone === 45) {
      const hours = digitsAt(text, position + 1, 2);
      const hasColon = text.charCodeAt(position + 3) === 58;
      const minutes = digitsAt(text, position + (hasColon ? 4 : 3), 2);
      if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59) {
        return NaN;
      }
      offsetMinutes = (zone === 45 ? -1 : 1) * (hours * 60 + minutes);
      position += hasColon ? 6 : 5;
    }
    if (position !== text.length) {
      return NaN;
    }
  }
  const days = daysFromCivil(year, month, day);
  return days * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + fractionMs;
}

/** Accepts ISO strings, epoch-ms numbers and Date objects; NaN for anything else. */
export function toEpochMs(value: unknown): EpochMs {
  if (typeof value === 'string') {
    const parsed = parseIsoTimestamp(value);
    return Number.isNaN(parsed) ? parseIsoTimestamp(value.trim()) : parsed;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : NaN;
  }
  if (value instanceof Date) {
    return value.getTime();
  }
  return NaN;
}

/** ISO text of an epoch-ms time with millisecond precision (for titles and messages). */
export function formatIso(time: EpochMs): string {
  return Number.isFinite(time) ? new Date(Math.floor(time)).toISOString() : String(time);
}
