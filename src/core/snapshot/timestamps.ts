import { civilToMs } from "../detect/time.js";

/**
 * The same language as zod's `z.iso.datetime({ offset: false })`:
 * `YYYY-MM-DDTHH:MM:SS[.fraction]Z` with real calendar days (Feb 29 in leap years only).
 * Hand-written because a regular expression per timestamp is the single largest cost of
 * reading a big snapshot.
 */
export function isIsoUtcTimestamp(s: string): boolean {
  return !Number.isNaN(isoUtcTimestampMs(s));
}

/**
 * Milliseconds since the epoch of a timestamp `isIsoUtcTimestamp` accepts (the same number as
 * `isoToMs`), NaN for any other string: the reader checks each event's time and keeps its number
 * in one pass over the characters.
 */
export function isoUtcTimestampMs(s: string): number {
  const n = s.length;
  if (n < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(n - 1) !== 90) {
    return Number.NaN;
  }
  const d = (i: number): number => {
    const c = s.charCodeAt(i) - 48;
    return c >= 0 && c <= 9 ? c : -100;
  };
  const century = d(0) * 10 + d(1);
  const yy = d(2) * 10 + d(3);
  const month = d(5) * 10 + d(6);
  const day = d(8) * 10 + d(9);
  const hour = d(11) * 10 + d(12);
  const minute = d(14) * 10 + d(15);
  const second = d(17) * 10 + d(18);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return Number.NaN;
  }
  const leap = yy === 0 ? century % 4 === 0 : yy % 4 === 0;
  const maxDay = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  if (day > maxDay) return Number.NaN;
  let millis = 0;
  if (n > 20) {
    if (s.charCodeAt(19) !== 46 || n < 22) return Number.NaN;
    // Milliseconds from the first three digits of the fraction, as isoToMs reads them.
    let scale = 100;
    for (let i = 20; i < n - 1; i++) {
      const digit = d(i);
      if (digit < 0) return Number.NaN;
      if (scale >= 1) {
        millis += digit * scale;
        scale /= 10;
      }
    }
  }
  return civilToMs(century * 100 + yy, month, day, hour, minute, second, millis);
}

// `YYYY-MM-DDTHH:MM:SS[.fraction]` followed by a numeric offset, `+02:00` or `+0200`.
const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-])(\d{2}):?(\d{2})$/;

/**
 * The same instant as a UTC timestamp ending in `Z`, for a timestamp written with a numeric
 * offset instead (`2026-10-31T10:15:00+02:00`, `…+00:00` as Python's `isoformat()` writes it,
 * `…+0000` as Jira's REST API does). Returns undefined for anything else, including timestamps
 * that already end in `Z`. Offsets run to ±23:59 and the date and time must be real.
 */
export function utcFromOffsetTimestamp(s: string): string | undefined {
  const m = WITH_OFFSET.exec(s);
  if (m === null) return undefined;
  const [, local, sign, hh, mm] = m as unknown as [string, string, string, string, string];
  const hours = Number(hh);
  const minutes = Number(mm);
  if (hours > 23 || minutes > 59) return undefined;
  const localMs = isoUtcTimestampMs(`${local}Z`);
  if (Number.isNaN(localMs)) return undefined;
  const offsetMs = (sign === "+" ? 1 : -1) * (hours * 60 + minutes) * 60_000;
  const utc = new Date(localMs - offsetMs);
  // Years outside 0000–9999 would need the expanded form; they are not real audit data.
  return utc.getUTCFullYear() >= 0 && utc.getUTCFullYear() <= 9999 ? utc.toISOString() : undefined;
}
