/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;
/** Milliseconds in one hour. */
export const HOUR_MS = 3_600_000;

const DASH = 45;
const T = 84;
const COLON = 58;
const DOT = 46;
const Z = 90;

function digits2(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);
}

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
  const year = digits2(s, 0) * 100 + digits2(s, 2);
  const month = digits2(s, 5);
  const day = digits2(s, 8);
  const hour = digits2(s, 11);
  const minute = digits2(s, 14);
  const second = digits2(s, 17);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return Date.parse(s);
  let millis = 0;
  if (n > 20 && s.charCodeAt(19) === DOT) {
    let scale = 100;
    for (let i = 20; i < n - 1 && scale >= 1; i++) {
      millis += (s.charCodeAt(i) - 48) * scale;
      scale /= 10;
    }
  }
  // Days from the civil date (proleptic Gregorian), after Howard Hinnant's days_from_civil.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const days = era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
  return days * DAY_MS + hour * HOUR_MS + minute * 60_000 + second * 1000 + millis;
}
