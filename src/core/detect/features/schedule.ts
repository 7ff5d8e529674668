import type { AuditEvent } from "../../snapshot/schema.js";
import type { DetectionThresholds } from "../config.js";
import type { AccountFeatures } from "../features.js";
import { DAY_MS, isWorkingHour, weekdayOf } from "../time.js";
import { IP, isEmailOtpAction, isPersonTokenEvent, LOGIN, mayBeOtpChallenge, NUMBERED_IP, SCRIPTED_UA, UA_AUTOMATION, UA_BROWSER, UA_KIND } from "./events.js";
import { addressOf, ipv4Number } from "./addresses.js";
import type { Matchers, PrefixMatcher } from "./matchers.js";
import { ActivityTiming } from "./activity.js";
import { clockChangesBetween, type ClockChange } from "./clock-changes.js";
import { copyDailySlots, emptyDailySlots, findDailySlots, MAX_DAILY_SLOTS, firstSittings, punctualDays, SlotScratch } from "./daily-slots.js";
import { grow, hourOf, slotRecords, type EventIndex } from "./table.js";

/**
 * Logins and schedule: when an account is active. Logins (`user_login` events) are judged here
 * against the org's business hours: how many, at how many hours, from how many addresses, at what
 * cadence, and the busiest time of day. The timing of all activity, which needs no time zone, is
 * measured by `ActivityTiming` (activity.ts) for the same features object.
 */
export interface ScheduleFeatures {
  /** Fills the login and activity features; `loginIpSample` and `dailySlotMinutes` are left alone. */
  fill(slot: number, f: AccountFeatures): void;
  /** Fills `loginIpSample` and the `dailySlot` times, which evidence quotes and scoring never reads. */
  samples(slot: number, f: AccountFeatures): void;
  /** The org-local minute around which the account's sign-ins gather (`scheduledMinute`), where `minScheduledLogins` of them or more do; -1 otherwise. */
  scheduledStart(slot: number): number;
  /** How many of the sign-ins around that time fell on a weekend or outside business hours (`scheduledOffHoursCount`, org-local). */
  scheduledOffHours(slot: number): number;
}

const MINUTES_PER_DAY = 1440;
/**
 * A first sign-in of the day kept to the minute: within `PUNCTUAL_SPAN_MINUTES` of one time of day
 * on `PUNCTUAL_MIN_DAYS` days or more (the rule in rules.ts asks what share of the days).
 */
export const PUNCTUAL_MIN_DAYS = 8;
export const PUNCTUAL_SPAN_MINUTES = 2;
/** The window of the second search for daily slots (see `tightSlotsOf`). */
export const TIGHT_SLOT_MINUTES = 3;
/** The platform bits of Android and iOS in a family's five (see `browserFamily`). */
const MOBILE_PLATFORMS = 0b11000;
/** Browser sign-ins an account needs before its browser families are counted: only accounts that sign in often are judged on them. */
const MIN_FAMILY_SIGN_INS = 20;
/** Browser sign-ins an account needs before its switches between computers are counted (see `deviceSwitchDaysOf`). */
const MIN_SWITCH_SIGN_INS = 15;
/** Platforms 0 to 2 of a family's five are computers' (Windows, macOS, Linux; see `browserFamily`). */
const COMPUTER_PLATFORMS = 3;
const HOUR_MS = 3_600_000;
/** Sign-ins within half an hour of a sitting's first are one sitting (see `handoversOf`). */
const HANDOVER_MERGE_MS = HOUR_MS / 2;
/** A shift hand-over's gap: 5 to 11 hours, eight-hour shifts or twelve-hour ones started late. */
const HANDOVER_MIN_MS = 5 * HOUR_MS;
const HANDOVER_MAX_MS = 11 * HOUR_MS;
/** The shift after next signs in 13 to 19 hours after a sitting (see `shiftChainsOf`), asked of accounts with this many gaps or more. */
const CHAIN_SECOND_MIN_MS = 13 * HOUR_MS;
const CHAIN_SECOND_MAX_MS = 19 * HOUR_MS;
const CHAIN_MIN_GAPS = 8;

/**
 * A browser as a bit, its version ignored (a browser that updates itself stays one): its family
 * (Edge, Opera, Firefox, Chrome or Safari) on its platform (Windows, macOS, Linux, Android or iOS),
 * five platform bits per family; 0 for anything else (an app, an old or unknown browser), which a
 * robot can name as easily as a tester's browsers.
 */
export function browserFamily(userAgent: string): number {
  if (!userAgent.startsWith("Mozilla/5.0 (")) return 0;
  const platform = userAgent.includes("Android") ? 3 : userAgent.includes("iPhone") || userAgent.includes("iPad") ? 4 : userAgent.includes("Windows") ? 0 : userAgent.includes("Macintosh") ? 1 : userAgent.includes("Linux") ? 2 : -1;
  if (platform === -1) return 0;
  const family =
    userAgent.includes("Edg/") || userAgent.includes("EdgA/") || userAgent.includes("EdgiOS/") ? 0
    : userAgent.includes("OPR/") ? 1
    : userAgent.includes("Firefox/") || userAgent.includes("FxiOS/") ? 2
    : userAgent.includes("Chrome/") || userAgent.includes("CriOS/") ? 3
    : userAgent.includes("Safari/") && userAgent.includes("Version/") ? 4
    : -1;
  return family === -1 ? 0 : 1 << (family * 5 + platform);
}
const NO_SLOTS: number[] = [];

// Fields of an account's login record (`logins`, 32-bit integers) ...
const COUNT = 0;
const HOURS_MASK = 1;
const BUSINESS_HOURS = 2;
const BROWSER = 3;
const AUTOMATION = 4;
const IP_COUNT = 5;
/** The event of the first login address, for the sample. */
const FIRST_IP_EVENT = 6;
const SESSION_GAPS = 7;
/** Bits: which of the first three login addresses have a number (1, 2, 4: an IPv4 address, or an IPv6 network, see `addressOf`), and UNORDERED. */
const FLAGS = 8;
/** The first three login addresses: an address's number (see FLAGS), or the event another address was first seen in. */
const IP_KEY = 9;
/** Distinct UTC days with a login, and the last of them (logins come in time order; 0 before the first). */
const DAYS = 12;
const LAST_DAY = 13;
/** Sign-ins from a headless browser or a scripting library. */
const SCRIPTED = 14;
/** Sign-ins from an address that neither of the two sign-ins before it came from, and those two addresses (as IP_KEY, whether numbered in FLAGS). */
const ROAMING = 15;
const LAST_IP = 16;
const LAST_IP_BEFORE = 17;
const LOGIN_FIELDS = 18;
/** Accounts that sign in from one address that make it an org's egress (an office's, a cloud desktop's). */
const SHARED_EGRESS_ACCOUNTS = 5;
/** In FLAGS: a login arrived before the one stored before it. */
const UNORDERED = 8;
/** In FLAGS: LAST_IP (16) and LAST_IP_BEFORE (32) hold an address, one with a number (64, 128). */
const LAST_SET = 16;
const BEFORE_SET = 32;
const LAST_NUMBERED = 64;
const BEFORE_NUMBERED = 128;
// ... and of its interval sums (`gaps`, doubles).
const LAST_MS = 0;
const GAP_SUM = 1;
const GAP_SQUARES = 2;
const SESSION_SUM = 3;
const SESSION_SQUARES = 4;
const GAP_FIELDS = 5;

/**
 * `eventKinds`, `ipKeys` and `eventRange` (the times of the first and last event of any account, NaN for none)
 * come from the event pass (events.ts).
 */
