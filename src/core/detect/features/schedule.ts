import type { AuditEvent } from "../../snapshot/schema.js";
import type { DetectionThresholds } from "../config.js";
import type { AccountFeatures } from "../features.js";
import { DAY_MS, HOUR_MS } from "../time.js";
import { UA_AUTOMATION, UA_BROWSER } from "./events.js";
import type { EventIndex } from "./table.js";

/**
 * Logins and schedule: when an account is active. Two views:
 *
 * - Logins (`user_login` events) against the org's business hours: how many, at how many hours,
 *   from how many addresses, at what cadence, and the busiest time of day.
 * - All activity (every event, whatever its action or attributes), judged without knowing the
 *   account's time zone: whether there is a daily quiet stretch (people sleep, round-the-clock
 *   jobs do not), whether it is active every day including both weekend days, and whether its
 *   bursts of activity start at the same time of day. Weekends are taken in the account's own
 *   time zone, inferred from its quiet stretch (its middle is taken as 04:00 local), so people in
 *   other time zones and on night shifts are judged by their own week.
 */
export interface ScheduleFeatures {
  fill(slot: number, f: AccountFeatures): void;
}

/** A new burst of activity starts after this much silence. */
const BURST_GAP_MS = 30 * 60_000;
/** Bursts that start within this many minutes of each other (time of day) belong to one schedule. */
const SCHEDULE_WINDOW_MINUTES = 30;
/** Length of the quiet stretch looked for, in hours. */
const QUIET_HOURS = 8;
/** The middle of a person's quiet stretch, as an hour of their local day. */
const QUIET_MIDDLE_LOCAL_HOUR = 4;
const MINUTES_PER_DAY = 1440;

