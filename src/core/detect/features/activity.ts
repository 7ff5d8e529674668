import type { AccountFeatures } from "../features.js";
import { DAY_MS, HOUR_MS, isWorkingHour, weekdayOf, weekdayOfDay } from "../time.js";
import { APP_AUTH } from "./events.js";
import { grow, growFloat, hourOf, type EventIndex } from "./table.js";

/*
 * The timing of all of an account's activity (every event, whatever its action or attributes),
 * judged without knowing the account's time zone: whether there is a daily quiet stretch (people
 * sleep, round-the-clock jobs do not), whether it is active every day including both weekend
 * days, and whether its bursts of activity start at the same time of day.
 *
 * Days and weekends are taken in the account's own time zone. Snapshots carry none, so it is
 * inferred from the activity itself: the whole-hour offset that puts the most of it on weekdays
 * within business hours (a working week). A person in Sydney who signs in at 21:30 UTC from
 * Sunday to Thursday is seen working Monday to Friday mornings, not on Sundays; a job that runs
 * every day keeps two days in seven on a weekend whatever the offset, so it cannot be explained
 * away. Ties (an account active in a narrow part of the day) go to the offset that the middle of
 * its quiet stretch suggests (taken as 04:00 local), then to the org's. Activity round the clock
 * (no quiet stretch) has no working day to fit and keeps the org's offset.
 */

/** A new burst of activity starts after this much silence. */
const BURST_GAP_MS = 30 * 60_000;
/** Bursts that start within this many minutes of each other (time of day) belong to one schedule. */
const SCHEDULE_WINDOW_MINUTES = 30;
/** Length of the quiet stretch looked for, in hours. */
const QUIET_HOURS = 8;
/** The middle of a person's quiet stretch, as an hour of their local day. */
const QUIET_MIDDLE_LOCAL_HOUR = 4;
const MINUTES_PER_DAY = 1440;
/** The stretch of days in which a night's sleep is looked for (see `judgedStretches`). */
const STRETCH_MS = 3 * DAY_MS;
/** Events a stretch needs before its quiet hours are judged, and the share of them they may hold. */
const MIN_STRETCH_EVENTS = 16;
const STRETCH_QUIET_SHARE = 0.05;
/**
 * Share of active days with a burst within `PUNCTUAL_WINDOW_MINUTES` of one time of day that makes
 * a timer's week, whose rest days are not refitted (see `restDayShift`).
 */
const SCHEDULED_DAY_SHARE = 0.6;
const PUNCTUAL_WINDOW_MINUTES = 10;
/** A window this narrow is a timer's minute (`exactStartDays`). */
const EXACT_WINDOW_MINUTES = 3;
/**
 * Events, or days with activity, before the rest days of a working week are fitted (see
 * `restDayShift`): a log of sign-ins alone holds one a day, and two weeks of them show the week.
 */
const MIN_REST_FIT_EVENTS = 20;
const MIN_REST_FIT_DAYS = 10;
/** The time zone is fitted to a working week only for activity with a quiet stretch holding less than this share. */
const WEEK_FIT_MAX_QUIET = 0.1;
/** A silence at least this long between two events is a night off (or a shift off). */
const LONG_GAP_MS = 13 * HOUR_MS;
/** Events closer than this are one moment of activity (a login and its OTP challenge, a job's few calls). */
const MOMENT_MS = 2 * 60_000;
/** Gaps between moments shorter than this fall within a working session. */
const SESSION_GAP_MS = 3 * HOUR_MS;
/**
 * A moment this long or longer is a run of events, not one: a timer that ticks more often than
 * every MOMENT_MS. The gaps inside it count as gaps between moments.
 */
const LONG_MOMENT_MS = 10 * 60_000;
/** Gaps a session needs before its own beat is judged (see `sessionsOnBeat`). */
const MIN_SESSION_BEAT_GAPS = 10;
/** A gap within this share of the median gap is on the beat. */
const BEAT_TOLERANCE = 0.15;
/** Activity before this local hour is at night. */
const NIGHT_END_LOCAL_HOUR = 6;
/** Days at rest in a row that a rota's day off spans at most (see `restDays`). */
const MAX_DAY_OFF_RUN = 2;
/** A run of days without activity at night counts when it has activity on this many days. */
const MIN_ACTIVE_DAYS_IN_REST = 3;