export function extractSchedule(index: EventIndex, eventKinds: Uint8Array, ipKeys: Int32Array, eventRange: { firstMs: number; lastMs: number }, t: DetectionThresholds, referenceMs: number, matchers: Matchers): ScheduleFeatures {
  const { n, events, eventSlot, eventMs, firstEvent, nextEvent, eventCount } = index;
  // Each account's login counters, side by side (see table.ts, trick 6): counts in `logins`, with
  // the first three distinct login IP addresses (a fourth only sets the overflow), and sums of
  // intervals in `gaps`. Interval statistics are accumulated online while logins arrive oldest
  // first (as snapshots store them); an account whose logins arrive out of order is recomputed
  // from a sorted copy.
  const logins = slotRecords(n, LOGIN_FIELDS);
  const gaps = new Float64Array(n * GAP_FIELDS);
  // Per login event, its schedule key (org-local minute of the day * 2 + 1 when off hours), or -1
  // for other events and for a login that follows the previous one within the schedule window.
  const loginKey = new Int16Array(events.length).fill(-1);
  const windowMs = t.scheduleWindowMinutes * 60_000;
  const offsetMs = t.utcOffsetMinutes * 60_000;
  const { businessHoursStart, businessHoursEnd } = t;

  for (let k = 0; k < events.length; k++) {
    const kinds = eventKinds[k] as number;
    if ((kinds & LOGIN) === 0) continue;
    const slot = eventSlot[k] as number;
    const ms = eventMs[k] as number;
    const base = slot * LOGIN_FIELDS;
    const gapBase = slot * GAP_FIELDS;
    const count = logins[base + COUNT] as number;
    let newSitting = true;
    if (count > 0) {
      const gap = ms - (gaps[gapBase + LAST_MS] as number);
      newSitting = gap >= windowMs || gap <= -windowMs;
      if (gap < 0) logins[base + FLAGS]! |= UNORDERED;
      gaps[gapBase + GAP_SUM]! += gap;
      gaps[gapBase + GAP_SQUARES]! += gap * gap;
      if (gap > 0 && gap < SESSION_GAP_MS) {
        logins[base + SESSION_GAPS]!++;
        gaps[gapBase + SESSION_SUM]! += gap;
        gaps[gapBase + SESSION_SQUARES]! += gap * gap;
      }
    }
    gaps[gapBase + LAST_MS] = ms;
    logins[base + COUNT] = count + 1;
    const utcDay = Math.floor(ms / DAY_MS);
    if (utcDay !== logins[base + LAST_DAY]) {
      logins[base + DAYS]!++;
      logins[base + LAST_DAY] = utcDay;
    }
    const local = ms + offsetMs;
    const hour = hourOf(local);
    logins[base + HOURS_MASK]! |= 1 << hour;
    const businessHour = isBusinessHour(local, businessHoursStart, businessHoursEnd);
    if (businessHour) logins[base + BUSINESS_HOURS]!++;
    if (newSitting) loginKey[k] = scheduleKey(local, businessHour);
    if ((kinds & IP) !== 0) roam(base, k, (kinds & NUMBERED_IP) !== 0);
    const ipCount = logins[base + IP_COUNT] as number;
    if ((kinds & IP) !== 0 && ipCount < 4) {
      // Addresses with a number (IPv4, IPv6 by its network) are compared by the numbers the event
      // pass worked out, so the event is not read again; other addresses by their strings.
      const numbered = (kinds & NUMBERED_IP) !== 0;
      const key = ipKeys[k] as number;
      const flags = logins[base + FLAGS] as number;
      let seen = false;
      for (let j = 0; j < ipCount && j < 3 && !seen; j++) {
        const other = logins[base + IP_KEY + j] as number;
        seen = numbered ? (flags & (1 << j)) !== 0 && other === key : (flags & (1 << j)) === 0 && (events[other] as AuditEvent).ip === (events[k] as AuditEvent).ip;
      }
      if (!seen) {
        if (ipCount === 0) logins[base + FIRST_IP_EVENT] = k;
        if (ipCount < 3) {
          logins[base + IP_KEY + ipCount] = numbered ? key : k;
          if (numbered) logins[base + FLAGS] = flags | (1 << ipCount);
        }
        logins[base + IP_COUNT] = ipCount + 1;
      }
    }
    const kind = kinds & UA_KIND;
    if (kind === UA_BROWSER) logins[base + BROWSER]!++;
    else if (kind === UA_AUTOMATION) {
      logins[base + AUTOMATION]!++;
      if ((kinds & SCRIPTED_UA) !== 0) logins[base + SCRIPTED]!++;
    }
  }

  /**
   * Counts a sign-in from an address that neither of the account's two sign-ins before it came
   * from (`loginRoamingCount`): a phone on a carrier's network, or a person on the move, signs
   * in from a new address most times; a script's host, or two taking turns, does not.
   */
  function roam(base: number, k: number, numbered: boolean): void {
    const flags = logins[base + FLAGS] as number;
    const key = numbered ? (ipKeys[k] as number) : k;
    if (sameAddress(base, k, numbered, key, flags, LAST_IP, LAST_SET, LAST_NUMBERED)) return;
    if (!sameAddress(base, k, numbered, key, flags, LAST_IP_BEFORE, BEFORE_SET, BEFORE_NUMBERED)) logins[base + ROAMING]!++;
    // The last address becomes the one before it; this one the last.
    let next = (flags & ~(LAST_SET | LAST_NUMBERED | BEFORE_SET | BEFORE_NUMBERED)) | LAST_SET | (numbered ? LAST_NUMBERED : 0);
    if ((flags & LAST_SET) !== 0) next |= BEFORE_SET | ((flags & LAST_NUMBERED) !== 0 ? BEFORE_NUMBERED : 0);
    logins[base + LAST_IP_BEFORE] = logins[base + LAST_IP] as number;
    logins[base + LAST_IP] = key;
    logins[base + FLAGS] = next;
  }

  /** Whether login `k` came from the address kept in `field` of the record at `base`. */
  function sameAddress(base: number, k: number, numbered: boolean, key: number, flags: number, field: number, set: number, fieldNumbered: number): boolean {
    if ((flags & set) === 0 || ((flags & fieldNumbered) !== 0) !== numbered) return false;
    return numbered ? logins[base + field] === key : (events[logins[base + field] as number] as AuditEvent).ip === (events[k] as AuditEvent).ip;
  }

  const intervalCv = new Float64Array(n).fill(Number.NaN);
  const sessionCv = new Float64Array(n).fill(Number.NaN);
  const sessionSpread = new Float64Array(n).fill(Number.NaN);
  const meanInterval = new Float64Array(n).fill(Number.NaN);
  const intervalSpread = new Float64Array(n).fill(Number.NaN);
  const scheduledCount = new Int32Array(n);
  const scheduledOffHours = new Int32Array(n);
  const scheduledMinute = new Int16Array(n).fill(-1);
  const minScheduled = t.minScheduledLogins;
  const window = { count: 0, offHours: 0, minute: -1 };
  let keys: Int32Array = new Int32Array(64);
  // Fixed times of day (daily-slots.ts): per account, the sittings and their days, the slots found,
  // the sittings in them, the fewest days a slot recurs on, and where each slot starts.
  const sittingCount = new Int32Array(n);
  const sittingDays = new Int32Array(n);
  const slotCount = new Int8Array(n);
  const slotSittings = new Int32Array(n);
  const slotFewestDays = new Int32Array(n);
  const sittingGaps = new Int32Array(n);
  const handoverGaps = new Int32Array(n);
  const shiftChains = new Int32Array(n);
  const shiftQuiet = new Int8Array(n).fill(24);
  const hourDays = new Int32Array(24);
  const hourLastDay = new Float64Array(24);
  let sittingStarts = new Float64Array(64);
  const signInDayShare = new Float64Array(n);
  const slotMinutes = new Int16Array(n * MAX_DAILY_SLOTS);
  // For accounts with two slots or more: the same search with a window of TIGHT_SLOT_MINUTES.
  const tightSlotCount = new Int8Array(n);
  const tightSlotFewestDays = new Int32Array(n);
  const tightSlots = emptyDailySlots();
  // A timetable kept in local time across a clock change: the change, and the shift of the
  // sittings after it that lines them up with the ones before (NaN and 0 when none).
  const slotChangeMs = new Float64Array(n).fill(Number.NaN);
  const slotShift = new Int16Array(n);
  const slots = emptyDailySlots();
  const shiftedSlots = emptyDailySlots();
  const slotScratch = new SlotScratch();
  let sittingMs = new Float64Array(64);
  let shiftedMs = new Float64Array(64);
  const minSlotSittings = t.minDailySlotDays * 2;
  let clockChanges: readonly ClockChange[] | null = null;
  // The days with a sitting, and the most of them whose first sitting keeps one time of day to a
  // few minutes (daily-slots.ts `punctualDays`).
  const firstSittingDays = new Int32Array(n);
  const punctualSittingDays = new Int32Array(n);
  let firstsScratch = new Float64Array(64);
  const timetable = (found: typeof slots, len: number): boolean => found.count >= 2 && found.sittings >= len * t.dailySlotSittingShare;
  /**
   * `punctualDays` for an account whose busiest schedule window (`windowCount` sign-ins) holds 40%
   * of its sign-in days or more, as one holding 80% of them to the minute does on one side of a
   * clock change at least (most accounts are people's, whose windows hold far fewer: asked first,
   * cheaply).
   */
  function punctualOf(slot: number, times: Float64Array, len: number, windowCount: number): void {
    if (len < PUNCTUAL_MIN_DAYS) return;
    if (firstsScratch.length < len) firstsScratch = new Float64Array(Math.max(len, firstsScratch.length * 2));
    const days = firstSittings(times, len, firstsScratch);
    if (days < PUNCTUAL_MIN_DAYS || windowCount < days * 0.4) return;
    clockChanges ??= Number.isFinite(eventRange.firstMs) ? clockChangesBetween(eventRange.firstMs, eventRange.lastMs) : [];
    firstSittingDays[slot] = days;
    punctualSittingDays[slot] = punctualDays(firstsScratch, days, PUNCTUAL_SPAN_MINUTES, clockChanges);
  }
  function dailySlotsOf(slot: number, times: Float64Array, len: number): void {
    sittingCount[slot] = len;
    handoversOf(slot, times, len);
    // Two slots need at least twice the fewest days of one.
    if (len < minSlotSittings) return;
    findDailySlots(times, len, t.dailySlotWindowMinutes, t.minDailySlotDays, t.dailySlotDayShare, slots, slotScratch);
    if (!timetable(slots, len)) acrossClockChange(slot, times, len);
    sittingDays[slot] = slots.days;
    slotCount[slot] = slots.count;
    slotSittings[slot] = slots.sittings;
    slotFewestDays[slot] = slots.fewestDays;
    slotMinutes.set(slots.minutes.subarray(0, slots.count), slot * MAX_DAILY_SLOTS);
    if (slots.count >= 2) {
      sittingShape(slot, true);
      tightSlotsOf(slot, times, len);
    }
  }
  /**
   * The slots again within TIGHT_SLOT_MINUTES, on the clock the timetable was found on (the
   * sittings after a clock change moved back by it): a scheduler starts its robot within a
   * minute or two; a person bound to a shift's times wanders by more on many days.
   */
  function tightSlotsOf(slot: number, times: Float64Array, len: number): void {
    const changeMs = slotChangeMs[slot] as number;
    const on = changeMs === changeMs ? shiftAfter(times, len, changeMs, slotShift[slot] as number) : times;
    findDailySlots(on, len, TIGHT_SLOT_MINUTES, t.minDailySlotDays, t.dailySlotDayShare, tightSlots, slotScratch);
    tightSlotCount[slot] = tightSlots.count;
    tightSlotFewestDays[slot] = tightSlots.fewestDays;
  }
  /**
   * The gaps between sign-in sittings (sign-ins more than `HANDOVER_MERGE_MS` after the start of
   * the sitting before), and how many of them last `HANDOVER_MIN_MS` to `HANDOVER_MAX_MS`: a shift's
   * length. One person's day holds one or two sittings and rests overnight; an account the shifts
   * of a desk share is signed in to at each hand-over, round the clock. Also the share of the days
   * from the first sign-in to the last that have one: a desk is staffed every day.
   */
  function handoversOf(slot: number, times: Float64Array, len: number): void {
    let gaps = 0;
    let handovers = 0;
    let start = Number.NaN;
    let days = 0;
    let lastDay = Number.NaN;
    if (sittingStarts.length < len) sittingStarts = new Float64Array(Math.max(len, sittingStarts.length * 2));
    for (let i = 0; i < len; i++) {
      const ms = times[i] as number;
      const day = Math.floor(ms / DAY_MS);
      if (day !== lastDay) days++;
      lastDay = day;
      if (ms - start <= HANDOVER_MERGE_MS) continue;
      if (start === start) {
        gaps++;
        if (ms - start >= HANDOVER_MIN_MS && ms - start <= HANDOVER_MAX_MS) handovers++;
      }
      sittingStarts[gaps] = ms;
      start = ms;
    }
    sittingGaps[slot] = gaps;
    handoverGaps[slot] = handovers;
    if (gaps >= CHAIN_MIN_GAPS) {
      shiftChains[slot] = shiftChainsOf(sittingStarts, gaps + 1);
      shiftQuiet[slot] = steadyQuietHours(times, len);
    }
    if (len > 0) signInDayShare[slot] = days / (Math.floor((times[len - 1] as number) / DAY_MS) - Math.floor((times[0] as number) / DAY_MS) + 1);
  }
  /**
   * The longest run of hours of the day (UTC) in which fewer than two days of `times` (in order)
   * have a sign-in: the hours a desk's shifts sign in at day after day, without the one night a
   * person could not sleep.
   */
  function steadyQuietHours(times: Float64Array, len: number): number {
    hourDays.fill(0);
    hourLastDay.fill(Number.NaN);
    for (let i = 0; i < len; i++) {
      const ms = times[i] as number;
      const day = Math.floor(ms / DAY_MS);
      const hour = Math.floor((ms - day * DAY_MS) / HOUR_MS);
      if (hourLastDay[hour] !== day) {
        hourLastDay[hour] = day;
        hourDays[hour] = (hourDays[hour] as number) + 1;
      }
    }
    let steady = 0;
    for (let hour = 0; hour < 24; hour++) if ((hourDays[hour] as number) >= 2) steady |= 1 << hour;
    return longestQuietRun(steady);
  }
  /**
   * Of `count` sitting starts (in order), those followed by another `HANDOVER_MIN_MS` to
   * `HANDOVER_MAX_MS` later and by another 13 to 19 hours later: the next two shifts' sign-ins.
   */
  function shiftChainsOf(starts: Float64Array, count: number): number {
    let chains = 0;
    for (let i = 0; i < count; i++) {
      const ms = starts[i] as number;
      let next = false;
      let after = false;
      for (let j = i + 1; j < count; j++) {
        const gap = (starts[j] as number) - ms;
        if (gap > CHAIN_SECOND_MAX_MS) break;
        if (gap >= HANDOVER_MIN_MS && gap <= HANDOVER_MAX_MS) next = true;
        else if (gap >= CHAIN_SECOND_MIN_MS) after = true;
      }
      if (next && after) chains++;
    }
    return chains;
  }
  /**
   * A robot on local time signs in an hour earlier or later in UTC after a daylight-saving
   * change, which splits each of its slots in two. For each change within the sittings' span,
   * the sittings after it are moved back by the change and searched again; the best timetable
   * found replaces what the plain search found. Only accounts with enough sittings and no
   * timetable get here, and the changes are read once per audit, when the first one does.
   */
  function acrossClockChange(slot: number, times: Float64Array, len: number): void {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < len; i++) {
      const ms = times[i] as number;
      if (ms < first) first = ms;
      if (ms > last) last = ms;
    }
    clockChanges ??= Number.isFinite(eventRange.firstMs) ? clockChangesBetween(eventRange.firstMs, eventRange.lastMs) : [];
    let best = timetable(slots, len) ? slots.sittings : 0;
    for (const change of clockChanges) {
      if (change.atMs <= first || change.atMs > last) continue;
      shiftAfter(times, len, change.atMs, change.shiftMinutes);
      findDailySlots(shiftedMs, len, t.dailySlotWindowMinutes, t.minDailySlotDays, t.dailySlotDayShare, shiftedSlots, slotScratch);
      if (!timetable(shiftedSlots, len) || shiftedSlots.sittings <= best || !everySlotAcross(times, len, change.atMs)) continue;
      best = shiftedSlots.sittings;
      copyDailySlots(shiftedSlots, slots);
      slotChangeMs[slot] = change.atMs;
      slotShift[slot] = change.shiftMinutes;
    }
  }
  /** The first `len` sitting times with those from `atMs` on moved by `shiftMinutes`, in `shiftedMs` (grown on demand). */
  function shiftAfter(times: Float64Array, len: number, atMs: number, shiftMinutes: number): Float64Array {
    if (shiftedMs.length < len) shiftedMs = new Float64Array(Math.max(len, shiftedMs.length * 2));
    const shift = shiftMinutes * 60_000;
    for (let i = 0; i < len; i++) {
      const ms = times[i] as number;
      shiftedMs[i] = ms >= atMs ? ms + shift : ms;
    }
    return shiftedMs;
  }
  /**
   * Whether each slot just found in `shiftedMs` (in `shiftedSlots`) has sittings on both sides of
   * the change: the change moved one timetable, rather than the move making up a second time of
   * day out of one (a person's 09:00 before it and, moved, 10:00 after it).
   */
  function everySlotAcross(times: Float64Array, len: number, atMs: number): boolean {
    const w = 2 * t.dailySlotWindowMinutes;
    for (let k = 0; k < shiftedSlots.count; k++) {
      const start = shiftedSlots.minutes[k] as number;
      let before = false;
      let after = false;
      for (let i = 0; i < len && !(before && after); i++) {
        const ms = shiftedMs[i] as number;
        const minute = Math.floor((ms - Math.floor(ms / DAY_MS) * DAY_MS) / 60_000);
        if ((minute - start + MINUTES_PER_DAY) % MINUTES_PER_DAY >= w) continue;
        if ((times[i] as number) < atMs) before = true;
        else after = true;
      }
      if (!before || !after) return false;
    }
    return true;
  }
  // How the sittings of an account that signs in often enough end: its work, and the work within
  // the window after the latest sign-in. Accounts with `minLogins` logins are a few in a hundred,
  // so plain sorted copies will do.
  const workEvents = new Int32Array(n);
  const workNearSignIn = new Int32Array(n);
  const workLateInInterval = new Int32Array(n);
  const workHoursLater = new Int32Array(n);
  const workBeyondDay = new Int32Array(n);
  const workLaterHours = new Int32Array(n);
  const nearMs = t.dailySlotWindowMinutes * 60_000;
  /**
   * Whether `ms` falls where a sitting of one of the slots just found (`slots`) works, from a
   * window before the slot's first recorded sign-in (an unrecorded one may have come earlier) to
   * two windows after it (the latest sign-in of the slot, then a window of work), in a sitting
   * whose sign-in was not recorded: none since that window began, nor within four windows
   * (`sinceSignInMs` ago). A person signing in at every expiry of a short session works on
   * between sign-ins that come at much the same times each day, and gets no such credit.
   */
  function atSlotTime(ms: number, sinceSignInMs: number): boolean {
    const w = t.dailySlotWindowMinutes;
    // Four windows ago is before any slot window this event can fall in (three windows long).
    if (sinceSignInMs <= 4 * w * 60_000) return false;
    const minute = Math.floor((ms - Math.floor(ms / DAY_MS) * DAY_MS) / 60_000);
    for (let i = 0; i < slots.count; i++) {
      const since = (minute - (slots.minutes[i] as number) + w + 2 * MINUTES_PER_DAY) % MINUTES_PER_DAY;
      if (since < 3 * w) return true;
    }
    return false;
  }
  function sittingShape(slot: number, withSlots: boolean): void {
    const signIns: number[] = [];
    const challenges: number[] = [];
    const work: number[] = [];
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
      const ms = eventMs[k] as number;
      if (((eventKinds[k] as number) & LOGIN) !== 0) signIns.push(ms);
      else {
        const action = (events[k] as AuditEvent).action;
        if (isEmailOtpAction(action, matchers)) challenges.push(ms);
        else if (!signInStep(action, matchers)) work.push(ms);
      }
    }
    const starts = Float64Array.from(signIns).sort();
    // An email code is sent at a sign-in: where the sign-in itself was lost, its code still marks
    // when the sitting began.
    const codes = Float64Array.from(challenges).sort();
    const done = Float64Array.from(work).sort();
    let latest = -1;
    let latestCode = -1;
    let near = 0;
    const changeMs = slotChangeMs[slot] as number;
    const shiftMs = (slotShift[slot] as number) * 60_000;
    let late = 0;
    let hoursLater = 0;
    let laterHours = 0;
    let beyondDay = 0;
    for (const ms of done) {
      while (latest + 1 < starts.length && (starts[latest + 1] as number) <= ms) latest++;
      const latestMs = latest >= 0 ? (starts[latest] as number) : Number.NEGATIVE_INFINITY;
      // In the second half of the time to the next sign-in, when that comes within hours: a robot
      // works right after each sign-in, a person whose browser renews the session on a timer
      // works throughout.
      if (latest >= 0 && latest + 1 < starts.length) {
        const interval = (starts[latest + 1] as number) - latestMs;
        if (interval <= RENEWAL_MAX_MS && (ms - latestMs) * 2 >= interval) late++;
      }
      // Hours after the latest sign-in, within its day: the work of a person's long sitting.
      if (ms - latestMs >= HOURS_LATER_MIN_MS && ms - latestMs <= WORKDAY_MAX_MS) {
        hoursLater++;
        laterHours |= 1 << hourOf(ms);
      }
      else if (latest >= 0 && ms - latestMs > WORKDAY_MAX_MS) beyondDay++;
      while (latestCode + 1 < codes.length && (codes[latestCode + 1] as number) <= ms) latestCode++;
      if (ms - latestMs <= nearMs || (latestCode >= 0 && ms - (codes[latestCode] as number) <= nearMs)) near++;
      // A sitting whose sign-in was not recorded (a lost event) still works at a slot's time.
      else if (withSlots && atSlotTime(ms >= changeMs ? ms + shiftMs : ms, ms - latestMs)) near++;
    }
    workEvents[slot] = done.length;
    workNearSignIn[slot] = near;
    workLateInInterval[slot] = late;
    workHoursLater[slot] = hoursLater;
    workBeyondDay[slot] = beyondDay;
    workLaterHours[slot] = bitCount(laterHours);
  }
  for (let slot = 0; slot < n; slot++) {
    const base = slot * LOGIN_FIELDS;
    const gapBase = slot * GAP_FIELDS;
    const count = logins[base + COUNT] as number;
    if (count < 3) continue;
    const sessionGaps = logins[base + SESSION_GAPS] as number;
    const unordered = ((logins[base + FLAGS] as number) & UNORDERED) !== 0;
    if (sessionGaps >= 2 && !unordered) {
      const mean = (gaps[gapBase + SESSION_SUM] as number) / sessionGaps;
      sessionCv[slot] = Math.sqrt(Math.max(0, (gaps[gapBase + SESSION_SQUARES] as number) / sessionGaps - mean * mean)) / mean;
    }
    if (unordered) {
      loginStatsFromSorted(slot);
      sessionSpreadOf(slot, true);
      continue;
    }
    sessionSpreadOf(slot, false);
    const intervals = count - 1;
    const mean = (gaps[gapBase + GAP_SUM] as number) / intervals;
    meanInterval[slot] = mean;
    const variance = Math.max(0, (gaps[gapBase + GAP_SQUARES] as number) / intervals - mean * mean);
    if (mean > 0) intervalCv[slot] = Math.sqrt(variance) / mean;
    spreadOf(slot, false);
    if (count < minScheduled) continue;
    // Login schedules: only accounts with enough logins can have one, so only their chains are walked.
    let len = 0;
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
      const key = loginKey[k] as number;
      if (key < 0) continue;
      if (len === keys.length) {
        keys = grow(keys);
        const wider = new Float64Array(keys.length);
        wider.set(sittingMs);
        sittingMs = wider;
      }
      sittingMs[len] = eventMs[k] as number;
      keys[len++] = key;
    }
    dailySlotsOf(slot, sittingMs, len);
    if (len < minScheduled) continue;
    busiestWindow(keys, len, t.scheduleWindowMinutes, window);
    scheduledCount[slot] = window.count;
    scheduledOffHours[slot] = window.offHours;
    scheduledMinute[slot] = window.minute;
    punctualOf(slot, sittingMs, len, window.count);
  }

  /**
   * The spread of the intervals between logins in absolute time (`loginIntervalSpreadMs`), for
   * the accounts whose steady beat is slow enough to need it: a coefficient of variation within
   * `maxCadenceCv` at a mean interval of `LONG_CADENCE_INTERVAL_MS` or more.
   */
  function spreadOf(slot: number, unordered: boolean): void {
    const cv = intervalCv[slot] as number;
    if (!(cv <= t.maxCadenceCv) || !((meanInterval[slot] as number) >= LONG_CADENCE_INTERVAL_MS)) return;
    const times = loginTimesOf(slot, unordered);
    // Each sign-in is compared with the one about a day before it: a timer with several times of
    // day, unevenly spaced, keeps a day's interval between its runs, though not between its
    // consecutive ones.
    intervalSpread[slot] = medianAbsoluteDeviation(times, Math.max(1, Math.round(DAY_MS / (meanInterval[slot] as number))));
  }

  /**
   * The median absolute deviation of the in-session intervals, as a share of their median
   * (`loginSessionGapSpread`), for the accounts whose in-session intervals could hold a cadence
   * (`minSessionCadenceLogins` of them, a coefficient of variation within `maxSessionCadenceCv`).
   */
  function sessionSpreadOf(slot: number, unordered: boolean): void {
    const cv = sessionCv[slot] as number;
    if (!(cv <= t.maxSessionCadenceCv) || (logins[slot * LOGIN_FIELDS + SESSION_GAPS] as number) < t.minSessionCadenceLogins) return;
    const times = loginTimesOf(slot, unordered);
    const within: number[] = [];
    for (let i = 1; i < times.length; i++) {
      const gap = (times[i] as number) - (times[i - 1] as number);
      if (gap > 0 && gap < SESSION_GAP_MS) within.push(gap);
    }
    const gaps = Float64Array.from(within).sort();
    const median = middle(gaps);
    sessionSpread[slot] = deviationFromMedian(gaps) / median;
  }

  /** The times of `slot`'s logins, in order (sorted where the log is not). */
  function loginTimesOf(slot: number, unordered: boolean): Float64Array {
    const list: number[] = [];
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) if (((eventKinds[k] as number) & LOGIN) !== 0) list.push(eventMs[k] as number);
    const times = Float64Array.from(list);
    return unordered ? times.sort() : times;
  }

  function loginStatsFromSorted(slot: number): void {
    const times = loginTimesOf(slot, true);
    intervalCv[slot] = coefficientOfVariation(times);
    let sessionGaps = 0;
    let sum = 0;
    let squares = 0;
    for (let i = 1; i < times.length; i++) {
      const gap = (times[i] as number) - (times[i - 1] as number);
      if (gap <= 0 || gap >= SESSION_GAP_MS) continue;
      sessionGaps++;
      sum += gap;
      squares += gap * gap;
    }
    logins[slot * LOGIN_FIELDS + SESSION_GAPS] = sessionGaps;
    if (sessionGaps >= 2) sessionCv[slot] = Math.sqrt(Math.max(0, squares / sessionGaps - (sum / sessionGaps) ** 2)) / (sum / sessionGaps);
    meanInterval[slot] = ((times[times.length - 1] as number) - (times[0] as number)) / (times.length - 1);
    spreadOf(slot, true);
    const sitting: number[] = [];
    const sittingTimes: number[] = [];
    for (let i = 0; i < times.length; i++) {
      const ms = times[i] as number;
      if (i > 0 && ms - (times[i - 1] as number) < windowMs) continue;
      const local = ms + offsetMs;
      sitting.push(scheduleKey(local, isBusinessHour(local, businessHoursStart, businessHoursEnd)));
      sittingTimes.push(ms);
    }
    const sittingArray = Float64Array.from(sittingTimes);
    dailySlotsOf(slot, sittingArray, sittingTimes.length);
    if (sitting.length < minScheduled) return;
    busiestWindow(Int32Array.from(sitting), sitting.length, t.scheduleWindowMinutes, window);
    scheduledCount[slot] = window.count;
    scheduledOffHours[slot] = window.offHours;
    scheduledMinute[slot] = window.minute;
    punctualOf(slot, sittingArray, sittingArray.length, window.count);
  }

  /** Logins of the schedule window at org-local `minute` that fall outside business hours at `localOffsetMs`. */
  function offHoursInWindow(slot: number, minute: number, localOffsetMs: number, restShift: number): number {
    let off = 0;
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
      const key = loginKey[k] as number;
      if (key < 0) continue;
      const since = ((key >> 1) - minute + MINUTES_PER_DAY) % MINUTES_PER_DAY;
      if (since >= t.scheduleWindowMinutes) continue;
      if (!isBusinessHour((eventMs[k] as number) + localOffsetMs, businessHoursStart, businessHoursEnd, restShift)) off++;
    }
    return off;
  }

  /** `dayEndDays` of the account in `slot`, in its local time (`localOffsetMs`). */
  function dayEndDays(slot: number, localOffsetMs: number): number {
    const lastOfDay = new Map<number, number>();
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
      const local = (eventMs[k] as number) + localOffsetMs;
      const day = Math.floor(local / DAY_MS);
      if (!(local <= (lastOfDay.get(day) ?? Number.NEGATIVE_INFINITY))) lastOfDay.set(day, local);
    }
    const minutes = Array.from(lastOfDay, ([day, local]) => (local - day * DAY_MS) / 60_000).sort((x, y) => x - y);
    let most = 0;
    for (let i = 0, j = 0; j < minutes.length; j++) {
      while ((minutes[j] as number) - (minutes[i] as number) > DAY_END_WINDOW_MINUTES) i++;
      most = Math.max(most, j - i + 1);
    }
    return most;
  }

  /** `topSignInAddressShare` of the account in `slot`. */
  function topSignInAddressShare(slot: number): number {
    const counts = new Map<string, number>();
    let signIns = 0;
    let top = 0;
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
      const ip = (events[k] as AuditEvent).ip;
      if (((eventKinds[k] as number) & LOGIN) === 0 || !ip) continue;
      const count = (counts.get(ip) ?? 0) + 1;
      counts.set(ip, count);
      signIns++;
      if (count > top) top = count;
    }
    return signIns === 0 ? Number.NaN : top / signIns;
  }

  /** Families seen on computers by the last `browserFamiliesOf` (see `loginComputerFamilies`). */
  let computerFamilies = 0;
  /** How many browsers the account's sign-ins came from: browser families (see `browserFamily`), and one more for a phone beside a computer. */
  function browserFamiliesOf(slot: number): number {
    let seen = 0;
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
      if (((eventKinds[k] as number) & (LOGIN | UA_KIND)) !== (LOGIN | UA_BROWSER)) continue;
      seen |= browserFamily((events[k] as AuditEvent).userAgent as string);
    }
    // Families, whatever their platforms (a robot's Chrome may name Windows, macOS and Linux in
    // turn), and one more for a phone's browser beside a computer's: a tester's second device.
    let families = 0;
    let platforms = 0;
    for (let family = 0; family < 5; family++) {
      const on = (seen >>> (family * 5)) & 0b11111;
      if (on === 0) continue;
      families++;
      if ((on & ~MOBILE_PLATFORMS) !== 0) computerFamilies++;
      platforms |= on;
    }
    return families + ((platforms & MOBILE_PLATFORMS) !== 0 && (platforms & ~MOBILE_PLATFORMS) !== 0 ? 1 : 0);
  }

  /**
   * Days (UTC) on which the account's sign-ins from computers' browsers went from one platform to
   * another and back (Windows, then macOS, then Windows again): people at different desks taking
   * turns at one account. A person's session on each of their computers lasts the day.
   */
  function deviceSwitchDaysOf(slot: number): number {
    const signIns: [ms: number, platform: number][] = [];
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
      if (((eventKinds[k] as number) & (LOGIN | UA_KIND)) !== (LOGIN | UA_BROWSER)) continue;
      const family = browserFamily((events[k] as AuditEvent).userAgent as string);
      if (family === 0) continue;
      const platform = (31 - Math.clz32(family)) % 5;
      if (platform < COMPUTER_PLATFORMS) signIns.push([eventMs[k] as number, platform]);
    }
    signIns.sort((a, b) => a[0] - b[0]);
    let days = 0;
    let day = Number.NaN;
    let current = -1;
    let before = -1;
    let counted = false;
    for (const [ms, platform] of signIns) {
      const d = Math.floor(ms / DAY_MS);
      if (d !== day) {
        day = d;
        current = platform;
        before = -1;
        counted = false;
      } else if (platform !== current) {
        if (platform === before && !counted) {
          days++;
          counted = true;
        }
        before = current;
        current = platform;
      }
    }
    return days;
  }

  /** The account's logins within business hours of its own working week (local time and rest days). */
  function loginsInBusinessHours(slot: number, localOffsetMs: number, restShift: number): number {
    let inHours = 0;
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
      if (((eventKinds[k] as number) & LOGIN) !== 0 && isBusinessHour((eventMs[k] as number) + localOffsetMs, businessHoursStart, businessHoursEnd, restShift)) inHours++;
    }
    return inHours;
  }

  // The sittings of every other account that signs in often enough for its logins to be judged:
  // whether its work ends minutes after each sign-in, as a robot's does, or goes on for hours.
  for (let slot = 0; slot < n; slot++) {
    if ((logins[slot * LOGIN_FIELDS + COUNT] as number) >= t.minLogins && (slotCount[slot] as number) < 2) sittingShape(slot, false);
  }

  const activity = new ActivityTiming(referenceMs, t.utcOffsetMinutes, t.businessHoursStart, t.businessHoursEnd, t.minScheduleDays);
  const minEvents = t.minActivityEvents;

  // Sign-in addresses that many accounts share: an office's or a cloud desktop's egress, which
  // says where the org works from, not that a script signs in. Counted over each account's first
  // three distinct addresses (all of them for accounts with three or fewer).
  const accountsAt = new Map<number, number>();
  for (let slot = 0; slot < n; slot++) {
    const base = slot * LOGIN_FIELDS;
    const flags = logins[base + FLAGS] as number;
    for (let j = 0; j < Math.min(3, logins[base + IP_COUNT] as number); j++) {
      if ((flags & (1 << j)) === 0) continue;
      const key = logins[base + IP_KEY + j] as number;
      accountsAt.set(key, (accountsAt.get(key) ?? 0) + 1);
    }
  }
  /**
   * Every sign-in address of the account is one that `SHARED_EGRESS_ACCOUNTS` accounts or more sign
   * in from. An account with more than three addresses is judged sign-in by sign-in: a VPN or web
   * gateway hands out one of a pool of egress addresses at each connection, each shared by many.
   */
  function fromSharedEgress(slot: number, base: number): boolean {
    const count = logins[base + IP_COUNT] as number;
    if (count === 0) return false;
    const flags = logins[base + FLAGS] as number;
    for (let j = 0; j < Math.min(3, count); j++) {
      if ((flags & (1 << j)) === 0 || (accountsAt.get(logins[base + IP_KEY + j] as number) ?? 0) < SHARED_EGRESS_ACCOUNTS) return false;
    }
    if (count <= 3) return true;
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
      const kinds = eventKinds[k] as number;
      if ((kinds & LOGIN) === 0 || (kinds & IP) === 0) continue;
      if ((kinds & NUMBERED_IP) === 0 || (accountsAt.get(ipKeys[k] as number) ?? 0) < SHARED_EGRESS_ACCOUNTS) return false;
    }
    return true;
  }

  return {
    fill(slot, f) {
      const base = slot * LOGIN_FIELDS;
      f.loginFromSharedEgress = fromSharedEgress(slot, base);
      f.loginCount = logins[base + COUNT] as number;
      f.loginDays = logins[base + DAYS] as number;
      f.loginDistinctHours = bitCount(logins[base + HOURS_MASK] as number);
      f.loginQuietHours = longestQuietRun(logins[base + HOURS_MASK] as number);
      f.loginBusinessHourCount = logins[base + BUSINESS_HOURS] as number;
      f.loginIpSample = null;
      f.loginIpCount = logins[base + IP_COUNT] as number;
      f.loginRoamingCount = logins[base + ROAMING] as number;
      f.loginBrowserCount = logins[base + BROWSER] as number;
      computerFamilies = 0;
      f.loginBrowserFamilies = (logins[base + BROWSER] as number) >= MIN_FAMILY_SIGN_INS ? browserFamiliesOf(slot) : 0;
      f.loginComputerFamilies = computerFamilies;
      f.loginDeviceSwitchDays = (logins[base + BROWSER] as number) >= MIN_SWITCH_SIGN_INS ? deviceSwitchDaysOf(slot) : 0;
      f.loginAutomationCount = logins[base + AUTOMATION] as number;
      f.loginScriptedCount = logins[base + SCRIPTED] as number;
      f.scheduledLoginCount = scheduledCount[slot] as number;
      f.scheduledOffHoursCount = scheduledOffHours[slot] as number;
      f.scheduledMinute = scheduledMinute[slot] as number;
      f.loginIntervalCv = intervalCv[slot] as number;
      f.loginMeanIntervalMs = meanInterval[slot] as number;
      f.loginIntervalSpreadMs = intervalSpread[slot] as number;
      f.loginSessionGapCount = logins[base + SESSION_GAPS] as number;
      f.loginSessionGapCv = sessionCv[slot] as number;
      f.loginSessionGapSpread = sessionSpread[slot] as number;
      f.loginSittings = sittingCount[slot] as number;
      f.loginSittingDays = sittingDays[slot] as number;
      f.firstSittingDays = firstSittingDays[slot] as number;
      f.punctualSittingDays = punctualSittingDays[slot] as number;
      f.dailySlotCount = slotCount[slot] as number;
      f.dailySlotSittings = slotSittings[slot] as number;
      f.dailySlotFewestDays = slotFewestDays[slot] as number;
      f.tightSlotCount = tightSlotCount[slot] as number;
      f.tightSlotFewestDays = tightSlotFewestDays[slot] as number;
      f.sittingGaps = sittingGaps[slot] as number;
      f.handoverGaps = handoverGaps[slot] as number;
      f.shiftChainSittings = shiftChains[slot] as number;
      f.shiftQuietHours = shiftQuiet[slot] as number;
      f.signInDayShare = signInDayShare[slot] as number;
      f.sittingWorkEvents = workEvents[slot] as number;
      f.sittingWorkNearSignIn = workNearSignIn[slot] as number;
      f.sittingWorkLate = workLateInInterval[slot] as number;
      f.sittingWorkHoursLater = workHoursLater[slot] as number;
      f.sittingWorkBeyondDay = workBeyondDay[slot] as number;
      f.sittingWorkLaterHours = workLaterHours[slot] as number;
      if ((eventCount[slot] as number) >= minEvents) activity.measure(index, slot, f, eventKinds);
      else activity.none(f);
      f.dayEndDays = f.loginCount > 0 && f.tokenEventCount > 0 ? dayEndDays(slot, f.localOffsetMinutes * 60_000) : 0;
      f.topSignInAddressShare = f.otpCount > 0 && f.loginIpCount >= 3 ? topSignInAddressShare(slot) : Number.NaN;
      // Business hours are the account's own: a schedule's logins are counted off hours again
      // in the time zone its activity shows (a morning sign-in in Sydney is 21:30 UTC).
      if (f.scheduledOffHoursCount > 0 && (f.localOffsetMinutes !== t.utcOffsetMinutes || f.restDayShift !== 0)) {
        f.scheduledOffHoursCount = offHoursInWindow(slot, f.scheduledMinute, f.localOffsetMinutes * 60_000, f.restDayShift);
      }
      // So are its logins' business hours, on its own working days where its activity shows a
      // week whose rest days are not Saturday and Sunday: a person's 10:30 sign-in in Singapore
      // is 02:30 UTC, in no business hours of the org's default offset.
      if (f.loginCount > 0 && (f.restDayShift !== 0 || f.localOffsetMinutes !== t.utcOffsetMinutes)) {
        f.loginBusinessHourCount = loginsInBusinessHours(slot, f.localOffsetMinutes * 60_000, f.restDayShift);
      }
    },
    scheduledStart(slot) {
      return (scheduledCount[slot] as number) >= t.minScheduledLogins ? (scheduledMinute[slot] as number) : -1;
    },
    scheduledOffHours(slot) {
      return scheduledOffHours[slot] as number;
    },
    samples(slot, f) {
      const base = slot * LOGIN_FIELDS;
      f.loginIpSample = (logins[base + IP_COUNT] as number) > 0 ? ((events[logins[base + FIRST_IP_EVENT] as number] as AuditEvent).ip ?? null) : null;
      const count = slotCount[slot] as number;
      f.dailySlotMinutes = count === 0 ? NO_SLOTS : Array.from(slotMinutes.subarray(slot * MAX_DAILY_SLOTS, slot * MAX_DAILY_SLOTS + count)).sort((a, b) => a - b);
      f.dailySlotClockChangeMs = slotChangeMs[slot] as number;
      f.dailySlotClockShiftMinutes = slotShift[slot] as number;
    },
  };
}