export function extractSchedule(index: EventIndex, userAgentKinds: Uint8Array, t: DetectionThresholds, referenceMs: number): ScheduleFeatures {
  const { n, events, eventSlot, eventMs, firstEvent, nextEvent, eventCount } = index;
  const loginCount = new Int32Array(n);
  const loginHoursMask = new Int32Array(n);
  const loginBusinessHourCount = new Int32Array(n);
  const loginBrowserCount = new Int32Array(n);
  const loginAutomationCount = new Int32Array(n);
  // The first three distinct login IP addresses of each account; a fourth only sets the overflow.
  const loginIp1: (string | null)[] = new Array<string | null>(n).fill(null);
  const loginIp2: (string | null)[] = new Array<string | null>(n).fill(null);
  const loginIp3: (string | null)[] = new Array<string | null>(n).fill(null);
  const loginIpCount = new Uint8Array(n);
  // Interval statistics are accumulated online while logins arrive oldest first (as snapshots
  // store them); an account whose logins arrive out of order is recomputed from a sorted copy.
  const lastLoginMs = new Float64Array(n);
  const gapSum = new Float64Array(n);
  const gapSquares = new Float64Array(n);
  const loginsUnordered = new Uint8Array(n);
  // Per login event, its schedule key (org-local minute of the day * 2 + 1 when off hours), or -1
  // for other events and for a login that follows the previous one within the schedule window.
  const loginKey = new Int16Array(events.length).fill(-1);
  const windowMs = t.scheduleWindowMinutes * 60_000;
  const offsetMs = t.utcOffsetMinutes * 60_000;
  const { businessHoursStart, businessHoursEnd } = t;

  for (let k = 0; k < events.length; k++) {
    const slot = eventSlot[k] as number;
    if (slot === -1 || (events[k] as AuditEvent).action !== "user_login") continue;
    const ms = eventMs[k] as number;
    const count = loginCount[slot] as number;
    let newSitting = true;
    if (count > 0) {
      const gap = ms - (lastLoginMs[slot] as number);
      newSitting = gap >= windowMs || gap <= -windowMs;
      if (gap < 0) loginsUnordered[slot] = 1;
      gapSum[slot]! += gap;
      gapSquares[slot]! += gap * gap;
    }
    lastLoginMs[slot] = ms;
    loginCount[slot] = count + 1;
    const local = ms + offsetMs;
    const hour = hourOf(local);
    loginHoursMask[slot]! |= 1 << hour;
    const businessHour = isBusinessHour(local, businessHoursStart, businessHoursEnd);
    if (businessHour) loginBusinessHourCount[slot]!++;
    if (newSitting) loginKey[k] = scheduleKey(local, businessHour);
    const ip = (events[k] as AuditEvent).ip;
    const ipCount = loginIpCount[slot] as number;
    if (ip && ipCount < 4) {
      if (ipCount === 0) {
        loginIp1[slot] = ip;
        loginIpCount[slot] = 1;
      } else if (loginIp1[slot] !== ip) {
        if (ipCount === 1) {
          loginIp2[slot] = ip;
          loginIpCount[slot] = 2;
        } else if (loginIp2[slot] !== ip) {
          if (ipCount === 2) {
            loginIp3[slot] = ip;
            loginIpCount[slot] = 3;
          } else if (loginIp3[slot] !== ip) loginIpCount[slot] = 4;
        }
      }
    }
    const kind = userAgentKinds[k] as number;
    if (kind === UA_BROWSER) loginBrowserCount[slot]!++;
    else if (kind === UA_AUTOMATION) loginAutomationCount[slot]!++;
  }

  const intervalCv = new Float64Array(n).fill(Number.NaN);
  const meanInterval = new Float64Array(n).fill(Number.NaN);
  const scheduledCount = new Int32Array(n);
  const scheduledOffHours = new Int32Array(n);
  const scheduledMinute = new Int16Array(n).fill(-1);
  const minScheduled = t.minScheduledLogins;
  const window = { count: 0, offHours: 0, minute: -1 };
  let keys: Int32Array = new Int32Array(64);
  for (let slot = 0; slot < n; slot++) {
    const count = loginCount[slot] as number;
    if (count < 3) continue;
    if (loginsUnordered[slot] === 1) {
      loginStatsFromSorted(slot);
      continue;
    }
    const intervals = count - 1;
    const mean = (gapSum[slot] as number) / intervals;
    meanInterval[slot] = mean;
    const variance = Math.max(0, (gapSquares[slot] as number) / intervals - mean * mean);
    if (mean > 0) intervalCv[slot] = Math.sqrt(variance) / mean;
    if (count < minScheduled) continue;
    // Login schedules: only accounts with enough logins can have one, so only their chains are walked.
    let len = 0;
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
      const key = loginKey[k] as number;
      if (key < 0) continue;
      if (len === keys.length) keys = grow(keys);
      keys[len++] = key;
    }
    if (len < minScheduled) continue;
    busiestWindow(keys, len, t.scheduleWindowMinutes, window);
    scheduledCount[slot] = window.count;
    scheduledOffHours[slot] = window.offHours;
    scheduledMinute[slot] = window.minute;
  }

  function loginStatsFromSorted(slot: number): void {
    const list: number[] = [];
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) if ((events[k] as AuditEvent).action === "user_login") list.push(eventMs[k] as number);
    const times = Float64Array.from(list).sort();
    intervalCv[slot] = coefficientOfVariation(times);
    meanInterval[slot] = ((times[times.length - 1] as number) - (times[0] as number)) / (times.length - 1);
    const sitting: number[] = [];
    for (let i = 0; i < times.length; i++) {
      const ms = times[i] as number;
      if (i > 0 && ms - (times[i - 1] as number) < windowMs) continue;
      const local = ms + offsetMs;
      sitting.push(scheduleKey(local, isBusinessHour(local, businessHoursStart, businessHoursEnd)));
    }
    if (sitting.length < minScheduled) return;
    busiestWindow(Int32Array.from(sitting), sitting.length, t.scheduleWindowMinutes, window);
    scheduledCount[slot] = window.count;
    scheduledOffHours[slot] = window.offHours;
    scheduledMinute[slot] = window.minute;
  }

  const activity = new ActivityTiming(referenceMs, t.utcOffsetMinutes);
  const minEvents = t.minActivityEvents;

  return {
    fill(slot, f) {
      let mask = loginHoursMask[slot] as number;
      let hours = 0;
      for (; mask !== 0; mask &= mask - 1) hours++;
      f.loginCount = loginCount[slot] as number;
      f.loginDistinctHours = hours;
      f.loginBusinessHourCount = loginBusinessHourCount[slot] as number;
      f.loginIpSample = loginIp1[slot] ?? null;
      f.loginIpCount = loginIpCount[slot] as number;
      f.loginBrowserCount = loginBrowserCount[slot] as number;
      f.loginAutomationCount = loginAutomationCount[slot] as number;
      f.scheduledLoginCount = scheduledCount[slot] as number;
      f.scheduledOffHoursCount = scheduledOffHours[slot] as number;
      f.scheduledMinute = scheduledMinute[slot] as number;
      f.loginIntervalCv = intervalCv[slot] as number;
      f.loginMeanIntervalMs = meanInterval[slot] as number;
      if ((eventCount[slot] as number) >= minEvents) activity.measure(index, slot, f);
      else activity.none(f);
    },
  };
}