/**
 * Timing of all of one account's activity, computed on demand from its event chain with scratch
 * arrays that are reused for every account (nothing is allocated per account).
 */
export class ActivityTiming {
  private times: Float64Array = new Float64Array(256);
  private readonly hours = new Int32Array(24);
  /** Events per UTC weekday (Sunday = 0) and hour: index weekday * 24 + hour. */
  private readonly week = new Int32Array(7 * 24);
  private readonly bins = new Int32Array(7 * 24);
  private readonly sums = new Int32Array(24);
  private readonly days = new Int32Array(7);
  private readonly spanDays = new Int32Array(7);
  private readonly activeDays = new Int32Array(7);
  private readonly restPerWeekday = new Int32Array(7);
  private readonly stretchHours = new Int32Array(24);
  private keys: Int32Array = new Int32Array(256);
  private spare: Int32Array = new Int32Array(256);
  private dayHits: Int32Array = new Int32Array(64);
  private nightHits: Uint8Array = new Uint8Array(64);
  private gaps: Float64Array = new Float64Array(256);
  private sessionEnds: Int32Array = new Int32Array(64);
  private readonly lastDay: number;

  constructor(
    referenceMs: number,
    private readonly orgOffsetMinutes: number,
    private readonly businessHoursStart = 7,
    private readonly businessHoursEnd = 19,
    private readonly minScheduleDays = 6,
  ) {
    this.lastDay = Math.floor((referenceMs - 1) / DAY_MS);
  }

  /**
   * The timetable (`timetableWindows`, `timetableBursts`): the busiest 30-minute window of the
   * bursts, then the busiest of the bursts outside it, and so on, while each window holds a burst
   * on `minScheduleDays` days and `TIMETABLE_DAY_SHARE` of the active days.
   */
  private timetable(bursts: number, span: number, days: number, f: AccountFeatures): void {
    if (this.spare.length < bursts) this.spare = new Int32Array(Math.max(bursts, this.spare.length * 2));
    const spare = this.spare;
    spare.set(this.keys.subarray(0, bursts));
    const need = Math.max(this.minScheduleDays, Math.ceil(days * TIMETABLE_DAY_SHARE));
    let left = bursts;
    let windows = 0;
    let held = 0;
    while (windows < TIMETABLE_MAX_WINDOWS && left > 0) {
      const best = busiestDays(spare, left, span, this.dayHits, TIMETABLE_WINDOW_MINUTES, false);
      if (best.days < need) break;
      windows++;
      let kept = 0;
      for (let i = 0; i < left; i++) {
        const key = spare[i] as number;
        if (((key >> 10) - best.minute + MINUTES_PER_DAY) % MINUTES_PER_DAY < TIMETABLE_WINDOW_MINUTES) held++;
        else spare[kept++] = key;
      }
      left = kept;
    }
    f.timetableWindows = windows;
    f.timetableBursts = held;
  }

  /**
   * The days off (`spanWeeks`, `restedWeeks`, `restWeekdayMask`, `restDays`, `restDaysTopWeekday`)
   * in the first `days` days of the span, up to the last active one: a job stopped, or a log that
   * ends early, would rest on every weekday after it. Runs of one or two days at rest only
   * (`MAX_DAY_OFF_RUN`): three or more are leave or a job's pause, not a rota's day off.
   */
  private restDays(dayHits: Int32Array, firstDay: number, days: number, f: AccountFeatures): void {
    const weeks = Math.floor(days / 7);
    const perWeekday = this.restPerWeekday;
    perWeekday.fill(0);
    let rested = 0;
    let lastRestedWeek = -1;
    let mask = 0;
    for (let d = 0; d < days; ) {
      if (dayHits[d] !== 0) {
        d++;
        continue;
      }
      let end = d;
      while (end < days && dayHits[end] === 0) end++;
      if (end - d <= MAX_DAY_OFF_RUN) {
        for (let k = d; k < end; k++) {
          const weekday = weekdayOfDay(firstDay + k);
          perWeekday[weekday]!++;
          mask |= 1 << weekday;
          const week = Math.floor(k / 7);
          if (week < weeks && week !== lastRestedWeek) {
            rested++;
            lastRestedWeek = week;
          }
        }
      }
      d = end;
    }
    let total = 0;
    let top = 0;
    for (let w = 0; w < 7; w++) {
      total += perWeekday[w] as number;
      if ((perWeekday[w] as number) > top) top = perWeekday[w] as number;
    }
    f.spanWeeks = weeks;
    f.restedWeeks = rested;
    f.restWeekdayMask = mask;
    f.restDays = total;
    f.restDaysTopWeekday = top;
  }

