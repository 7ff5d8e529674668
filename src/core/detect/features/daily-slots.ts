import { DAY_MS } from "../time.js";

const MINUTES_PER_DAY = 1440;
/** More slots than this are a timer's beat, which the cadence rules judge. */
export const MAX_DAILY_SLOTS = 12;

/** What `findDailySlots` found for one account. */
export interface DailySlots {
  /** Distinct (UTC) days with a sitting. */
  days: number;
  /** Slots found: times of day that recur on enough of those days. */
  count: number;
  /** Sittings inside the slots. */
  sittings: number;
  /** Fewest distinct days any slot recurs on. */
  fewestDays: number;
  /** UTC minute of the day where each slot starts (the first `count` entries). */
  minutes: Int16Array;
}

export function emptyDailySlots(): DailySlots {
  return { days: 0, count: 0, sittings: 0, fewestDays: 0, minutes: new Int16Array(MAX_DAILY_SLOTS) };
}

/**
 * The fixed times of day an account signs in at: a robot that opens a browser at 08:10, 12:10 and
 * 16:10 every weekday. A person's sign-ins wander by far more than a quarter of an hour, and few
 * come back at two times of day on most days.
 *
 * Greedy, one slot at a time: the `windowMinutes` window of the day (wrapping past midnight) whose
 * sittings fall on the most distinct days becomes a slot when those days are at least `minDays`
 * and `dayShare` of the account's sitting days; its sittings are then set aside and the next
 * slot is sought among the rest, up to MAX_DAILY_SLOTS. Each search is one walk of two pointers
 * round the clock over the sittings sorted by time of day, so an account costs O(n log n).
 *
 * `times` holds the first `len` sitting times (ms, any order); `scratch` is reused between calls.
 */
export function findDailySlots(times: Float64Array, len: number, windowMinutes: number, minDays: number, dayShare: number, out: DailySlots, scratch: SlotScratch): void {
  out.days = 0;
  out.count = 0;
  out.sittings = 0;
  out.fewestDays = 0;
  if (len < minDays * 2) return;
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < len; i++) {
    const day = Math.floor((times[i] as number) / DAY_MS);
    if (day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
  }
  const span = lastDay - firstDay + 1;
  // A key per sitting: its minute of the day above, its day (from the first) below.
  const keys = scratch.keys(len);
  for (let i = 0; i < len; i++) {
    const ms = times[i] as number;
    const day = Math.floor(ms / DAY_MS);
    keys[i] = Math.floor((ms - day * DAY_MS) / 60_000) * SPAN_LIMIT + Math.min(day - firstDay, SPAN_LIMIT - 1);
  }
  const sorted = keys.subarray(0, len).sort();
  const spanDays = Math.min(span, SPAN_LIMIT);
  const perDay = scratch.days(spanDays);
  let distinct = 0;
  for (let i = 0; i < len; i++) {
    const day = (sorted[i] as number) % SPAN_LIMIT;
    if (perDay[day]!++ === 0) distinct++;
  }
  perDay.fill(0, 0, spanDays);
  out.days = distinct;
  const needed = Math.max(minDays, distinct * dayShare);
  let left = len;
  while (out.count < MAX_DAILY_SLOTS && left >= needed) {
    // Two pointers round the clock; `end` runs past the last key into the first ones again.
    let best = 0;
    let bestStart = -1;
    let bestEnd = -1;
    let end = 0;
    let days = 0;
    for (let start = 0; start < left; start++) {
      const first = Math.floor((sorted[start] as number) / SPAN_LIMIT);
      while (end < start + left) {
        const key = sorted[end % left] as number;
        const minute = Math.floor(key / SPAN_LIMIT) + (end >= left ? MINUTES_PER_DAY : 0);
        if (minute - first >= windowMinutes) break;
        if (perDay[key % SPAN_LIMIT]!++ === 0) days++;
        end++;
      }
      if (days > best) {
        best = days;
        bestStart = start;
        bestEnd = end;
      }
      if (--perDay[(sorted[start] as number) % SPAN_LIMIT]! === 0) days--;
    }
    // The keys past the end of the array that the last windows took in are still counted.
    perDay.fill(0, 0, spanDays);
    if (best < needed) break;
    const inSlot = bestEnd - bestStart;
    out.minutes[out.count] = Math.floor((sorted[bestStart] as number) / SPAN_LIMIT);
    out.fewestDays = out.count === 0 ? best : Math.min(out.fewestDays, best);
    out.count++;
    out.sittings += inSlot;
    // Set the slot's sittings aside: keep the keys before and after it (those past the end of the
    // array when it wraps), in time-of-day order.
    if (bestEnd <= left) {
      sorted.copyWithin(bestStart, bestEnd, left);
    } else {
      const wrapped = bestEnd - left;
      sorted.copyWithin(0, wrapped, bestStart);
    }
    left -= inSlot;
  }
}

/** Days a slot is counted on; a longer history shares the last day's counter (it only needs distinct days). */
const SPAN_LIMIT = 4096;

/** Buffers `findDailySlots` reuses from one account to the next. */
export class SlotScratch {
  private keyBuffer = new Float64Array(64);
  private dayBuffer = new Int32Array(64);

  keys(len: number): Float64Array {
    if (this.keyBuffer.length < len) this.keyBuffer = new Float64Array(Math.max(len, this.keyBuffer.length * 2));
    return this.keyBuffer;
  }

  days(span: number): Int32Array {
    if (this.dayBuffer.length < span) this.dayBuffer = new Int32Array(Math.max(span, this.dayBuffer.length * 2));
    return this.dayBuffer;
  }
}