/**
 * Timing of all of one account's activity, computed on demand from its event chain with scratch
 * arrays that are reused for every account (nothing is allocated per account).
 */
class ActivityTiming {
  private times: Float64Array = new Float64Array(256);
  private readonly hours = new Int32Array(24);
  private readonly sums = new Int32Array(24);
  private keys: Int32Array = new Int32Array(256);
  private dayHits: Int32Array = new Int32Array(64);
  private readonly lastDay: number;

  constructor(
    referenceMs: number,
    private readonly orgOffsetMinutes: number,
  ) {
    this.lastDay = Math.floor((referenceMs - 1) / DAY_MS);
  }

  none(f: AccountFeatures): void {
    f.activityEvents = 0;
    f.activityDays = 0;
    f.activitySpanDays = 0;
    f.activityDistinctHours = 0;
    f.quietShare = Number.NaN;
    f.quietStartHour = -1;
    f.saturdayCoverage = Number.NaN;
    f.sundayCoverage = Number.NaN;
    f.weekendDaysInSpan = 0;
    f.burstCount = 0;
    f.scheduleDays = 0;
    f.scheduleMinute = -1;
  }

  measure(index: EventIndex, slot: number, f: AccountFeatures): void {
    const { firstEvent, nextEvent, eventMs } = index;
    let len = 0;
    let sorted = true;
    this.hours.fill(0);
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
      const ms = eventMs[k] as number;
      if (len === this.times.length) this.times = growFloat(this.times);
      if (len > 0 && ms < (this.times[len - 1] as number)) sorted = false;
      this.times[len++] = ms;
      this.hours[hourOf(ms)]!++;
    }
    const times = this.times;
    if (!sorted) times.subarray(0, len).sort();

    // The quiet stretch: the QUIET_HOURS-long stretch of the (UTC) day with the least activity.
    // Several stretches tie when the account is quiet for longer; the middle of the longest run
    // of tied stretches is the middle of its night.
    const sums = this.sums;
    let best = Infinity;
    let distinctHours = 0;
    for (let h = 0; h < 24; h++) {
      if ((this.hours[h] as number) > 0) distinctHours++;
      let sum = 0;
      for (let i = 0; i < QUIET_HOURS; i++) sum += this.hours[(h + i) % 24] as number;
      sums[h] = sum;
      if (sum < best) best = sum;
    }
    let runStart = 0;
    let runLength = 0;
    for (let h = 0; h < 24; h++) {
      if (sums[h] !== best || sums[(h + 23) % 24] === best) continue;
      let length = 1;
      while (length < 24 && sums[(h + length) % 24] === best) length++;
      if (length > runLength) {
        runLength = length;
        runStart = h;
      }
    }
    if (runLength === 0) runLength = 24; // every stretch ties: no quiet time at all
    const bestStart = (runStart + Math.floor((runLength - 1) / 2)) % 24;
    const quietShare = best / len;
    // Local time: the middle of a clear quiet stretch is 04:00; without one, the org's offset.
    const middle = runStart + (runLength - 1) / 2 + QUIET_HOURS / 2;
    const offsetMs = quietShare <= 0.05 ? (((((QUIET_MIDDLE_LOCAL_HOUR - middle) % 24) + 36) % 24) - 12) * HOUR_MS : this.orgOffsetMinutes * 60_000;