  none(f: AccountFeatures): void {
    f.activityEvents = 0;
    f.activityDays = 0;
    f.activitySpanDays = 0;
    f.activityDistinctHours = 0;
    f.quietShare = Number.NaN;
    f.quietStartHour = -1;
    f.localOffsetMinutes = this.orgOffsetMinutes;
    f.saturdayCoverage = Number.NaN;
    f.sundayCoverage = Number.NaN;
    f.weekendDaysInSpan = 0;
    f.restDayShift = 0;
    f.spanWeeks = 0;
    f.restedWeeks = 0;
    f.restWeekdayMask = 0;
    f.restDays = 0;
    f.restDaysTopWeekday = 0;
    f.longGapCount = 0;
    f.nightDays = 0;
    f.restingRunDays = 0;
    f.judgedStretches = 0;
    f.quietStretches = 0;
    f.burstCount = 0;
    f.scheduleDays = 0;
    f.scheduleMinute = -1;
    f.timetableWindows = 0;
    f.timetableBursts = 0;
    f.scheduleAcrossClockChange = false;
    f.activityMoments = 0;
    f.activityCadenceGaps = 0;
    f.activityCadenceMedianMs = Number.NaN;
    f.activityCadenceOnBeat = 0;
    f.activitySessionOnBeat = 0;
  }

