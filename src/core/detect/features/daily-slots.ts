import { DAY_MS } from "../time.js";

const MINUTES_PER_DAY = 1440;
/** More slots than this are a timer's beat, which the cadence rules judge. */
export const MAX_DAILY_SLOTS = 12;

/** What `findDailySlots` found for one account. */
export interface DailySlots {
  /** Distinct days with a sitting, each starting in the account's quiet hours (`quietMidpointMinute`). */
  days: number;
  /** Slots found: times of day that recur on enough of those days, at least two windows apart. */
  count: number;
  /** Sittings inside the slots (and inside windows next to one, which widen it). */
  sittings: number;
  /** Fewest distinct days any slot recurs on. */
  fewestDays: number;
  /** UTC minute of the day where each slot starts (the first `count` entries). */
  minutes: Int16Array;
}

export function emptyDailySlots(): DailySlots {
  return { days: 0, count: 0, sittings: 0, fewestDays: 0, minutes: new Int16Array(MAX_DAILY_SLOTS) };
}

export function copyDailySlots(from: DailySlots, to: DailySlots): void {
  to.days = from.days;
  to.count = from.count;
  to.sittings = from.sittings;
  to.fewestDays = from.fewestDays;
  to.minutes.set(from.minutes);
}

/**
 * The fixed times of day an account signs in at: a robot that opens a browser at 08:10, 12:10 and
 * 16:10 every weekday. A person's sign-ins wander by far more than a quarter of an hour, and few
 * come back at two times of day on most days.
 *
 * Greedy, one slot at a time: the `windowMinutes` window of the day (wrapping past midnight) whose
 * sittings fall on the most distinct days becomes a slot when those days are at least `minDays`
 * and `dayShare` of the account's sitting days; its sittings are then set aside and the next
 * slot is sought among the rest, up to MAX_DAILY_SLOTS windows. A window within two windows of a
 * slot widens that slot rather than making another. Each search is one walk of two pointers
 * round the clock over the sittings sorted by time of day, so an account costs O(n log n). Days
 * start halfway through the longest gap between the sittings' times of day, so that one habit
 * near UTC midnight stays on one day.
 *
 * `times` holds the first `len` sitting times (ms, any order); `scratch` is reused between calls.
 */