    // Days, weekends and bursts, in that local time.
    const firstDay = Math.floor(((times[0] as number) + offsetMs) / DAY_MS);
    const lastDay = Math.max(firstDay, Math.floor((this.lastDay * DAY_MS + DAY_MS - 1 + offsetMs) / DAY_MS));
    const span = lastDay - firstDay + 1;
    if (this.dayHits.length < span) this.dayHits = new Int32Array(Math.max(span, this.dayHits.length * 2));
    const dayHits = this.dayHits;
    dayHits.fill(0, 0, span);
    let days = 0;
    let bursts = 0;
    let previous = -Infinity;
    for (let i = 0; i < len; i++) {
      const ms = times[i] as number;
      const local = ms + offsetMs;
      const day = Math.floor(local / DAY_MS) - firstDay;
      if (day >= 0 && day < span && dayHits[day] === 0) {
        dayHits[day] = 1;
        days++;
      }
      if (ms - previous >= BURST_GAP_MS) {
        if (bursts === this.keys.length) this.keys = grow(this.keys);
        // Key: local minute of the day * 1024 + day index (spans are far below 1024 days here).
        const minute = Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
        this.keys[bursts++] = minute * 1024 + Math.min(day, 1023);
      }
      previous = ms;
    }
    let saturdays = 0;
    let sundays = 0;
    let saturdaysActive = 0;
    let sundaysActive = 0;
    for (let d = 0; d < span; d++) {
      const weekday = (((firstDay + d + 4) % 7) + 7) % 7;
      if (weekday === 6) {
        saturdays++;
        saturdaysActive += dayHits[d] as number;
      } else if (weekday === 0) {
        sundays++;
        sundaysActive += dayHits[d] as number;
      }
    }
    const schedule = busiestDays(this.keys, bursts, span, dayHits);

    f.activityEvents = len;
    f.activityDays = days;
    f.activitySpanDays = span;
    f.activityDistinctHours = distinctHours;
    f.quietShare = quietShare;
    f.quietStartHour = bestStart;
    f.saturdayCoverage = saturdays === 0 ? Number.NaN : saturdaysActive / saturdays;
    f.sundayCoverage = sundays === 0 ? Number.NaN : sundaysActive / sundays;
    f.weekendDaysInSpan = saturdays + sundays;
    f.burstCount = bursts;
    f.scheduleDays = schedule.days;
    f.scheduleMinute = schedule.minute;
  }
}

/**
 * The time-of-day window of SCHEDULE_WINDOW_MINUTES (wrapping past midnight) in which bursts
 * start on the most distinct days. `keys` are minute * 1024 + day; `dayHits` is scratch space of
 * at least `span` entries (overwritten).
 */