  /**
   * `eventKinds` (features/events.ts): events done with an app's or the org's credential
   * (`APP_AUTH`) are left out, as an automation rule that runs in the account's name is no sign of
   * how its owner or their scripts work.
   */
  measure(index: EventIndex, slot: number, f: AccountFeatures, eventKinds: Uint8Array | null = null): void {
    const { firstEvent, nextEvent, eventMs } = index;
    let len = 0;
    let sorted = true;
    this.hours.fill(0);
    this.week.fill(0);
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
      if (eventKinds !== null && ((eventKinds[k] as number) & APP_AUTH) !== 0) continue;
      const ms = eventMs[k] as number;
      if (len === this.times.length) this.times = growFloat(this.times);
      if (len > 0 && ms < (this.times[len - 1] as number)) sorted = false;
      this.times[len++] = ms;
      const hour = hourOf(ms);
      this.hours[hour]!++;
      this.week[weekdayOf(ms) * 24 + hour]!++;
    }
    if (len === 0) {
      this.none(f);
      return;
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
    const hintHours = quietShare <= 0.05 ? ((((QUIET_MIDDLE_LOCAL_HOUR - middle) % 24) + 36) % 24) - 12 : this.orgOffsetMinutes / 60;
    // Round the clock there is no working day to fit: the hint (the org's offset) stands.
    const fitted = quietShare < WEEK_FIT_MAX_QUIET;
    const offsetHours = fitted ? this.workingWeekOffsetHours(hintHours) : hintHours;
    const offsetMs = offsetHours * HOUR_MS;

    // Days, weekends and bursts, in that local time.
    const firstDay = Math.floor(((times[0] as number) + offsetMs) / DAY_MS);
    const lastDay = Math.max(firstDay, Math.floor((this.lastDay * DAY_MS + DAY_MS - 1 + offsetMs) / DAY_MS));
    const span = lastDay - firstDay + 1;
    if (this.dayHits.length < span) {
      this.dayHits = new Int32Array(Math.max(span, this.dayHits.length * 2));
      this.nightHits = new Uint8Array(this.dayHits.length);
    }
    const dayHits = this.dayHits;
    const nightHits = this.nightHits;
    dayHits.fill(0, 0, span);
    nightHits.fill(0, 0, span);
    let days = 0;
    let bursts = 0;
    let shortBursts = 0;
    let burstStart = -Infinity;
    let longGaps = 0;
    let previous = -Infinity;
    let moments = 0;
    let momentStart = -Infinity;
    let momentFirst = 0;
    let sessionGaps = 0;
    let sessions = 0;
    for (let i = 0; i <= len; i++) {
      const ms = i < len ? (times[i] as number) : Infinity;
      if (ms - previous >= MOMENT_MS) {
        // The moment that ends here was a run of events: its own gaps count too.
        if (moments > 0 && previous - momentStart >= LONG_MOMENT_MS) {
          for (let j = momentFirst + 1; j < i; j++) {
            if (sessionGaps === this.gaps.length) this.gaps = growFloat(this.gaps);
            this.gaps[sessionGaps++] = (times[j] as number) - (times[j - 1] as number);
          }
        }
        if (i === len) break;
        if (moments > 0 && ms - momentStart < SESSION_GAP_MS) {
          if (sessionGaps === this.gaps.length) this.gaps = growFloat(this.gaps);
          this.gaps[sessionGaps++] = ms - momentStart;
        } else if (moments > 0) {
          // A session ends: its gaps are those since the last end.
          if (sessions === this.sessionEnds.length) this.sessionEnds = grow(this.sessionEnds);
          this.sessionEnds[sessions++] = sessionGaps;
        }
        moments++;
        momentStart = ms;
        momentFirst = i;
      }
      const local = ms + offsetMs;
      const day = Math.floor(local / DAY_MS) - firstDay;
      if (day >= 0 && day < span) {
        if (dayHits[day] === 0) {
          dayHits[day] = 1;
          days++;
        }
        if (local - (firstDay + day) * DAY_MS < NIGHT_END_LOCAL_HOUR * HOUR_MS) nightHits[day] = 1;
      }
      if (ms - previous >= LONG_GAP_MS && previous !== -Infinity) longGaps++;
      if (ms - previous >= BURST_GAP_MS) {
        // The burst that ends here: a job's run lasts minutes, a person's sitting longer.
        if (bursts > 0 && previous - burstStart <= SHORT_BURST_MS) shortBursts++;
        burstStart = ms;
        if (bursts === this.keys.length) this.keys = grow(this.keys);
        // Key: local minute of the day * 1024 + day index (spans are far below 1024 days here).
        const minute = Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
        this.keys[bursts++] = minute * 1024 + Math.min(day, 1023);
      }
      previous = ms;
    }
    // Days with activity at night, and the longest run of days without any that holds activity
    // on enough days to count as a stretch of work.
    let nightDays = 0;
    let restingRun = 0;
    let run = 0;
    let runActive = 0;
    for (let d = 0; d < span; d++) {
      if (nightHits[d] === 1) {
        nightDays++;
        run = runActive = 0;
        continue;
      }
      run++;
      runActive += dayHits[d] as number;
      if (runActive >= MIN_ACTIVE_DAYS_IN_REST && run > restingRun) restingRun = run;
    }
    // Days in the span and active days, per weekday, before `busiestDays` reuses `dayHits`.
    const spanDays = this.spanDays;
    const activeDays = this.activeDays;
    spanDays.fill(0);
    activeDays.fill(0);
    for (let d = 0; d < span; d++) {
      const weekday = weekdayOfDay(firstDay + d);
      spanDays[weekday]!++;
      activeDays[weekday]! += dayHits[d] as number;
    }
    this.restDays(dayHits, firstDay, Math.min(span, Math.floor(((times[len - 1] as number) + offsetMs) / DAY_MS) - firstDay + 1), f);
    const schedule = busiestDays(this.keys, bursts, span, dayHits);
    // The rest days, where the activity shows a working week of its own; not for a job whose
    // bursts start within minutes of one time of day on most days (a timer on five days of the
    // week keeps a job's week, whichever five).
    const punctualDays = schedule.days >= days * SCHEDULED_DAY_SHARE ? busiestDays(this.keys, bursts, span, dayHits, PUNCTUAL_WINDOW_MINUTES).days : 0;
    const punctual = punctualDays >= days * SCHEDULED_DAY_SHARE;
    // Within minutes, as a timer keeps it and no person does (see `exactStartDays`).
    const exactDays = punctual ? busiestDays(this.keys, bursts, span, dayHits, EXACT_WINDOW_MINUTES).days : 0;
    const restShift = fitted && (len >= MIN_REST_FIT_EVENTS || days >= MIN_REST_FIT_DAYS) && !punctual ? this.restDayShift(offsetHours) : 0;
    const restA = (6 + restShift) % 7;
    const restB = restShift;
    const saturdays = spanDays[restA] as number;
    const sundays = spanDays[restB] as number;
    const saturdaysActive = activeDays[restA] as number;
    const sundaysActive = activeDays[restB] as number;

    this.quietNights(times, len, f);
    f.activityEvents = len;
    f.activityDays = days;
    f.activitySpanDays = span;
    f.activityDistinctHours = distinctHours;
    f.quietShare = quietShare;
    f.quietStartHour = bestStart;
    f.localOffsetMinutes = Math.round(offsetMs / 60_000);
    f.saturdayCoverage = saturdays === 0 ? Number.NaN : saturdaysActive / saturdays;
    f.sundayCoverage = sundays === 0 ? Number.NaN : sundaysActive / sundays;
    f.weekendDaysInSpan = saturdays + sundays;
    f.restDayShift = restShift;
    f.exactStartDays = exactDays;
    f.longGapCount = longGaps;
    f.nightDays = nightDays;
    f.restingRunDays = restingRun;
    f.burstCount = bursts;
    // Across a clock change, when the pair of windows holds more days than the window alone.
    f.scheduleDays = Math.max(schedule.days, schedule.shifted);
    f.scheduleAcrossClockChange = schedule.shifted > schedule.days;
    f.scheduleMinute = schedule.minute;
    // A timetable on workdays: only for activity with no weekend and a few bursts a day (a
    // person's short sessions all day long keep no such table).
    f.timetableWindows = 0;
    f.timetableBursts = 0;
    // The last burst ends with the last event.
    if (bursts > 0 && previous - burstStart <= SHORT_BURST_MS) shortBursts++;
    if (saturdaysActive + sundaysActive === 0 && days >= this.minScheduleDays && bursts <= days * TIMETABLE_MAX_BURSTS_PER_DAY && shortBursts >= bursts * TIMETABLE_SHORT_SHARE) {
      this.timetable(bursts, span, days, f);
    }
    f.activityMoments = moments;
    f.activityCadenceGaps = sessionGaps;
    f.activityCadenceMedianMs = Number.NaN;
    f.activityCadenceOnBeat = 0;
    // Each session's own beat first: the median below sorts the gaps in place.
    f.activitySessionOnBeat = sessionGaps >= 2 ? this.sessionsOnBeat(sessions, sessionGaps) : 0;
    if (sessionGaps >= 2) {
      const gaps = this.gaps.subarray(0, sessionGaps).sort();
      const median = gaps[sessionGaps >> 1] as number;
      let onBeat = 0;
      for (let i = 0; i < sessionGaps; i++) if (Math.abs((gaps[i] as number) - median) <= median * BEAT_TOLERANCE) onBeat++;
      f.activityCadenceMedianMs = median;
      f.activityCadenceOnBeat = onBeat;
    }
  }

