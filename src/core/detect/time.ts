/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;
/** Milliseconds in one hour. */
export const HOUR_MS = 3_600_000;

/** Weekday of a day counted from 1970-01-01 (a Thursday), Sunday = 0. */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Weekday of an instant (in the time its milliseconds are counted in), Sunday = 0. */
export function weekdayOf(ms: number): number {
  return weekdayOfDay(Math.floor(ms / DAY_MS));
}

/**
 * A working day, from hour `start` (inclusive) to `end` (exclusive): business hours. The rest
 * days are Saturday and Sunday, or that pair moved `restShift` days on (6: Friday and Saturday,
 * 5: Thursday and Friday, 1: Sunday and Monday), for a working week that is not Monday to Friday.
 */
export function isWorkingHour(weekday: number, hour: number, start: number, end: number, restShift = 0): boolean {
  const shifted = restShift === 0 ? weekday : (weekday - restShift + 7) % 7;
  return shifted !== 0 && shifted !== 6 && hour >= start && hour < end;
}

/** The names of the two rest days of a week whose rest days are Saturday and Sunday moved `restShift` days on. */
export function restDayNames(restShift: number): [string, string] {
  return [WEEKDAY_NAMES[(6 + restShift) % 7] as string, WEEKDAY_NAMES[restShift % 7] as string];
}
const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const DASH = 45;
const T = 84;
const COLON = 58;
const DOT = 46;
const Z = 90;

/**
 * Milliseconds since the epoch of a snapshot timestamp (`2026-10-31T08:15:00.000Z`), computed
 * arithmetically. A large audit parses hundreds of thousands of timestamps, and this neither
 * allocates nor goes through the general date parser; any other shape falls back to Date.parse.
 */
export function isoToMs(s: string): number {
  const n = s.length;
  if (
    n < 20 ||
    s.charCodeAt(4) !== DASH ||
    s.charCodeAt(7) !== DASH ||
    s.charCodeAt(10) !== T ||
    s.charCodeAt(13) !== COLON ||
    s.charCodeAt(16) !== COLON ||
    s.charCodeAt(n - 1) !== Z
  ) {
    return Date.parse(s);
  }
  // Digits read in place (a helper per pair is not always inlined, and this runs for every event).
  const year = (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48);
  const month = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const day = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  const hour = (s.charCodeAt(11) - 48) * 10 + (s.charCodeAt(12) - 48);
  const minute = (s.charCodeAt(14) - 48) * 10 + (s.charCodeAt(15) - 48);
  const second = (s.charCodeAt(17) - 48) * 10 + (s.charCodeAt(18) - 48);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return Date.parse(s);
  let millis = 0;
  if (n > 20 && s.charCodeAt(19) === DOT) {
    let scale = 100;
    for (let i = 20; i < n - 1 && scale >= 1; i++) {
      millis += (s.charCodeAt(i) - 48) * scale;
      scale /= 10;
    }
  }
  return civilToMs(year, month, day, hour, minute, second, millis);
}

/** Milliseconds since the epoch of a UTC date and time, all fields already in range. */
export function civilToMs(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number): number {
  // Days from the civil date (proleptic Gregorian), after Howard Hinnant's days_from_civil.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const days = era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
  return days * DAY_MS + hour * HOUR_MS + minute * 60_000 + second * 1000 + millis;
}