// Actions that belong to signing in rather than to work: second factors, sessions, passwords.
const SIGN_IN_STEP = /mfa|2fa|2sv|two[^a-z0-9]?(?:factor|step)|challenge|session|sign[^a-z0-9]?(?:in|on)|log[^a-z0-9]?(?:in|on)|auth|verif|password|passkey|sso|saml/i;

/** A sign-in's own step (an OTP or other challenge, a session, a second factor), not work done after it. */
function signInStep(action: string, matchers: Matchers): boolean {
  return mayBeOtpChallenge(action, matchers) || SIGN_IN_STEP.test(action);
}

/** The number of bits set in a 32-bit integer, without a loop. */
/** The longest run of hours of the (UTC) day, wrapping at midnight, in which no login happened; 24 for none. */
function longestQuietRun(hours: number): number {
  if ((hours & 0xffffff) === 0) return 24;
  let longest = 0;
  let run = 0;
  // Twice round the clock, so that a run through midnight is counted whole.
  for (let i = 0; i < 48; i++) {
    if ((hours & (1 << i % 24)) === 0) {
      run++;
      if (run > longest) longest = run;
    } else run = 0;
  }
  return Math.min(longest, 24);
}

/** The bits set in a 32-bit mask (hours of the day, weekdays). */
export function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Sign-ins at most this far apart are a session renewed on a timer, for `sittingWorkLate`. */
const RENEWAL_MAX_MS = 3 * 3_600_000;
/** Work this long after a sign-in, and at most `WORKDAY_MAX_MS`, is a long sitting's, for `sittingWorkHoursLater`. */
const HOURS_LATER_MIN_MS = 3_600_000;
const WORKDAY_MAX_MS = 14 * 3_600_000;
/** The window of the day's end that a job stopping at a set time keeps (`dayEndDays`). */
const DAY_END_WINDOW_MINUTES = 30;