  /**
   * Gaps on the beat of their own session (within `BEAT_TOLERANCE` of the median gap of a session
   * of `MIN_SESSION_BEAT_GAPS` gaps or more): a robot whose pace differs from day to day keeps one
   * beat each day. Reads the gaps before `measure` sorts them; `ends[0..sessions)` are where
   * sessions end in them, the last one ending at `total`.
   */
  private sessionsOnBeat(sessions: number, total: number): number {
    const gaps = this.gaps;
    let onBeat = 0;
    let start = 0;
    for (let s = 0; s <= sessions; s++) {
      const end = s < sessions ? (this.sessionEnds[s] as number) : total;
      if (end - start >= MIN_SESSION_BEAT_GAPS) {
        // In place: the whole-log median after this sorts all the gaps anyway.
        const own = gaps.subarray(start, end).sort();
        const median = own[own.length >> 1] as number;
        for (let i = 0; i < own.length; i++) if (Math.abs((own[i] as number) - median) <= median * BEAT_TOLERANCE) onBeat++;
      }
      start = end;
    }
    return onBeat;
  }

  /** `judgedStretches` and `quietStretches` (see AccountFeatures) over the first `len` sorted times. */
  private quietNights(times: Float64Array, len: number, f: AccountFeatures): void {
    const hours = this.stretchHours;
    let judged = 0;
    let quiet = 0;
    let i = 0;
    while (i < len) {
      const end = (times[i] as number) + STRETCH_MS;
      hours.fill(0);
      let count = 0;
      for (; i < len && (times[i] as number) < end; i++, count++) hours[hourOf(times[i] as number)]!++;
      if (count < MIN_STRETCH_EVENTS) continue;
      judged++;
      let least = count;
      for (let h = 0; h < 24; h++) {
        let sum = 0;
        for (let j = 0; j < QUIET_HOURS; j++) sum += hours[(h + j) % 24] as number;
        if (sum < least) least = sum;
      }
      if (least <= count * STRETCH_QUIET_SHARE) quiet++;
    }
    f.judgedStretches = judged;
    f.quietStretches = quiet;
  }