function busiestDays(keys: Int32Array, len: number, span: number, dayHits: Int32Array): { days: number; minute: number } {
  if (len === 0) return { days: 0, minute: -1 };
  keys.subarray(0, len).sort();
  dayHits.fill(0, 0, span);
  let distinct = 0;
  let bestDays = 0;
  let bestMinute = -1;
  let end = 0;
  for (let start = 0; start < len; start++) {
    const first = (keys[start] as number) >> 10;
    while (end < start + len) {
      const key = keys[end % len] as number;
      const minute = (key >> 10) + (end >= len ? MINUTES_PER_DAY : 0);
      if (minute - first >= SCHEDULE_WINDOW_MINUTES) break;
      const day = key & 1023;
      if (day < span && dayHits[day]!++ === 0) distinct++;
      end++;
    }
    if (distinct > bestDays) {
      bestDays = distinct;
      bestMinute = first;
    }
    const leaving = (keys[start] as number) & 1023;
    if (leaving < span && --dayHits[leaving]! === 0) distinct--;
  }
  return { days: bestDays, minute: bestMinute };
}

function grow(a: Int32Array): Int32Array {
  const grown = new Int32Array(a.length * 2);
  grown.set(a);
  return grown;
}

function growFloat(a: Float64Array): Float64Array {
  const grown = new Float64Array(a.length * 2);
  grown.set(a);
  return grown;
}

function hourOf(ms: number): number {
  return Math.floor((((ms % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
}

/** A login's schedule key: its org-local minute of the day, doubled, plus 1 when outside business hours. */
function scheduleKey(localMs: number, businessHour: boolean): number {
  const minute = Math.floor((((localMs % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  return minute * 2 + (businessHour ? 0 : 1);
}

/** True on a weekday within business hours, for an org-local instant. */
function isBusinessHour(localMs: number, start: number, end: number): boolean {
  const hour = hourOf(localMs);
  // 1970-01-01 was a Thursday, so day 0 is weekday 4 (Sunday = 0).
  const weekday = (((Math.floor(localMs / DAY_MS) + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6 && hour >= start && hour < end;
}

/**
 * Finds the time-of-day window of `windowMinutes` (wrapping past midnight) that holds the most of
 * the first `len` schedule keys, preferring more off-hours logins on a tie, and writes it to `out`.
 * Sorts those keys in place. Linear after the sort: two pointers walk the keys once around the clock.
 */
export function busiestWindow(keys: Int32Array, len: number, windowMinutes: number, out: { count: number; offHours: number; minute: number }): void {
  sortPrefix(keys, len);
  out.count = 0;
  out.offHours = 0;
  out.minute = -1;
  let end = 0;
  let count = 0;
  let offHours = 0;
  for (let start = 0; start < len; start++) {
    const first = (keys[start] as number) >> 1;
    while (end < start + len) {
      const key = keys[end % len] as number;
      const minute = (key >> 1) + (end >= len ? MINUTES_PER_DAY : 0);
      if (minute - first >= windowMinutes) break;
      count++;
      offHours += key & 1;
      end++;
    }
    if (count > out.count || (count === out.count && offHours > out.offHours)) {
      out.count = count;
      out.offHours = offHours;
      out.minute = first;
    }
    const leaving = keys[start] as number;
    count--;
    offHours -= leaving & 1;
  }
}

/** Sorts the first `len` numbers in place; short runs by insertion, which allocates nothing. */
function sortPrefix(keys: Int32Array, len: number): void {
  if (len > 32) {
    keys.subarray(0, len).sort();
    return;
  }
  for (let i = 1; i < len; i++) {
    const key = keys[i] as number;
    let j = i - 1;
    while (j >= 0 && (keys[j] as number) > key) {
      keys[j + 1] = keys[j] as number;
      j--;
    }
    keys[j + 1] = key;
  }
}

/** Coefficient of variation of the gaps between sorted times; NaN below two gaps. */
export function coefficientOfVariation(sorted: Float64Array): number {
  if (sorted.length < 3) return Number.NaN;
  const intervals = sorted.length - 1;
  const mean = ((sorted[intervals] as number) - (sorted[0] as number)) / intervals;
  if (mean <= 0) return Number.NaN;
  let squares = 0;
  for (let i = 1; i < sorted.length; i++) squares += ((sorted[i] as number) - (sorted[i - 1] as number) - mean) ** 2;
  return Math.sqrt(squares / intervals) / mean;
}