/** Logins less than this apart belong to one working session (for the in-session cadence). */
const SESSION_GAP_MS = 3 * 3_600_000;

/** A login's schedule key: its org-local minute of the day, doubled, plus 1 when outside business hours. */
function scheduleKey(localMs: number, businessHour: boolean): number {
  const minute = Math.floor((((localMs % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  return minute * 2 + (businessHour ? 0 : 1);
}

/** True on a working day within business hours, for a local instant (rest days as in `isWorkingHour`). */
function isBusinessHour(localMs: number, start: number, end: number, restShift = 0): boolean {
  return isWorkingHour(weekdayOf(localMs), hourOf(localMs), start, end, restShift);
}

/** A day's first API-token call from a cloud address, kept at one time of day (see `cloudTokenSchedule`). */
export interface CloudTokenSchedule {
  /** Days with a call of a person's API token from a cloud address. */
  days: number;
  /** Of those, the most whose first such call falls in one `CLOUD_SCHEDULE_WINDOW_MINUTES` window of the day, and of them the Saturdays and Sundays. */
  onTime: number;
  weekends: number;
  /** UTC minute of the day where that window starts. */
  minute: number;
}

/**
 * The days on which one account's API token was called from a cloud address (`datacenterIp`, the
 * address read as `addressOf` reads it), and how many of them the first such call kept one time of
 * day (`busiestWindow`, weekends as its flagged keys): a scheduled refresh in a cloud service
 * (Power BI's, a hosted cron) on a person's token calls at its hour every day, weekends too, while
 * the person's own calls come from the office at any hour. `localOffsetMs` places the weekend.
 */
export function cloudTokenSchedule(index: EventIndex, slot: number, datacenterIp: PrefixMatcher, localOffsetMs: number): CloudTokenSchedule {
  const { events, eventMs, firstEvent, nextEvent } = index;
  const keys: number[] = [];
  let day = Number.NaN;
  for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
    const event = events[k] as AuditEvent;
    if (!event.ip || !isPersonTokenEvent(event, index.apiTokenIds)) continue;
    const ms = eventMs[k] as number;
    const d = Math.floor(ms / DAY_MS);
    if (d === day || !datacenterIp.test(ipv4Number(event.ip) >= 0 ? event.ip : addressOf(event.ip).text)) continue;
    day = d;
    const weekday = weekdayOf(ms + localOffsetMs);
    keys.push((Math.floor((ms - d * DAY_MS) / 60_000) << 1) | (weekday === 0 || weekday === 6 ? 1 : 0));
  }
  const window = { count: 0, offHours: 0, minute: -1 };
  busiestWindow(Int32Array.from(keys), keys.length, CLOUD_SCHEDULE_WINDOW_MINUTES, window);
  return { days: keys.length, onTime: window.count, weekends: window.offHours, minute: window.minute };
}
const CLOUD_SCHEDULE_WINDOW_MINUTES = 30;

/** The starts of one account's API-token calls kept at one minute of the day (see `tokenStartSchedule`). */
export interface TokenStartSchedule {
  /** Days with a call of a person's API token. */
  days: number;
  /** The most days with a start (a call after `TOKEN_START_GAP_MS` without one) in one `TOKEN_START_WINDOW_MINUTES` window of the day, and of them the Saturdays and Sundays. */
  onTime: number;
  weekends: number;
  /** UTC minute of the day where that window starts; -1 without one. */
  minute: number;
  /** Runs of calls started (`TOKEN_START_GAP_MS` after the previous call), and the most of them in one `TOKEN_START_WINDOW_MINUTES` window of the hour: an hourly or six-hourly job's minute. */
  starts: number;
  hourOnTime: number;
}

/**
 * The days on which one account's API token was called, and how many of them had a run of calls
 * start within one `TOKEN_START_WINDOW_MINUTES` window of the day: a cron job on a person's token
 * (a stand-up report at 05:00, a nightly export at 02:30) starts at its minute, to the second,
 * whatever its owner does by hand with the token. A person who runs a command-line client at the
 * start of each day starts at a different minute each day, and a poller's calls follow one another
 * without a start of their own. Counted per window, one day at most once, in scratch arrays reused
 * from account to account (`stamp` says which account last wrote a window's counts).
 */
export function tokenStartSchedule(index: EventIndex, slot: number, localOffsetMs: number, restShift: number, t: DetectionThresholds, orgDesk: (ip: string) => boolean, uiAtHand = true, scripted: (userAgent: string) => boolean = () => false): TokenStartSchedule {
  const { events, eventMs, firstEvent, nextEvent } = index;
  startStampNow++;
  let days = 0;
  let lastDay = Number.NaN;
  let previousMs = Number.NEGATIVE_INFINITY;
  const best = { onTime: 0, weekends: 0, minute: -1 };
  let starts = 0;
  hourStarts.fill(0);
  for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
    if (!isPersonTokenEvent(events[k] as AuditEvent, index.apiTokenIds)) continue;
    const ms = eventMs[k] as number;
    const day = Math.floor(ms / DAY_MS);
    if (day !== lastDay) {
      days++;
      lastDay = day;
    }
    const start = ms - previousMs >= TOKEN_START_GAP_MS;
    previousMs = ms;
    if (!start) continue;
    const minute = Math.floor((ms - day * DAY_MS) / 60_000);
    starts++;
    hourStarts[minute % 60] = (hourStarts[minute % 60] as number) + 1;
    const weekday = weekdayOf(ms + localOffsetMs);
    const weekend = weekday === 0 || weekday === 6 ? 1 : 0;
    for (let back = 0; back < TOKEN_START_WINDOW_MINUTES; back++) {
      const w = (minute - back + MINUTES_PER_DAY) % MINUTES_PER_DAY;
      if (startStamp[w] !== startStampNow) {
        startStamp[w] = startStampNow;
        startDays[w] = startWeekends[w] = 0;
        startLastDay[w] = -1;
      }
      if (startLastDay[w] === day) continue;
      startLastDay[w] = day;
      const count = (startDays[w] = (startDays[w] as number) + 1);
      const weekends = (startWeekends[w] = (startWeekends[w] as number) + weekend);
      if (count > best.onTime || (count === best.onTime && weekends > best.weekends)) {
        best.onTime = count;
        best.weekends = weekends;
        best.minute = w;
      }
    }
  }
  let hourOnTime = 0;
  let hourMinute = -1;
  for (let m = 0; m < 60; m++) {
    let count = 0;
    for (let back = 0; back < TOKEN_START_WINDOW_MINUTES; back++) count += hourStarts[(m + back) % 60] as number;
    hourWindows[m] = count;
    if (count > hourOnTime) {
      hourOnTime = count;
      hourMinute = m;
    }
  }
  if (best.onTime < TOKEN_START_DESK_CHECK && hourOnTime < TOKEN_START_DESK_CHECK) return { days, ...best, starts, hourOnTime };
  // Runs that nearly all start at one minute past the hour or the half-hour are a timer's whole day,
  // not a person's calls beside one punctual habit.
  let halfHourOnTime = 0;
  for (let m = 0; m < 30; m++) halfHourOnTime = Math.max(halfHourOnTime, (hourWindows[m] as number) + (hourWindows[m + 30] as number));
  const timerAllDay = halfHourOnTime >= starts * TOKEN_START_TIMER_SHARE;
  return offDesk(index, slot, { days, ...best, starts, hourOnTime }, hourMinute, localOffsetMs, restShift, t, orgDesk, uiAtHand || !timerAllDay, scripted);
}

/**
 * The same counts with the runs started at the account's own desk left out: from an address that
 * the account's own work comes from (its sign-ins and browser work, or two runs of its calls or
 * more that keep no time near the job's) or that the org's people work from (`orgDesk`, an
 * office's egress). A script on the person's laptop or a CLI at the office is the person's own at
 * hand; a cron job on a server or a home box calls from an address the person's own work never
 * uses, and its late or catch-up runs are its own. A call from another address than the call
 * before it starts a run of its own (the job's call minutes after its owner's). Runs without an
 * address count as off the desk. The hour's reading counts only a job's round the clock: runs
 * outside the account's business hours (`isWorkingHour`, in its own week), a quarter of them or
 * more, as a poller at the laptop keeps none; and a minute of the day that is the hour's over again (the
 * poller's :00 every hour) is read as the hour's. Unless no one is at hand (`deskKept` false: no UI
 * use lately and runs that keep the clock all day) and the log holds nothing but the token's calls:
 * then every run counts, and the day's minute is the job's first run.
 */
function offDesk(index: EventIndex, slot: number, all: TokenStartSchedule, hourMinute: number, localOffsetMs: number, restShift: number, t: DetectionThresholds, orgDesk: (ip: string) => boolean, deskKept: boolean, scripted: (userAgent: string) => boolean): TokenStartSchedule {
  const { events, eventMs, firstEvent, nextEvent } = index;
  const dayDistance = (minute: number): number => {
    const d = (minute - all.minute + MINUTES_PER_DAY) % MINUTES_PER_DAY;
    return Math.min(d, MINUTES_PER_DAY - d);
  };
  const inDay = (minute: number): boolean => all.minute >= 0 && (minute - all.minute + MINUTES_PER_DAY) % MINUTES_PER_DAY < TOKEN_START_WINDOW_MINUTES;
  const inHour = (minute: number): boolean => hourMinute >= 0 && (minute - hourMinute + 60) % 60 < TOKEN_START_WINDOW_MINUTES;
  const own = new Set<string>();
  const offTimeRuns = new Map<string, number[]>();
  const onTimeIps: (string | undefined)[] = [];
  const onTimeMs: number[] = [];
  const onTimeKind: number[] = [];
  const onTimeScript: boolean[] = [];
  const onTimeFlow: boolean[] = [];
  let previousMs = Number.NEGATIVE_INFINITY;
  let previousIp: string | undefined;
  let byHand = false;
  let handEvents = 0;
  let handNearJob = 0;
  for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
    const event = events[k] as AuditEvent;
    const ms = eventMs[k] as number;
    const ip = event.ip ?? undefined;
    if (!isPersonTokenEvent(event, index.apiTokenIds)) {
      // A scripting client's call that the log kept without its token (python-requests, curl) is
      // no one's hands: its address stays the job's, not the person's desk.
      if (event.userAgent && scripted(event.userAgent)) continue;
      byHand = true;
      if (ip) own.add(ip);
      handEvents++;
      if (all.minute >= 0 && dayDistance(minuteOfDay(ms)) <= TOKEN_AWAY_MINUTES) handNearJob++;
      continue;
    }
    if (ms - previousMs >= TOKEN_START_GAP_MS || ip !== previousIp) {
      const minute = minuteOfDay(ms);
      const kind = (inDay(minute) ? 1 : 0) | (inHour(minute) ? 2 : 0);
      if (kind !== 0) {
        onTimeIps.push(ip);
        onTimeMs.push(ms);
        onTimeKind.push(kind);
        onTimeScript.push(!!event.userAgent && scripted(event.userAgent));
        onTimeFlow.push(!!event.userAgent && PERSONAL_FLOW_AGENT.test(event.userAgent));
      } else if (ip && dayDistance(minute) > TOKEN_START_NEAR_MINUTES) {
        const minutes = offTimeRuns.get(ip);
        if (minutes === undefined) offTimeRuns.set(ip, [minute]);
        else minutes.push(minute);
      }
    }
    previousMs = ms;
    previousIp = ip;
  }
  // No work by hand in the log and none in the UI lately, and runs that keep the clock all day: no
  // one is at the desk whose own the addresses could be; every run counts (an office server's job on
  // a departed person's token).
  const atHand = deskKept || byHand;
  // The person's own work by hand keeps away from the job's time of day (`TOKEN_AWAY_SHARE` of it at
  // most within `TOKEN_AWAY_MINUTES`): the job's runs at the desk may come from a machine left
  // running there (a nightly export on the workstation at 23:30), not from the person at hand.
  const awayFromDesk = handEvents >= TOKEN_AWAY_MIN_EVENTS && handNearJob <= handEvents * TOKEN_AWAY_SHARE;
  // Not an address whose other runs keep a clock of their own: the same job's second run of the day
  // (a stand-up report at 09:00 and a summary at 18:00 from one cloud server) is no one's desk.
  for (const [ip, minutes] of offTimeRuns) if (minutes.length >= TOKEN_START_OWN_RUNS && !ownClock(minutes)) own.add(ip);
  const atDesk = (ip: string | undefined): boolean => atHand && ip !== undefined && (own.has(ip) || orgDesk(ip));
  // A machine's start keeps its second, not only its minute: of the runs at the desk, only those of
  // a scripting client (python-requests, PowerShell, curl; not a person's CLI) in the busiest
  // `TOKEN_DESK_SECONDS` of the day count (a person's reminder-driven command wanders over minutes,
  // a cron's start by seconds).
  // Where the person's hands come near the job's time (a report at 08:00 before its owner arrives
  // at 08:15), the runs must keep a clock's second itself: within `TOKEN_CLOCK_SECONDS` on
  // `TOKEN_CLOCK_DAY_SHARE` of the token's days, as no command started by hand does.
  let deskFrom = Number.NaN;
  let clockFrom = Number.NaN;
  if (atHand) {
    const seconds: number[] = [];
    const days: number[] = [];
    for (let i = 0; i < onTimeMs.length; i++) {
      if (((onTimeKind[i] as number) & 1) === 0 || !onTimeScript[i] || !atDesk(onTimeIps[i])) continue;
      seconds.push(secondOfDay(onTimeMs[i] as number));
      days.push(Math.floor((onTimeMs[i] as number) / DAY_MS));
    }
    if (awayFromDesk) deskFrom = busiestSeconds([...seconds], TOKEN_DESK_SECONDS);
    // Only beside the owner's own work by hand (`TOKEN_AWAY_MIN_EVENTS` events or more): with none in
    // the log, nothing shows the job runs apart from its owner at hand (a script on a laptop at
    // 08:30, whose owner works through a CLI all day, is the person's).
    if (handEvents >= TOKEN_AWAY_MIN_EVENTS && seconds.length >= TOKEN_CLOCK_MIN_DAYS) {
      const from = busiestSeconds([...seconds], TOKEN_CLOCK_SECONDS);
      const kept = new Set<number>();
      for (let i = 0; i < seconds.length; i++) if (withinSeconds(seconds[i] as number, from, TOKEN_CLOCK_SECONDS)) kept.add(days[i] as number);
      if (kept.size >= TOKEN_CLOCK_MIN_DAYS && kept.size >= all.days * TOKEN_CLOCK_DAY_SHARE) clockFrom = from;
    }
  }
  let onTime = 0;
  let weekends = 0;
  let hourOnTime = 0;
  let hourOffHours = 0;
  let hoursSeen = 0;
  let flowRuns = 0;
  let lastDay = Number.NaN;
  let deskDays = 0;
  let deskWeekends = 0;
  for (let i = 0; i < onTimeMs.length; i++) {
    const ip = onTimeIps[i];
    let kind = onTimeKind[i] as number;
    const ms = onTimeMs[i] as number;
    const desk = atDesk(ip);
    if (desk) {
      // Away from the desk's hours, the day's minute is the machine's, kept to its seconds; the hour's stays the person's.
      if ((kind & 1) === 0 || !onTimeScript[i] || !(withinSeconds(secondOfDay(ms), deskFrom, TOKEN_DESK_SECONDS) || withinSeconds(secondOfDay(ms), clockFrom, TOKEN_CLOCK_SECONDS))) continue;
      kind = 1;
    }
    const local = ms + localOffsetMs;
    const weekday = weekdayOf(local);
    const weekend = weekday === 0 || weekday === 6;
    if ((kind & 2) !== 0) {
      hourOnTime++;
      hoursSeen |= 1 << hourOf(ms);
      if (onTimeFlow[i]) flowRuns++;
      if (!isWorkingHour(weekday, hourOf(local), t.businessHoursStart, t.businessHoursEnd, restShift)) hourOffHours++;
    }
    const day = Math.floor(ms / DAY_MS);
    if ((kind & 1) === 0 || day === lastDay) continue;
    lastDay = day;
    onTime++;
    if (weekend) weekends++;
    if (desk) {
      deskDays++;
      if (weekend) deskWeekends++;
    }
  }
  // The desk's runs count only where they keep the job's second on nearly every day it is called
  // (`TOKEN_DESK_DAY_SHARE`): a person's own script at an alarm lands in one minute by chance on
  // half of the days or more, a cron's on all of them.
  if (deskDays > 0 && onTime < all.days * TOKEN_DESK_DAY_SHARE) {
    onTime -= deskDays;
    weekends -= deskWeekends;
  }
  // The day's minute that is only one of the hour's over again (a poller at :00 every hour of the
  // working day, the first poll after the person arrives) is read as the hour's; with no one at
  // hand, it is the job's first run of the day. Not where the runs keep to a few hours of the day
  // (`POLLER_MIN_HOURS`): a job twice a day at 09:00 and 18:00 is a schedule, not a poller; unless
  // they are most of them a person's own cloud flows (Power Automate's), which run as the person.
  const fewHours = bitCount(hoursSeen) < POLLER_MIN_HOURS && flowRuns * 2 < hourOnTime;
  const hourly = atHand && inHour(all.minute) && hourOnTime >= 2 * onTime && !fewHours;
  return { ...all, onTime: hourly ? 0 : onTime, weekends: hourly ? 0 : weekends, hourOnTime: hourOffHours * 4 >= hourOnTime ? hourOnTime : 0 };
}
/** The hours of the day a poller's runs fall in, at least. */
const POLLER_MIN_HOURS = 4;
/** A person's own cloud flows' client (Microsoft's Power Automate, Logic Apps), as in events.ts's RPA reading. */
const PERSONAL_FLOW_AGENT = /power ?automate|logic ?apps/i;
/**
 * Runs at other times of day that keep one minute themselves (`TOKEN_START_WINDOW_MINUTES`), nearly
 * all of them (`TOKEN_OWN_CLOCK_SHARE`), on `TOKEN_OWN_CLOCK_MIN_RUNS` runs or more: a job's other
 * run of the day. A person's own calls from a desk start at any minute.
 */
function ownClock(minutes: readonly number[]): boolean {
  if (minutes.length < TOKEN_OWN_CLOCK_MIN_RUNS) return false;
  const window = { count: 0, offHours: 0, minute: -1 };
  busiestWindow(Int32Array.from(minutes, (m) => m << 1), minutes.length, TOKEN_START_WINDOW_MINUTES, window);
  return window.count >= minutes.length * TOKEN_OWN_CLOCK_SHARE;
}
const TOKEN_OWN_CLOCK_MIN_RUNS = 5;
const TOKEN_OWN_CLOCK_SHARE = 0.8;
/** The minute of the UTC day of an instant (ms). */
function minuteOfDay(ms: number): number {
  return Math.floor(secondOfDay(ms) / 60);
}
/** The second of the UTC day of an instant (ms). */
function secondOfDay(ms: number): number {
  return Math.floor((((ms % DAY_MS) + DAY_MS) % DAY_MS) / 1000);
}
/** Whether `second` falls within `width` seconds after `from` on the day's clock (midnight wrapped). */
function withinSeconds(second: number, from: number, width: number): boolean {
  return !Number.isNaN(from) && (second - from + SECONDS_PER_DAY) % SECONDS_PER_DAY <= width;
}
/** The start of the `width`-second window of the day holding most of `seconds` (NaN for none). */
function busiestSeconds(seconds: number[], width: number): number {
  if (seconds.length === 0) return Number.NaN;
  const sorted = seconds.sort((a, b) => a - b);
  const n = sorted.length;
  let best = 0;
  let from = Number.NaN;
  for (let i = 0, j = 0; i < n; i++) {
    // The window from sorted[i], wrapping past midnight into the next day's first seconds.
    while (j < i + n && (sorted[j % n] as number) + (j >= n ? SECONDS_PER_DAY : 0) - (sorted[i] as number) <= width) j++;
    if (j - i > best) {
      best = j - i;
      from = sorted[i] as number;
    }
  }
  return from;
}
const SECONDS_PER_DAY = 86_400;
/** The share of the token's days a job at the desk must keep its second on. */
const TOKEN_DESK_DAY_SHARE = 0.75;
/** How closely a job's start at the desk keeps its second of the day. */
const TOKEN_DESK_SECONDS = 60;
/** How closely, and on what share of the token's days (10 at least), a job at the desk keeps a clock's second where its owner works near its time. */
const TOKEN_CLOCK_SECONDS = 20;
const TOKEN_CLOCK_DAY_SHARE = 0.9;
const TOKEN_CLOCK_MIN_DAYS = 10;
/** Work by hand within this many minutes of the job's time of day puts the person at the desk then. */
const TOKEN_AWAY_MINUTES = 45;
/** The events of work by hand needed to know the person's hours, and the share of them allowed near the job's time. */
const TOKEN_AWAY_MIN_EVENTS = 20;
const TOKEN_AWAY_SHARE = 0.05;
/** The share of an account's runs that keep one minute past the hour or the half-hour before no one at hand is needed to own the desk. */
const TOKEN_START_TIMER_SHARE = 0.6;
/** A run starting this near the job's minute of the day is the job's, late or early. */
const TOKEN_START_NEAR_MINUTES = 30;
/** Runs that keep no time near the job's before their address is read as the person's own. */
const TOKEN_START_OWN_RUNS = 2;
/** Starts in the best window before the desk's runs are told apart (below it, no reading can hold). */
const TOKEN_START_DESK_CHECK = 8;
/** A call this long after the account's previous token call, or more, starts a run of them. */
const TOKEN_START_GAP_MS = 30 * 60_000;
/** How closely a cron job's start keeps its minute: a scheduler's delay and the job's own set-up. */
const TOKEN_START_WINDOW_MINUTES = 3;
const startStamp = new Float64Array(MINUTES_PER_DAY);
const startDays = new Int32Array(MINUTES_PER_DAY);
const startWeekends = new Int32Array(MINUTES_PER_DAY);
const startLastDay = new Int32Array(MINUTES_PER_DAY);
let startStampNow = 0;
const hourStarts = new Int32Array(60);
/** The starts in each three-minute window of the hour, by its first minute. */
const hourWindows = new Int32Array(60);

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

/** Mean interval between logins from which `loginIntervalSpreadMs` is measured (2 hours). */
export const LONG_CADENCE_INTERVAL_MS = 2 * 3_600_000;

/**
 * Median absolute deviation, from their median, of the gaps between each of the sorted times and
 * the one `lag` places before it; NaN below two such gaps. A missed run (a gap longer than the
 * others) moves it no more than any other gap does.
 */
export function medianAbsoluteDeviation(sorted: Float64Array, lag = 1): number {
  if (sorted.length < lag + 2) return Number.NaN;
  const gaps = new Float64Array(sorted.length - lag);
  for (let i = lag; i < sorted.length; i++) gaps[i - lag] = (sorted[i] as number) - (sorted[i - lag] as number);
  return deviationFromMedian(gaps.sort());
}

/** The median absolute deviation of sorted `values` from their median (`values` is overwritten). */
function deviationFromMedian(values: Float64Array): number {
  const median = middle(values);
  for (let i = 0; i < values.length; i++) values[i] = Math.abs((values[i] as number) - median);
  return middle(values.sort());
}

function middle(sorted: Float64Array): number {
  const half = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[half] as number) : ((sorted[half - 1] as number) + (sorted[half] as number)) / 2;
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