  /**
   * The rest days of the account's working week, as days moved on from Saturday and Sunday: the
   * pair of consecutive local days with the least activity, where it holds at most half of what
   * Saturday and Sunday hold (Friday and Saturday in Israel, Thursday and Friday in Iran), for
   * activity on four days of the week or more; 0 otherwise, as for activity spread over every day
   * (a job), which no pair explains away.
   */
  private restDayShift(offsetHours: number): number {
    const days = this.days;
    days.fill(0);
    const week = this.week;
    for (let bin = 0; bin < 168; bin++) {
      const count = week[bin] as number;
      if (count === 0) continue;
      const wrapped = (((bin + offsetHours) % 168) + 168) % 168;
      days[Math.floor(wrapped / 24)]! += count;
    }
    // A working week has four working days at least: activity on fewer is no week to fit (a
    // job that runs on Sundays only).
    let workingDays = 0;
    for (let d = 0; d < 7; d++) if ((days[d] as number) > 0) workingDays++;
    if (workingDays < 4) return 0;
    const weekend = (days[6] as number) + (days[0] as number);
    let best = 0;
    let bestCount = weekend;
    for (let shift = 1; shift < 7; shift++) {
      const count = (days[(6 + shift) % 7] as number) + (days[shift] as number);
      if (count < bestCount) {
        best = shift;
        bestCount = count;
      }
    }
    return best !== 0 && bestCount * 2 <= weekend ? best : 0;
  }

  /**
   * The whole-hour offset from UTC (-12 to +14) that puts the most of the account's activity on
   * weekdays within business hours; among equals, the one nearest `hintHours`.
   */
  private workingWeekOffsetHours(hintHours: number): number {
    const week = this.week;
    const bins = this.bins;
    let used = 0;
    for (let bin = 0; bin < 168; bin++) if ((week[bin] as number) > 0) bins[used++] = bin;
    const start = this.businessHoursStart;
    const end = this.businessHoursEnd;
    let best = -1;
    let bestOffset = 0;
    let bestDistance = Infinity;
    for (let offset = -12; offset <= 14; offset++) {
      let inHours = 0;
      for (let i = 0; i < used; i++) {
        const bin = bins[i] as number;
        const count = week[bin] as number;
        const local = bin + offset; // hours since Sunday 00:00, local
        const wrapped = ((local % 168) + 168) % 168;
        if (isWorkingHour(Math.floor(wrapped / 24), wrapped % 24, start, end)) inHours += count;
      }
      const gap = Math.abs(offset - hintHours) % 24;
      const distance = Math.min(gap, 24 - gap);
      if (inHours > best || (inHours === best && distance < bestDistance)) {
        best = inHours;
        bestOffset = offset;
        bestDistance = distance;
      }
    }
    return bestOffset;
  }
}