export function findDailySlots(times: Float64Array, len: number, windowMinutes: number, minDays: number, dayShare: number, out: DailySlots, scratch: SlotScratch): void {
  out.days = 0;
  out.count = 0;
  out.sittings = 0;
  out.fewestDays = 0;
  if (len < minDays * 2) return;
  // Each sitting's day, ranked among the distinct days, so that a counter per day stays small
  // however long the history. The account's day starts in the middle of its longest quiet
  // stretch, not at UTC midnight: a person in Taipei who signs in between 07:30 and 08:30 local
  // time signs in on both sides of UTC midnight, and UTC days would make that one habit two times
  // of day, each kept on half the days.
  const dayStartMs = quietMidpointMinute(times, len, scratch.keys(len)) * 60_000;
  const dayOf = scratch.dayList(len);
  for (let i = 0; i < len; i++) dayOf[i] = Math.floor(((times[i] as number) - dayStartMs) / DAY_MS);
  const distinctDays = scratch.uniqueDays(len);
  distinctDays.set(dayOf.subarray(0, len));
  distinctDays.subarray(0, len).sort();
  let distinct = 0;
  for (let i = 0; i < len; i++) if (i === 0 || distinctDays[i] !== distinctDays[i - 1]) distinctDays[distinct++] = distinctDays[i] as number;
  // A key per sitting: its minute of the day above, its day's rank below.
  const stride = distinct;
  const keys = scratch.keys(len);
  for (let i = 0; i < len; i++) {
    const day = dayOf[i] as number;
    keys[i] = minuteOfDay(times[i] as number) * stride + rankOf(distinctDays, distinct, day);
  }
  const sorted = keys.subarray(0, len).sort();
  const perDay = scratch.days(distinct);
  perDay.fill(0, 0, distinct);
  out.days = distinct;
  const needed = Math.max(minDays, distinct * dayShare);
  let left = len;
  let found = 0;
  while (found < MAX_DAILY_SLOTS && left >= needed) {
    // Two pointers round the clock; `end` runs past the last key into the first ones again.
    let best = 0;
    let bestStart = -1;
    let bestEnd = -1;
    let end = 0;
    let days = 0;
    for (let start = 0; start < left; start++) {
      const first = Math.floor((sorted[start] as number) / stride);
      while (end < start + left) {
        const key = sorted[end % left] as number;
        const minute = Math.floor(key / stride) + (end >= left ? MINUTES_PER_DAY : 0);
        if (minute - first >= windowMinutes) break;
        if (perDay[key % stride]!++ === 0) days++;
        end++;
      }
      if (days > best) {
        best = days;
        bestStart = start;
        bestEnd = end;
      }
      if (--perDay[(sorted[start] as number) % stride]! === 0) days--;
    }
    // The keys past the end of the array that the last windows took in are still counted.
    perDay.fill(0, 0, distinct);
    if (best < needed) break;
    const inSlot = bestEnd - bestStart;
    const minute = Math.floor((sorted[bestStart] as number) / stride);
    out.sittings += inSlot;
    found++;
    // A window next to a slot (within two windows) is the same time of day, spread wider: one
    // sign-in a day anywhere in 08:00-08:29 is one habit, not slots at 08:00 and 08:15.
    if (!nearSlot(out, minute, windowMinutes * 2)) {
      out.minutes[out.count] = minute;
      out.fewestDays = out.count === 0 ? best : Math.min(out.fewestDays, best);
      out.count++;
    }
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

/** Whether `minute` is less than `distance` minutes (round the clock) from a slot already found. */
function nearSlot(out: DailySlots, minute: number, distance: number): boolean {
  for (let i = 0; i < out.count; i++) {
    const apart = Math.abs(minute - (out.minutes[i] as number));
    if (Math.min(apart, MINUTES_PER_DAY - apart) < distance) return true;
  }
  return false;
}

/** Sittings this close to UTC midnight, either side, move the start of the account's day to its quiet hours. */
const MIDNIGHT_MARGIN_MINUTES = 60;

/** The UTC minute of the day of `ms`. */
function minuteOfDay(ms: number): number {
  return Math.floor((((ms % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

/**
 * The UTC minute of the day halfway through the longest gap between the times of day of the
 * first `len` sittings (across midnight too): where the account's quiet hours are, and so where
 * one of its days ends and the next begins. `buffer` (of `len` or more) is overwritten.
 */
export function quietMidpointMinute(times: Float64Array, len: number, buffer: Float64Array): number {
  let nearMidnight = false;
  for (let i = 0; i < len; i++) {
    const minute = minuteOfDay(times[i] as number);
    buffer[i] = minute;
    if (minute < MIDNIGHT_MARGIN_MINUTES || minute >= MINUTES_PER_DAY - MIDNIGHT_MARGIN_MINUTES) nearMidnight = true;
  }
  // Sittings well clear of UTC midnight keep UTC days.
  if (!nearMidnight) return 0;
  const minutes = buffer.subarray(0, len).sort();
  let gap = (minutes[0] as number) + MINUTES_PER_DAY - (minutes[len - 1] as number);
  let after = minutes[len - 1] as number;
  for (let i = 1; i < len; i++) {
    const g = (minutes[i] as number) - (minutes[i - 1] as number);
    if (g > gap) {
      gap = g;
      after = minutes[i - 1] as number;
    }
  }
  return Math.floor(after + gap / 2) % MINUTES_PER_DAY;
}

/** The index of `day` among the first `count` sorted distinct days (which hold it). */
function rankOf(distinctDays: Float64Array, count: number, day: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((distinctDays[mid] as number) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Buffers `findDailySlots` reuses from one account to the next, each grown on demand. */
export class SlotScratch {
  private readonly floats = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];
  private dayBuffer = new Int32Array(64);

  /** The sittings' days. */
  dayList(len: number): Float64Array {
    return this.float(0, len);
  }

  /** Their distinct days. */
  uniqueDays(len: number): Float64Array {
    return this.float(1, len);
  }

  /** Their keys (minute of the day and day rank). */
  keys(len: number): Float64Array {
    return this.float(2, len);
  }

  /** A counter per distinct day. */
  days(span: number): Int32Array {
    if (this.dayBuffer.length < span) this.dayBuffer = new Int32Array(Math.max(span, this.dayBuffer.length * 2));
    return this.dayBuffer;
  }

  private float(which: 0 | 1 | 2, len: number): Float64Array {
    const buffer = this.floats[which] as Float64Array;
    if (buffer.length >= len) return buffer;
    const grown = new Float64Array(Math.max(len, buffer.length * 2));
    this.floats[which] = grown;
    return grown;
  }
}

/** Writes the first sitting of each (UTC) day of `times` (in order) to `firsts`, and returns how many days there are. */
export function firstSittings(times: Float64Array, len: number, firsts: Float64Array): number {
  let days = 0;
  let lastDay = Number.NaN;
  for (let i = 0; i < len; i++) {
    const ms = times[i] as number;
    const day = Math.floor(ms / DAY_MS);
    if (day === lastDay) continue;
    lastDay = day;
    firsts[days++] = ms;
  }
  return days;
}

/**
 * The most of the `days` first sittings (`firstSittings`) that fall within `spanMinutes` of one
 * time of day (their minutes of the day apart by `spanMinutes` at most, across midnight too).
 * With a clock change, the sittings after it are also moved by it (as a job on local time moves in
 * UTC) and counted again, where the days so found lie on both sides of it.
 */
export function punctualDays(firsts: Float64Array, days: number, spanMinutes: number, changes: readonly { atMs: number; shiftMinutes: number }[]): number {
  let punctual = mostWithin(firsts, days, spanMinutes, 0, Number.POSITIVE_INFINITY);
  for (const change of changes) {
    if (change.atMs <= (firsts[0] as number) || change.atMs > (firsts[days - 1] as number)) continue;
    punctual = Math.max(punctual, mostWithin(firsts, days, spanMinutes, change.shiftMinutes * 60_000, change.atMs));
  }
  return punctual;
}
/** `punctualDays` for one reading of the clock: instants from `atMs` on moved by `shiftMs`; with a move, only windows with instants on both sides count. */
function mostWithin(firsts: Float64Array, len: number, spanMinutes: number, shiftMs: number, atMs: number): number {
  const minutes = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    const ms = (firsts[i] as number) + ((firsts[i] as number) >= atMs ? shiftMs : 0);
    minutes[i] = (((ms % DAY_MS) + DAY_MS) % DAY_MS) / 60_000;
  }
  const order = Array.from(minutes.keys()).sort((a, b) => (minutes[a] as number) - (minutes[b] as number));
  let best = 0;
  let end = 0;
  for (let start = 0; start < len; start++) {
    const first = minutes[order[start] as number] as number;
    if (end < start) end = start;
    while (end < start + len) {
      const minute = (minutes[order[end % len] as number] as number) + (end >= len ? MINUTES_PER_DAY : 0);
      if (minute - first > spanMinutes) break;
      end++;
    }
    const count = end - start;
    if (count <= best) continue;
    if (shiftMs !== 0) {
      let before = false;
      let later = false;
      for (let k = start; k < end; k++) {
        if ((firsts[order[k % len] as number] as number) >= atMs) later = true;
        else before = true;
      }
      if (!(before && later)) continue;
    }
    best = count;
  }
  return best;
}