/** Bursts a day, on average, beyond which activity keeps no timetable (see `timetable`). */
const TIMETABLE_MAX_BURSTS_PER_DAY = 6;
/**
 * How long a burst of a timetable lasts at most, and the share of the bursts that must be that
 * short: a job's run is over in minutes, a person who starts work at 09:00 and comes back from
 * lunch at 13:00 works on for hours, in bursts that start on a timetable too.
 */
const SHORT_BURST_MS = 20 * 60_000;
const TIMETABLE_SHORT_SHARE = 0.9;
/**
 * How wide a window of a timetable is: a job a few minutes late each time keeps its runs within
 * 20 minutes; a person who logs work "between 17:00 and 17:30" does not.
 */
const TIMETABLE_WINDOW_MINUTES = 20;
/** Windows of a timetable, and the share of the active days each must hold a burst on. */
const TIMETABLE_MAX_WINDOWS = 4;
const TIMETABLE_DAY_SHARE = 0.7;

/**
 * The time-of-day window of `windowMinutes` (wrapping past midnight) in which bursts
 * start on the most distinct days. `keys` are minute * 1024 + day; `dayHits` is scratch space of
 * at least `span` entries (overwritten).
 */
function busiestDays(keys: Int32Array, len: number, span: number, dayHits: Int32Array, windowMinutes = SCHEDULE_WINDOW_MINUTES, clockChange = windowMinutes === SCHEDULE_WINDOW_MINUTES): { days: number; minute: number; shifted: number } {
  if (len === 0) return { days: 0, minute: -1, shifted: 0 };
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
      if (minute - first >= windowMinutes) break;
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
  return { days: bestDays, minute: bestMinute, shifted: clockChange ? acrossClockChange(keys, len, span, bestMinute, dayHits) : 0 };
}

/**
 * A job scheduled in local time moves by an hour at a daylight-saving change: its bursts start in
 * the busiest window (at `minute`) on the days on one side of the change, and an hour later or
 * earlier on the other. The most days such a pair of windows holds, split at any one day (0 when
 * no pair beats the window alone). Linear in bursts and days: each window's days are marked, and
 * the best split is a running sum. `dayHits` is scratch of at least `span` entries.
 */
function acrossClockChange(keys: Int32Array, len: number, span: number, minute: number, dayHits: Int32Array): number {
  let best = 0;
  for (const shift of [60, -60]) {
    // Bit 1: a burst in the window itself on that day; bit 2: one in the window `shift` away.
    dayHits.fill(0, 0, span);
    const twin = (minute + shift + MINUTES_PER_DAY) % MINUTES_PER_DAY;
    for (let i = 0; i < len; i++) {
      const key = keys[i] as number;
      const day = key & 1023;
      if (day >= span) continue;
      const at = key >> 10;
      if ((at - minute + MINUTES_PER_DAY) % MINUTES_PER_DAY < SCHEDULE_WINDOW_MINUTES) dayHits[day]! |= 1;
      if ((at - twin + MINUTES_PER_DAY) % MINUTES_PER_DAY < SCHEDULE_WINDOW_MINUTES) dayHits[day]! |= 2;
    }
    // Window first, twin after the change, and the other way round: days before the split count
    // for one window, days from it for the other.
    for (const [before, after] of [
      [1, 2],
      [2, 1],
    ] as const) {
      let total = 0;
      for (let d = 0; d < span; d++) if (((dayHits[d] as number) & after) !== 0) total++;
      let run = 0;
      for (let d = 0; d <= span; d++) {
        // Split before day d: days < d use `before`, days >= d use `after`.
        if (d > 0 && d < span && run + total > best) best = run + total;
        if (d === span) break;
        const hits = dayHits[d] as number;
        if ((hits & before) !== 0) run++;
        if ((hits & after) !== 0) total--;
      }
    }
  }
  return best;
}

