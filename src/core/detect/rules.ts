import type { ApiToken, Group } from "../snapshot/schema.js";
import type { DetectionThresholds } from "./config.js";
import type { OrgVocabulary } from "./vocabulary.js";
import type { ShiftStarts } from "./shift-starts.js";
import type { AccountFeatures, Matchers } from "./features.js";
import { SATURDAY_SUNDAY } from "./features/events.js";
import { SIGN_IN_ACCESS_ID } from "./features/profile.js";
import type { RuleId } from "./rule-ids.js";
import { bitCount, LONG_CADENCE_INTERVAL_MS, PUNCTUAL_MIN_DAYS, PUNCTUAL_SPAN_MINUTES } from "./features/schedule.js";
import { CONTEXT_WORD } from "./features/matchers.js";
import { DAY_MS, isoToMs, restDayNames } from "./time.js";

/**
 * Independent lines of evidence. Confidence grows with the number of families that agree, so
 * three identity hints never count as much as behaviour seen in two different places.
 * `corroboration` rules read data that some sources never record (user agents: Atlassian's
 * audit-event API has none). They weigh 0 by default, so they add confidence to a verdict that
 * the other signals reach, and never decide one: the same org read with or without user agents
 * gets the same verdicts.
 */
export type SignalFamily = "activity" | "logins" | "identity" | "human" | "amplifier" | "corroboration";

/**
 * What kind of machine evidence a rule is, for the `bot` verdict: an account is called `bot`
 * only when a rule with `strong` machine evidence fired (timing, cadence, OTP challenges on
 * machine-like logins, a live token on a suspended account), or one with `weak` machine evidence
 * (cloud addresses, UI that stopped long ago) on an account the identity provider does not manage.
 * Scores from tokens, names and profiles alone make at most a `likely-bot`.
 */
export type MachineEvidence = "strong" | "weak";

/** Per-audit constants every rule may read. */
export interface RuleContext {
  t: DetectionThresholds;
  matchers: Matchers;
  referenceMs: number;
  groupsById: ReadonlyMap<string, Group>;
  /** Ids of groups whose name says they grant admin rights, found once per audit. */
  adminGroupIds: ReadonlySet<string>;
  /** The snapshot has an audit log (any event at all). */
  auditLog: boolean;
  /** Days from the first event of an audit log that records sign-ins to the snapshot (or its last event, if later); 0 without one. */
  signInLogDays: number;
  /**
   * The log records times no finer than this (a quarter hour or an hour; 0 when finer): a beat, a
   * fixed time of day or a schedule cannot be told from the rounding, and the rules that read them
   * stay silent.
   */
  coarseTimeMs: number;
  /** The org's own rest days, as `EventCoverage.restDays` (Saturday and Sunday unless its log shows another week). */
  orgRestDays: number;
  /** The org's sign-ins per day an account signs in on (`signInsPerDay`): what a person's day holds, where the log records every session or only some. */
  signInsPerDay: number;
  /** The org's words for its work (departments, job titles) and its display names' first words. */
  vocabulary: OrgVocabulary;
  /** When each department's people start their shifts (see `ShiftStarts`). */
  shiftStarts: ShiftStarts;
}

/**
 * Whether the org works on `weekday` (6 Saturday, 0 Sunday), where the account's activity is
 * measured against Saturday and Sunday (no week of its own fitted: `restDayShift` 0) and spans a
 * working day (more than two hours of the day): a six-day week's Saturday, a Sunday-to-Thursday
 * week's Sunday. A person's day of work there is the org's week, no sign of a job's; a job's run
 * at one time of day on the same days is still a job's. Only for an org that rests on Saturday
 * or Sunday at least.
 */
export function orgWorksOn(f: AccountFeatures, ctx: RuleContext, weekday: 0 | 6): boolean {
  const rest = ctx.orgRestDays;
  // A person's working day, over more hours than a job's run at one time of day takes.
  return f.restDayShift === 0 && f.activityDistinctHours > WORKDAY_MIN_HOURS && (rest & (1 << weekday)) === 0 && (rest & SATURDAY_SUNDAY) !== 0;
}
const WORKDAY_MIN_HOURS = 2;
/** `saturdayCoverage` and `sundayCoverage`, the larger, with a day the org works on (see `orgWorksOn`) at 0. */
function restDayCoverage(f: AccountFeatures, ctx: RuleContext): number {
  return Math.max(orgWorksOn(f, ctx, 6) ? 0 : f.saturdayCoverage, orgWorksOn(f, ctx, 0) ? 0 : f.sundayCoverage);
}

/**
 * A detection rule. `score` decides, without allocating, whether the rule fires and how strongly
 * (a multiple of the rule's configured weight, usually 1); `explain` writes the evidence sentence
 * with the numbers, and runs only for accounts that end up in the report.
 */
export interface RuleDefinition {
  id: RuleId;
  family: SignalFamily;
  /** Base weight; positive pushes towards bot, negative towards human, 0 for risk amplifiers. */
  defaultWeight: number;
  /** Set on rules whose firing is machine evidence (see MachineEvidence). */
  machine?: MachineEvidence;
  score(f: AccountFeatures, ctx: RuleContext): number | null;
  explain(f: AccountFeatures, ctx: RuleContext): string;
}

const ADMIN = /admin/i;
const TOKEN_SEPARATORS = /[^a-z0-9]+/;

function day(iso: string): string {
  return iso.slice(0, 10);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 days before the reference time", in whole days. */
export function relative(ms: number, referenceMs: number): string {
  const diff = referenceMs - ms;
  const days = Math.floor(Math.abs(diff) / DAY_MS);
  const side = diff < 0 ? "after" : "before";
  return days < 1 ? `less than a day ${side} the reference time` : `${plural(days, "day")} ${side} the reference time`;
}

function duration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < DAY_MS) return `${+(ms / 3_600_000).toFixed(1)} h`;
  return `${+(ms / DAY_MS).toFixed(1)} days`;
}

function lastUiText(f: AccountFeatures, referenceMs: number): string {
  const access = f.lastUiAccess;
  if (access === null || !access.lastActiveTimestamp) return f.user.productAccess.length === 0 ? "never (no product access)" : "never";
  if (access.id === SIGN_IN_ACCESS_ID) return `${day(access.lastActiveTimestamp)}, the latest sign-in or browser work in the audit log (${relative(f.lastUiMs, referenceMs)}; the snapshot records no UI activity for the account)`;
  return `${day(access.lastActiveTimestamp)} in ${access.key} (${relative(f.lastUiMs, referenceMs)})`;
}

function tokenUseText(f: AccountFeatures, referenceMs: number): string {
  const token = f.lastUsedToken;
  if (token === null || Number.isNaN(f.lastTokenUseMs)) return "no API token used";
  const blocked = token.status === "BLOCKED" ? " (now blocked)" : "";
  // The token list may not record the last use: the audit log then shows it.
  const fromLog = !token.lastActiveAt ? " by the audit log" : "";
  return `API token \`${token.label}\`${blocked} used ${day(new Date(f.lastTokenUseMs).toISOString())}${fromLog} (${relative(f.lastTokenUseMs, referenceMs)})`;
}

// Behaviour predicates shared by several rules, so that they agree on what "recent" means.
export function tokenUsedRecently(f: AccountFeatures, { t, referenceMs }: RuleContext): boolean {
  return f.lastUsedToken !== null && referenceMs - f.lastTokenUseMs <= t.recentDays * DAY_MS;
}
function uiStale(f: AccountFeatures, { t, referenceMs }: RuleContext): boolean {
  return f.lastUiAccess === null || referenceMs - f.lastUiMs > t.staleUiDays * DAY_MS;
}
/** A token used within `recentDays` and the UI not within `staleUiDays` (or only at the account's setup). */
function currentDivergence(f: AccountFeatures, ctx: RuleContext): boolean {
  return f.uiActivityKnown && tokenUsedRecently(f, ctx) && (uiStale(f, ctx) || (setupOnlyUi(f, ctx) && f.lastTokenUseMs - f.lastUiMs >= ctx.t.recentDays * DAY_MS));
}
/**
 * On an active account with UI activity on record, a token created over twice `staleUiDays` after
 * that activity, unused or last used within `departedDays` (a use within `recentDays` is
 * `currentDivergence`'s): someone set API access up on an account no one was using in the UI any
 * more (a script given a departed person's account, a monthly job's new token the log has not yet
 * seen at work).
 * A person makes a token while at work, and uses the UI then. A token used long after the UI
 * stopped, but made before, says less: people on leave keep a token whose use the list records
 * after their last visit, and are `human` (detect-review-eightieth, "on leave").
 */
function apiOutlivedUi(f: AccountFeatures, { t, referenceMs }: RuleContext): boolean {
  if (!f.uiActivityKnown || f.lastUiAccess === null || inactiveStatus(f) !== null || !(f.newestTokenCreatedMs - f.lastUiMs > 2 * t.staleUiDays * DAY_MS)) return false;
  // A token whose use ended long ago was a person's spell of work from a CLI before a leave.
  return Number.isNaN(f.newestTokenUseMs) || referenceMs - f.newestTokenUseMs <= t.departedDays * DAY_MS;
}
/** The factor of `channel-divergence` for a token made long after the UI use stopped (`apiOutlivedUi`). */
const API_OUTLIVED_UI = 0.6;
function uiStoppedLongAgo(f: AccountFeatures, { t, referenceMs }: RuleContext): boolean {
  return f.lastUiAccess !== null && referenceMs - f.lastUiMs > t.departedDays * DAY_MS;
}
/**
 * Logins at most hours of the day, with no night without any: a person who checks a phone from
 * 06:30 to midnight signs in at 18 hours of the day, but never between 01:00 and 06:00.
 */
function roundTheClock(f: AccountFeatures, ctx: RuleContext): boolean {
  return f.loginCount >= ctx.t.minLogins && f.loginDistinctHours >= ctx.t.roundTheClockHours && f.loginQuietHours < NIGHT_HOURS && !restsDaily(f, ctx);
}
/** Hours in a row without a login that make a night. */
const NIGHT_HOURS = 4;
/**
 * A long silence (13 hours or more) on most active days: a person's time off between shifts. A
 * rota that moves through all hours of the day spreads activity round the clock over the weeks,
 * but each day still has its rest; a round-the-clock job's has none.
 */
function restsDaily(f: AccountFeatures, { t }: RuleContext): boolean {
  return f.activityDays > 0 && f.longGapCount >= f.activityDays * t.dailyRestShare;
}
/** More email OTP challenges a day than any person answers (`machineOtpPerDay` per active day). */
export function otpFlood(f: AccountFeatures, { t }: RuleContext): boolean {
  return f.otpCount >= t.minOtpFlood && f.activityDays > 0 && f.otpCount >= f.activityDays * t.machineOtpPerDay;
}
/** Enough activity, on enough days, to judge its timing. */
export function timed(f: AccountFeatures, { t }: RuleContext): boolean {
  return f.activityEvents >= t.minActivityEvents && f.activityDays >= t.minActivityDays;
}
/**
 * At work on nearly every day (`NEVER_RESTS_SHARE`) of two weeks or more, on three Saturdays and
 * Sundays of four at least: `everyDay` without its allowance for a rota, which rests two days a
 * week, and for a person who works one weekend. A job that starts at a different time each night.
 */
export function restsNoDay(f: AccountFeatures, ctx: RuleContext): boolean {
  return (
    timed(f, ctx) &&
    f.activitySpanDays >= 14 &&
    f.weekendDaysInSpan >= 4 &&
    f.activityDays >= f.activitySpanDays * NEVER_RESTS_SHARE &&
    Math.min(f.saturdayCoverage, f.sundayCoverage) >= 0.75
  );
}
const NEVER_RESTS_SHARE = 0.9;
function activityRoundTheClock(f: AccountFeatures, ctx: RuleContext): boolean {
  return timed(f, ctx) && f.quietShare >= ctx.t.roundTheClockShare && !restsDaily(f, ctx);
}
function everyDay(f: AccountFeatures, ctx: RuleContext): boolean {
  const { t } = ctx;
  return (
    timed(f, ctx) &&
    f.activitySpanDays >= 7 &&
    // Two weekends at least: one weekend worked is something people do.
    f.weekendDaysInSpan >= 4 &&
    f.activityDays >= f.activitySpanDays * t.everyDayShare &&
    f.saturdayCoverage >= t.everyDayWeekendShare &&
    f.sundayCoverage >= t.everyDayWeekendShare &&
    // People on a rota work weekends too, but rest every day, at changing times.
    // (The bursts' schedule as kept, a person's long day or not: a job that runs at one time of
    // day every day keeps it.)
    !(restsDaily(f, ctx) && (!burstSchedule(f, ctx) || rotaShifts(f))) &&
    !weekdayOff(f) &&
    !roamingRestDay(f, ctx)
  );
}
/**
 * A day off that moves through the week (`movingRestDay`) on an account signed in to from a
 * browser at two to `ROAMING_MAX_ADDRESSES` addresses outside the clouds, with no token: a
 * factory's line leader on seven-day weeks in the busy season, or a shop's manager, rests on the
 * days the rota gives and signs in from the line's PC and a phone. A job runs every day; one whose
 * log lost a few runs rests on random days too, but from its one host (or a NAT's two), at its
 * minute (`punctualClock`) or with its steps within minutes of each sign-in.
 */
function roamingRestDay(f: AccountFeatures, ctx: RuleContext): boolean {
  return (
    movingRestDay(f) &&
    f.loginIpCount >= 2 &&
    f.loginIpCount <= ROAMING_MAX_ADDRESSES &&
    tokenlessBrowserSignIns(f) &&
    !fromCloud(f) &&
    !punctualClock(f, ctx) &&
    !shortSittings(f, ctx.t)
  );
}
const ROAMING_MAX_ADDRESSES = 5;
/**
 * A weekday at rest in every whole week but one in four at most, three weeks or more: a six-day
 * week whose day off is no Saturday or Sunday (Friday where the weekend is Friday and Saturday, a
 * shop's Monday). A job that runs at weekends runs every day; one whose log lost a few runs rests
 * on random days.
 */
export function weekdayOff(f: AccountFeatures): boolean {
  return f.spanWeeks >= WEEKDAY_OFF_MIN_WEEKS && f.restDaysTopWeekday >= f.spanWeeks - Math.floor(f.spanWeeks / 4);
}
const WEEKDAY_OFF_MIN_WEEKS = 3;
/**
 * Shifts on a rota: a shift's work over the hours after each sign-in (`shiftWork`), at weekends
 * (`ROTA_WEEKEND_SHARE` of the Saturdays and of the Sundays or more), with days off all the same
 * (`ROTA_MAX_DAY_SHARE` of the days at most at work). A call centre's agent on five days of
 * seven, the days off moving each few weeks, starts each shift at its hour and works weekends; a
 * job that starts at its hour runs every day, and a robot's steps follow its sign-in.
 */
export function rotaShifts(f: AccountFeatures): boolean {
  return f.activityDays <= f.activitySpanDays * ROTA_MAX_DAY_SHARE && f.saturdayCoverage >= ROTA_WEEKEND_SHARE && f.sundayCoverage >= ROTA_WEEKEND_SHARE && shiftWork(f);
}
const ROTA_MAX_DAY_SHARE = 0.8;
/**
 * A day off that moves through the week: at work on `MOVING_REST_MIN_DAY_SHARE` of the days or
 * more, with a day off (`restDays` in features/activity.ts) in every whole week of the span
 * (`MOVING_REST_MIN_WEEKS` or more; but one in four, a shift swapped), on `MOVING_REST_WEEKDAYS`
 * weekdays or more, none of them holding more than half the days off. A shop's manager on six
 * days of seven, or a distribution centre's night shift, rests on the day the rota gives; a job
 * runs every day, or rests on its own weekdays each week, a few runs the log lost on other days
 * aside (a Monday-to-Saturday robot's Sundays).
 */
export function movingRestDay(f: AccountFeatures): boolean {
  return (
    f.spanWeeks >= MOVING_REST_MIN_WEEKS &&
    f.restedWeeks >= f.spanWeeks - Math.floor(f.spanWeeks / 4) &&
    f.activityDays >= f.activitySpanDays * MOVING_REST_MIN_DAY_SHARE &&
    bitCount(f.restWeekdayMask) >= MOVING_REST_WEEKDAYS &&
    f.restDaysTopWeekday * 2 <= f.restDays
  );
}
const MOVING_REST_MIN_WEEKS = 3;
const MOVING_REST_MIN_DAY_SHARE = 0.6;
const MOVING_REST_WEEKDAYS = 3;
/**
 * Saturdays and Sundays at work, each, at least: a rota's days off move through the week, so it
 * works some of both; a weekday's job works neither, and a six-day week rests every Sunday.
 */
const ROTA_WEEKEND_SHARE = 0.1;
/**
 * Work after the sign-ins that a shift does, not a job: `SHIFT_WORK_MIN_EVENTS` events or more,
 * hardly any within `dailySlotWindowMinutes` of a sign-in (`SHIFT_NEAR_SHARE`), half of them or
 * more an hour to 14 hours after one, and those in `SHIFT_MIN_HOURS` hours of the day or more. A
 * browser robot's steps follow its sign-in within minutes, or come at a time of their own (a
 * report at 09:00 after a sign-in at 06:50); a person at the start of a twelve-hour shift works
 * on through it.
 */
export function shiftWork(f: AccountFeatures): boolean {
  return f.sittingWorkEvents >= SHIFT_WORK_MIN_EVENTS && f.sittingWorkLaterHours >= SHIFT_MIN_HOURS && f.sittingWorkNearSignIn <= f.sittingWorkEvents * SHIFT_NEAR_SHARE && f.sittingWorkHoursLater * 2 >= f.sittingWorkEvents;
}
const SHIFT_WORK_MIN_EVENTS = 10;
/** Hours of the day that work hours after the sign-ins falls in, at least: a shift's spreads over its hours, a job's later step keeps one. */
const SHIFT_MIN_HOURS = 3;
const SHIFT_NEAR_SHARE = 0.1;
/** Sign-ins from a browser, or sign-ins at all where the log records no user agent for the account: a log without user agents hides the browser, not the sign-ins. */
function signsInFromBrowser(f: AccountFeatures): boolean {
  return f.loginBrowserCount > 0 || (f.userAgentEventCount === 0 && f.loginCount > 0);
}
/** No token on the account, and sign-ins from a browser only (`signsInFromBrowser`), none from a scripting client. */
export function tokenlessBrowserSignIns(f: AccountFeatures): boolean {
  return f.tokenCount === 0 && f.tokenEventCount === 0 && signsInFromBrowser(f) && f.loginAutomationCount === 0;
}
/**
 * Shifts on alternate days (twelve hours on and thirty-six off; twenty-four on and forty-eight
 * off): at work on `ALTERNATE_MIN_SHARE` to `ALTERNATE_MAX_SHARE` of the days of two weeks or
 * more, on a quarter of the Saturdays and of the Sundays or more. A job runs every day, or on
 * its weekdays; a bank's operations desk staffed 12x36 signs in at the shift's hour every other
 * day, weekends too.
 */
export function alternateDays(f: AccountFeatures): boolean {
  return (
    f.activitySpanDays >= ALTERNATE_MIN_SPAN_DAYS &&
    f.activityDays >= f.activitySpanDays * ALTERNATE_MIN_SHARE &&
    f.activityDays <= f.activitySpanDays * ALTERNATE_MAX_SHARE &&
    f.saturdayCoverage >= ALTERNATE_WEEKEND_SHARE &&
    f.sundayCoverage >= ALTERNATE_WEEKEND_SHARE
  );
}
const ALTERNATE_MIN_SPAN_DAYS = 14;
const ALTERNATE_MIN_SHARE = 0.3;
const ALTERNATE_MAX_SHARE = 0.6;
const ALTERNATE_WEEKEND_SHARE = 0.25;
/**
 * A timer's beat: many gaps under 3 hours between moments of activity, most of them within 15%
 * of their median (at most about an hour), and most of the account's gaps at all, in activity
 * enough to time (`timed`). People's gaps vary far more.
 */
function activityCadence(f: AccountFeatures, ctx: RuleContext): boolean {
  const { t } = ctx;
  return (
    ctx.coarseTimeMs === 0 &&
    // Over `minActivityDays` days at least: a person's one-night bulk import keeps a beat too.
    timed(f, ctx) &&
    f.activityCadenceGaps >= t.minActivityCadenceGaps &&
    f.activityCadenceGaps >= (f.activityMoments - 1) * 0.6 &&
    f.activityCadenceMedianMs <= t.maxActivityBeatMinutes * 60_000 &&
    Math.max(f.activityCadenceOnBeat, f.activitySessionOnBeat) >= f.activityCadenceGaps * t.minActivityBeatShare
  );
}
/** Bursts at the same time of day on most active days, weekends included (a person's routine stops at the weekend: the org's, see `orgWorksOn`). */
function activitySchedule(f: AccountFeatures, ctx: RuleContext): boolean {
  return burstSchedule(f, ctx) && !personsLongDay(f, ctx);
}
/** `activitySchedule`, whether or not the sign-ins start a person's long day. */
function burstSchedule(f: AccountFeatures, ctx: RuleContext): boolean {
  return (
    ctx.coarseTimeMs === 0 &&
    timed(f, ctx) &&
    f.scheduleDays >= ctx.t.minScheduleDays &&
    f.scheduleDays >= f.activityDays * scheduleShareNeeded(f, ctx) &&
    (restDayCoverage(f, ctx) > 0 || punctualOnly(f, ctx))
  ) || workdayTimetable(f, ctx);
}
/**
 * Activity on workdays only, in short bursts that start in two or more 20-minute windows of the
 * day, each on 70% of the active days or more, together holding nearly all of the bursts (see
 * `timetableWindows`): a job run at 09:00, 13:00 and 17:00, a few minutes late each time. A
 * person's sessions start at such times now and then, not nearly always and nearly only, and last.
 */
function workdayTimetable(f: AccountFeatures, ctx: RuleContext): boolean {
  return (
    ctx.coarseTimeMs === 0 &&
    // An account the IdP provisions with a person's profile, or with 2SV enrolled, is a person's
    // whose work follows fixed meetings (time logged minutes after the 09:45 stand-up and the
    // 14:00 review), as a punctual person's start of day is (see `punctualOnly`).
    !(f.user.managementSource === "synced" && personProfile(f)) &&
    f.user.mfaEnabled !== true &&
    timed(f, ctx) &&
    f.timetableWindows >= 2 &&
    f.timetableBursts >= f.burstCount * TIMETABLE_BURST_SHARE
  );
}
const TIMETABLE_BURST_SHARE = 0.9;
/**
 * All of the account's activity within an hour or two of the day, starting within one 3-minute
 * window on 80% of its days or more, its recorded work within minutes of the sign-ins (or, with no
 * sign-in, nearly all of it a token's calls, most from cloud addresses: a person's CLI run by hand
 * each morning at the office is no such job): a job that runs on workdays only. A person's routine
 * keeps its hour (a lead who approves what waits at 09:00 keeps it within ten minutes), not its
 * minute.
 */
function punctualOnly(f: AccountFeatures, ctx: RuleContext): boolean {
  const { t } = ctx;
  return (
    // An account the IdP provisions with a person's profile is a punctual person's: a laptop that
    // wakes on a schedule and signs in by SSO opens the same dashboard to the minute.
    !(f.user.managementSource === "synced" && personProfile(f)) &&
    f.activityDistinctHours <= PUNCTUAL_MAX_HOURS &&
    f.exactStartDays >= t.minScheduleDays &&
    f.exactStartDays >= f.activityDays * PUNCTUAL_DAY_SHARE &&
    // Work recorded after the sign-ins, and done within minutes of them: a robot's short sitting.
    // Or no sign-in at all, the work a token's calls from a cloud host: a job's run at its minute of each workday.
    (shortSittings(f, t) ||
      (f.loginCount === 0 && f.tokenEventCount >= f.activityEvents * TOKEN_RUN_SHARE && f.tokenCloudCount * 2 > f.tokenIpEventCount))
  );
}
const TOKEN_RUN_SHARE = 0.9;
const PUNCTUAL_MAX_HOURS = 2;
const PUNCTUAL_DAY_SHARE = 0.8;
/**
 * The share of active days an activity schedule must hold. Where bursts start many times a day
 * (a person's work in short sessions, resting at night), some half-hour of the day holds one on
 * most days by chance, and on weekday mornings by habit: only a window that nearly every day
 * keeps is a job's.
 */
function scheduleShareNeeded(f: AccountFeatures, ctx: RuleContext): number {
  const { t } = ctx;
  return f.burstCount > f.activityDays * t.maxScheduleBurstsPerDay && restsDaily(f, ctx) ? t.denseScheduleShare : t.scheduleShare;
}
/** Activity with a clear nightly pause and no weekend habit: how people work. */
export function workingHoursOnly(f: AccountFeatures, ctx: RuleContext): boolean {
  return (
    // In a log whose times are coarse, the timer rules it must rule out cannot judge; and a
    // headless browser's working hours are its job's.
    ctx.coarseTimeMs === 0 &&
    !automatedSignIns(f) &&
    timed(f, ctx) &&
    workingWeekShape(f, ctx) &&
    f.activityDistinctHours >= 3 &&
    !activitySchedule(f, ctx) &&
    // A job that runs in business hours at a fixed cadence, or faces OTP challenges no person answers, keeps them too.
    !fixedCadence(f, ctx) &&
    !activityCadence(f, ctx) &&
    !dailySlots(f, ctx) &&
    !unverifiedTimetable(f, ctx) &&
    !loginFlood(f, ctx) &&
    !otpFlood(f, ctx)
  );
}
/**
 * A nightly pause (at most `workingHoursQuietShare` of the activity in the quietest hours) and
 * hardly any weekends, over two weekend days at least (a Saturday and a Sunday, then): the shape
 * of a person's working week, whatever else drives the account. With `restDays` 1, one rest day a
 * week is enough (a six-day week).
 */
export function workingWeekShape(f: AccountFeatures, { t }: RuleContext, restDays: 1 | 2 = 2): boolean {
  const rest = restDays === 2 ? Math.max(f.saturdayCoverage, f.sundayCoverage) : Math.min(f.saturdayCoverage, f.sundayCoverage);
  return f.quietShare <= t.workingHoursQuietShare && f.weekendDaysInSpan >= 2 && rest <= t.workingWeekMaxWeekend;
}
/** Logins (and the UI activity they leave) that a job, not a person, produces. */
function machineLogins(f: AccountFeatures, ctx: RuleContext): boolean {
  // A login schedule alone is no such explanation: a person who signs in at the same time each
  // morning keeps one too, and their UI use is their own. Sign-ins from a headless browser are.
  if (automatedSignIns(f)) return true;
  return (
    f.loginCount >= ctx.t.minLogins &&
    !longSittings(f, ctx.t) &&
    (roundTheClock(f, ctx) || fixedCadence(f, ctx) || loginFlood(f, ctx) || dailySlots(f, ctx) || punctualOnly(f, ctx) || activityRoundTheClock(f, ctx) || everyDay(f, ctx) || otpFlood(f, ctx))
  );
}
/**
 * Recent UI activity that machine-like logins explain, with no person-like logins beside them, or
 * that is only the sign-in of whoever set a new account up.
 */
export function uiExplainedByMachine(f: AccountFeatures, ctx: RuleContext): boolean {
  return f.recentUiProductCount > 0 && (setupOnlyUi(f, ctx) || ((machineLogins(f, ctx) || namedTimetable(f, ctx)) && !interactiveLogins(f, ctx)));
}
/**
 * A timetable of sign-ins whose sittings cannot be seen (`unverifiedTimetable`), on an account
 * whose mailbox or name leads with a bot-like word, or with a machine's title, and no person's
 * job title: an RPA robot's ("RPA Benefits Bot 02" at `rpa-benefits02@`, titled "Robotic Process
 * Automation") or a scraper's ("Maersk Portaal Scraper" at `scraper.maersk@`). A person made to
 * sign in at fixed times, under a name of their own (Sarah Jenkins at `sarah.jenkins@`, Ana Bot)
 * or beside their job title ("Build Desk", a Pipeline Engineer's), keeps their UI use.
 */
function namedTimetable(f: AccountFeatures, ctx: RuleContext): boolean {
  const title = f.user.jobTitle;
  return unverifiedTimetable(f, ctx) && (!title || MACHINE_TITLE.test(title)) && botNameBase(f, ctx) === 1;
}
/**
 * Recent UI activity that the account's own logins, by their cadence, hours or OTP challenges,
 * show to be a headless browser's (or a setup sign-in): the UI is not in a person's use, so it
 * does not hold a `bot` back. Stricter than `uiExplainedByMachine`: a login schedule or activity
 * timing alone could be a script's beside the people of a shared account.
 */
export function uiDrivenByMachine(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.recentUiProductCount === 0) return false;
  if (setupOnlyUi(f, ctx)) return true;
  return (roundTheClock(f, ctx) || fixedCadence(f, ctx) || loginFlood(f, ctx) || otpFlood(f, ctx)) && !interactiveLogins(f, ctx) && !longSittings(f, ctx.t) && !teamsAtWork(f, ctx.t);
}
/**
 * An account added within `staleUiDays` whose UI use (`SETUP_LOGINS` logins at most) is all within
 * `SETUP_DAYS` of its creation, while a token is in use: the sign-ins of whoever set the script
 * up, on the day it was added and a visit or two more to fix its settings. With `lone`, only
 * `LONE_SETUP_LOGINS` sign-ins within a day of its creation count.
 */
export function setupOnlyUi(f: AccountFeatures, ctx: RuleContext, lone = false): boolean {
  const added = f.user.addedToOrg;
  if (!added || f.loginCount > (lone ? LONE_SETUP_LOGINS : SETUP_LOGINS) || !tokenUsedRecently(f, ctx)) return false;
  const addedMs = isoToMs(added);
  return ctx.referenceMs - addedMs <= ctx.t.staleUiDays * DAY_MS && f.lastUiMs - addedMs <= (lone ? DAY_MS : SETUP_DAYS * DAY_MS);
}
/**
 * `setupOnlyUi` with `lone`: the lone sign-in (two at most) on the day the account was added, for
 * the accounts whose only trace of a script that counts is that sign-in (see `automationIdentity`
 * in floors.ts): a new joiner's first two weeks in the UI are no such trace.
 */
const LONE_SETUP_LOGINS = 2;
const SETUP_DAYS = 14;
const SETUP_LOGINS = 3;
/**
 * A timer's logins: intervals of a day and a half at most at a steady beat. Slower beats are
 * what a session length makes of a person's sign-ins (a 7-day session: every Monday morning); a
 * daily one holds only when weekends keep it too, as people's rarely do.
 */
function fixedCadence(f: AccountFeatures, { t, coarseTimeMs }: RuleContext): boolean {
  return coarseTimeMs === 0 && f.loginCount >= t.minLogins && (steadyBeat(f, t) || sessionCadence(f, t));
}
/**
 * Sign-ins a timer makes: a steady beat over all of them (not only within sessions), or two or more
 * fixed times of day that hold most of them. A person's sign-ins under a short session policy,
 * with pages at night, keep neither.
 */
export function timerSignIns(f: AccountFeatures, ctx: RuleContext): boolean {
  const { t, coarseTimeMs } = ctx;
  return coarseTimeMs === 0 && ((f.loginCount >= t.minLogins && steadyBeat(f, t)) || timetable(f, ctx));
}
/** Intervals between all of the logins at a steady beat of a day and a half at most, not wandering at length. */
function steadyBeat(f: AccountFeatures, t: DetectionThresholds): boolean {
  return f.loginIntervalCv <= cadenceCvLimit(f, t) && f.loginMeanIntervalMs <= MAX_CADENCE_INTERVAL_MS && !wandersAtLength(f);
}
const MAX_CADENCE_INTERVAL_MS = 36 * 3_600_000;
/**
 * A slow beat (a mean interval of 2 hours or more) whose logins wander, from the login about a day
 * before, by more than `MAX_LONG_CADENCE_SPREAD_MS` (median absolute deviation): a low
 * coefficient of variation says little there, as half an hour is 2% of a day. A person who signs
 * in once each morning at a time that varies by an hour or two keeps it that low; a timer misses
 * its minute by seconds or, with a random delay, by minutes.
 */
function wandersAtLength(f: AccountFeatures): boolean {
  return f.loginMeanIntervalMs >= LONG_CADENCE_INTERVAL_MS && f.loginIntervalSpreadMs > MAX_LONG_CADENCE_SPREAD_MS;
}
const MAX_LONG_CADENCE_SPREAD_MS = 15 * 60_000;
/**
 * Work recorded after the sign-ins that mostly comes later than `dailySlotWindowMinutes` after
 * the latest one (over `minDailySlotDays` events at least), on an account that rests at night: a
 * person's sessions, whatever the rhythm of the sign-ins that open them (a person signing in again
 * each time a short session ends keeps a cadence too). Such UI use is not explained away by the
 * logins' timing: the account is reviewed, not migrated. It does not silence the timing rules
 * themselves, as events whose times are off by minutes look the same.
 */
function longSittings(f: AccountFeatures, t: DetectionThresholds): boolean {
  return (
    workAfterSignIns(f, t) &&
    // ... and rests at night, as people do: a headless browser that works through each long
    // session round the clock keeps its timer.
    f.quietShare <= t.workingHoursQuietShare
  );
}
const LONG_SITTING_SHARE = 0.7;
/**
 * Long sittings after sign-ins from three addresses or more, at any hour: people in several
 * offices or time zones taking turns on a team's account. A script signs in from its one or two.
 */
function teamsAtWork(f: AccountFeatures, t: DetectionThresholds): boolean {
  return workAfterSignIns(f, t) && f.loginIpCount >= TEAM_SIGN_IN_ADDRESSES && !automatedSignIns(f);
}
export const TEAM_SIGN_IN_ADDRESSES = 3;
/**
 * Work recorded after the sign-ins (over `minDailySlotDays` events) that mostly comes later than
 * `dailySlotWindowMinutes` after the latest one, or that is spread through the time between
 * sign-ins that come every few minutes: the sittings are long, whatever the hours.
 */
export function workAfterSignIns(f: AccountFeatures, t: DetectionThresholds): boolean {
  return f.sittingWorkEvents >= t.minDailySlotDays && (f.sittingWorkNearSignIn < f.sittingWorkEvents * LONG_SITTING_SHARE || f.sittingWorkLate >= f.sittingWorkEvents * SPREAD_WORK_SHARE);
}
/**
 * Share of the work that, coming in the second half of the time between two sign-ins, shows work
 * spread through each session rather than done right after the sign-in: a person whose browser
 * or identity provider renews the session every few minutes still works throughout.
 */
const SPREAD_WORK_SHARE = 0.3;
/** `maxCadenceCv`, shrunk in proportion for fewer than `fullCadenceLogins` logins. */
function cadenceCvLimit(f: AccountFeatures, t: DetectionThresholds): number {
  return t.maxCadenceCv * Math.min(1, (f.loginCount - 1) / (t.fullCadenceLogins - 1));
}
/** More sign-ins a day than a person makes (`machineLoginsPerDay` per active day, `minLoginFlood` in all). */
function loginFlood(f: AccountFeatures, { t }: RuleContext): boolean {
  const days = loginFloodDays(f);
  return f.loginCount >= t.minLoginFlood && days > 0 && f.loginCount >= days * t.machineLoginsPerDay && !severalBrowsers(f);
}
/**
 * The days the sign-ins are spread over: the account's active days, or its days with a sign-in
 * where far more (sign-ins an export marks with an auth type, `saml` or `session`, are kept out of
 * activity timing: 40 single-sign-on sign-ins over 20 days read as 8 a day on 5 active days, and
 * office staff were reviewed as browser scripts).
 */
function loginFloodDays(f: AccountFeatures): number {
  // Sign-in days are UTC days, active days the account's own: a workday across midnight UTC is two
  // UTC days (a Californian robot's 20 workdays are 24), so only far more sign-in days count.
  return f.loginDays > f.activityDays * SIGN_IN_DAYS_BEYOND_ACTIVITY ? f.loginDays : f.activityDays;
}
const SIGN_IN_DAYS_BEYOND_ACTIVITY = 1.5;
/**
 * Sign-ins from three browsers or more (`loginBrowserFamilies`: a browser's updates are one, Chrome
 * on a laptop and on a phone two), hardly any from a scripting client, most not from cloud
 * addresses (the org's shared egress aside), on an account with a person's profile (a job title or
 * a department): a tester signing in again and again in fresh profiles of several browsers. A
 * robot that signs in that often drives one browser; a test grid of several runs on an account
 * nobody's profile is on.
 */
export function severalBrowsers(f: AccountFeatures): boolean {
  return f.loginBrowserFamilies >= 3 && f.loginAutomationCount <= f.loginBrowserCount * 0.1 && (f.loginCloudCount * 2 < f.loginIpEventCount || f.loginFromSharedEgress) && personProfile(f);
}
/** Most logins follow the previous one within hours at a fixed interval: a timer that runs in working hours only. */
function sessionCadence(f: AccountFeatures, t: DetectionThresholds): boolean {
  return f.loginSessionGapCount >= t.minSessionCadenceLogins && f.loginSessionGapCount >= (f.loginCount - 1) * 0.6 && f.loginSessionGapCv <= t.maxSessionCadenceCv && (f.loginSessionGapCv <= t.steadySessionCadenceCv || f.loginSessionGapSpread <= t.maxSessionGapSpread);
}
/**
 * A job logs in at the same time of day, at least once on a weekend or outside business hours, or
 * to the minute on nearly every day in short sittings (`punctualClock`) whatever the hour.
 */
function loginSchedule(f: AccountFeatures, ctx: RuleContext): boolean {
  return (
    ctx.coarseTimeMs === 0 &&
    f.scheduledLoginCount >= ctx.t.minScheduledLogins &&
    (f.scheduledLoginCount >= f.loginSittingDays * ctx.t.minScheduledDayShare || fromCloud(f)) &&
    (f.scheduledOffHoursCount > 0 || punctualClock(f, ctx)) &&
    !fixedCadence(f, ctx) &&
    !personsLongDay(f, ctx) &&
    !rotaInBrowser(f, ctx)
  );
}
/**
 * Shifts on a rota (`rotaShifts`: a shift's work after each sign-in, weekends worked, days off)
 * signed in to from a browser, with no token, scripting client or cloud address, on no timer's
 * beat, at no name like automation's: the sign-ins' hour is the shift's, as a person's long day
 * keeps its start (`personsLongDay`). A call centre's agents, each shift started within minutes of
 * its hour, were reviewed for the schedule of their sign-ins and of their work together.
 */
function rotaInBrowser(f: AccountFeatures, ctx: RuleContext): boolean {
  const { nameWord, roleMailbox } = ctx.matchers;
  return (
    rotaShifts(f) &&
    tokenlessBrowserSignIns(f) &&
    f.automationUserAgentCount === 0 &&
    f.datacenterIpCount === 0 &&
    !activityCadence(f, ctx) &&
    !nameWord.test(f.user.name) &&
    (f.localPart === null || (!nameWord.test(f.localPart) && !roleMailbox.test(f.localPart)))
  );
}
/**
 * The day's first sign-in within `PUNCTUAL_SPAN_MINUTES` of one time of day on `PUNCTUAL_DAY_SHARE`
 * of the days with one, `PUNCTUAL_MIN_DAYS` days or more: a browser robot's weekday run at 07:16,
 * which keeps business hours and no weekend. A punctual person (the bus, the shift's bell) starts
 * to the minute on half of their days at most, and their sign-in after it wanders: in 119 orgs of
 * independent generators, no one of 79,000 people with eight days of sign-ins kept 80% of them
 * within four minutes, and 607 bots kept two. People built to be as punctual as people get did keep
 * four minutes (detect-review-seventy-seventh), hence two and the conditions below. A job on local
 * time moves by an hour in UTC at a daylight-saving change, which is allowed for
 * (features/daily-slots.ts).
 */
export function punctualClock(f: AccountFeatures, { t }: RuleContext): boolean {
  return (
    f.punctualSittingDays >= PUNCTUAL_MIN_DAYS &&
    f.punctualSittingDays >= f.firstSittingDays * PUNCTUAL_DAY_SHARE &&
    // And its sittings are a robot's: nothing recorded after the sign-ins, or all of it within
    // minutes of them. A punctual person (the stand-up at 09:30, the 08:03 train) works on for
    // hours after signing in.
    (f.sittingWorkEvents === 0 || f.sittingWorkNearSignIn >= f.sittingWorkEvents * t.dailySlotWorkShare) &&
    // On an account without a person's job title or department: a person's 09:00 sharp, in a log
    // of sign-ins only, cannot be told from a robot's, and their profile is the one thing that
    // says whose it is.
    !personProfile(f)
  );
}
/**
 * Most sign-ins at one time of day (within `scheduleWindowMinutes`) at whatever hour: a person's
 * habit as often as a job's, so a trace only beside a name that says automation (floors.ts).
 */
export function signInClock(f: AccountFeatures, ctx: RuleContext): boolean {
  return ctx.coarseTimeMs === 0 && f.scheduledLoginCount >= ctx.t.minScheduledLogins && f.scheduledLoginCount >= f.loginSittingDays * CLOCK_DAY_SHARE && !fixedCadence(f, ctx);
}
/** Of the days with a sign-in, those at the one time of day that make `signInClock`: a person arriving 08:45-09:15 is within five minutes of one time on a quarter of them by chance. */
const CLOCK_DAY_SHARE = 0.6;
/**
 * Sign-ins at two or more fixed times of day (a robot opening a browser at 08:10, 12:10 and 16:10)
 * that hold most of the account's sign-ins, where no cadence rule already explains them: a
 * person's sign-ins wander by more than `dailySlotWindowMinutes`.
 */
export function dailySlots(f: AccountFeatures, ctx: RuleContext): boolean {
  const { t } = ctx;
  return (
    ctx.coarseTimeMs === 0 &&
    timetable(f, ctx) &&
    // Without recorded work a person made to sign in at fixed times looks the same (see
    // `unverifiedTimetable`).
    shortSittings(f, t)
  );
}
/**
 * A robot's short sittings: `minDailySlotDays` events of work or more recorded after the
 * sign-ins, `dailySlotWorkShare` of them within `dailySlotWindowMinutes` of one.
 */
function shortSittings(f: AccountFeatures, t: DetectionThresholds): boolean {
  return f.sittingWorkEvents >= t.minDailySlotDays && f.sittingWorkNearSignIn >= f.sittingWorkEvents * t.dailySlotWorkShare;
}
function timetable(f: AccountFeatures, ctx: RuleContext): boolean {
  return f.dailySlotCount >= 2 && f.dailySlotSittings >= f.loginSittings * ctx.t.dailySlotSittingShare && !fixedCadence(f, ctx) && !roundTheClock(f, ctx);
}
/**
 * Sign-ins at two fixed times of day or more, each within three minutes (TIGHT_SLOT_MINUTES) on
 * `TIGHT_DAY_SHARE` of `TIGHT_MIN_DAYS` sign-in days or more: a scheduler starting a robot at
 * 07:00 and 13:00, which then works the queue for hours under a person's name (Blue Prism, UiPath
 * unattended). A person bound to a shift's times signs in within a quarter of an hour of them (a
 * call centre's agent, held to schedule adherence, within five minutes), not within three minutes
 * on nine days of ten. It adds nothing to the score; it reviews an account the score leaves
 * `human`, whatever its profile, title and UI use (index.ts).
 */
export function tightTimetable(f: AccountFeatures, ctx: RuleContext): boolean {
  return ctx.coarseTimeMs === 0 && f.tightSlotCount >= 2 && f.loginSittingDays >= TIGHT_MIN_DAYS && f.tightSlotFewestDays >= TIGHT_DAY_SHARE * f.loginSittingDays;
}
const TIGHT_MIN_DAYS = 10;
const TIGHT_DAY_SHARE = 0.9;
/**
 * A timetable of sign-ins on an account none of whose work the log records (many logs keep
 * sign-ins only): whether its sittings are short cannot be told, so it is weak evidence, as a
 * login schedule is, and never makes a `bot` alone.
 */
export function unverifiedTimetable(f: AccountFeatures, ctx: RuleContext): boolean {
  return ctx.coarseTimeMs === 0 && f.sittingWorkEvents === 0 && timetable(f, ctx) && !personsLongDay(f, ctx);
}
/**
 * One sign-in a day (`minScheduleDays` days at least) from a person's browser, on an account with
 * no bot-like word or team's address in its name or mailbox, whose recorded work never follows a
 * sign-in within `dailySlotWindowMinutes`, comes now and then (an event for every three sign-in
 * days at most), some of it an hour to 14 hours after a sign-in, and more often within such a day
 * than beyond it: a person who signs in at the same minute each day (the shift bell, the bus; not
 * to the second, as a timer does) and works on for hours, the log catching a step of theirs now
 * and then. A schedule of such sign-ins is their day's start, no job's. A browser robot at a fixed
 * time does its steps within minutes and leaves; a queue or a batch it starts leaves its work
 * hours later every day; a session opened every few days that drives work round the clock works
 * beyond its sign-in days. With no work recorded at all, the two cannot be told apart (a robot
 * that stays signed in leaves its last UI use hours after its sign-in too): the schedule stands.
 */
export function personsLongDay(f: AccountFeatures, ctx: RuleContext): boolean {
  const { nameWord, roleMailbox } = ctx.matchers;
  return (
    f.loginSittingDays >= ctx.t.minScheduleDays &&
    f.loginSittings <= f.loginSittingDays * ONE_SITTING_A_DAY &&
    // A timer keeps its second; a person at the shift bell misses it by a minute or more.
    !(f.loginIntervalSpreadMs <= TIMER_SPREAD_MS) &&
    !automatedSignIns(f) &&
    f.sittingWorkNearSignIn === 0 &&
    f.sittingWorkHoursLater > 0 &&
    f.sittingWorkEvents <= f.loginSittingDays * LONG_DAY_WORK_SHARE &&
    // Within the days it signs in on: a job started by a sign-in every few days works on through
    // the nights and days between.
    f.sittingWorkBeyondDay <= f.sittingWorkHoursLater &&
    !nameWord.test(f.user.name) &&
    (f.localPart === null || (!nameWord.test(f.localPart) && !roleMailbox.test(f.localPart)))
  );
}
const ONE_SITTING_A_DAY = 1.5;
/** A daily beat whose sign-ins keep the time of the day before within this (median absolute deviation): a timer's. */
const TIMER_SPREAD_MS = 15_000;
const LONG_DAY_WORK_SHARE = 0.35;
export function fromCloud(f: AccountFeatures): boolean {
  return f.datacenterIpCount > 0 && f.datacenterIpCount * 2 >= f.ipEventCount;
}
export function mostlyAutomationAgents(f: AccountFeatures): boolean {
  return f.automationUserAgentCount > 0 && f.automationUserAgentCount * 2 >= f.userAgentEventCount;
}
// User agents are left out on purpose: they corroborate, they never decide (see SignalFamily).
// Timing only: a person who uses a token and rarely the UI is not machine-like for that. A schedule
// (a login schedule, an activity schedule, a timetable no work confirms) is left out too: a
// person's routine start of day keeps one (`email-otp` weighs a schedule's codes on their own).
function machineLike(f: AccountFeatures, ctx: RuleContext): boolean {
  return strongTiming(f, ctx) || automatedSignIns(f);
}
/** A schedule of sign-ins or of bursts, weak evidence a person's routine keeps too (see `machineLike`). */
function onSchedule(f: AccountFeatures, ctx: RuleContext): boolean {
  return loginSchedule(f, ctx) || activitySchedule(f, ctx) || unverifiedTimetable(f, ctx);
}
/**
 * Sign-ins from cloud addresses (as many as a login schedule needs) that are not the org's shared
 * egress: a scheduled browser in a data centre, alone or beside a person on a shared account,
 * whose codes on a schedule still count (a person signs in from an office, a home or the org's VPN).
 */
function signsInFromOwnCloud(f: AccountFeatures, { t }: RuleContext): boolean {
  return f.loginCloudCount >= t.minScheduledLogins && !f.loginFromSharedEgress;
}
/**
 * A schedule that holds a minority of the account's sign-ins, none of them from cloud addresses of
 * its own: a person's routine start of day among their other sign-ins. A scheduled browser keeps
 * its minute at most of its sign-ins, or signs in from a data centre beside a person.
 */
function routineStart(f: AccountFeatures, ctx: RuleContext): boolean {
  // A start of day kept to the minute on nearly every day is no person's routine (`punctualClock`),
  // however many sign-ins follow it.
  return f.scheduledLoginCount * 2 < f.loginCount && !signsInFromOwnCloud(f, ctx) && !punctualClock(f, ctx);
}
/**
 * Half the sign-ins or more (three at least) from a headless browser's or a scripting library's
 * user agent: a script that signs in through the browser, whatever its timing. A person's
 * sign-ins carry their browser's, their phone app's or their sign-in agent's.
 */
export function automatedSignIns(f: AccountFeatures): boolean {
  return f.loginScriptedCount >= MIN_AUTOMATED_SIGN_INS && f.loginScriptedCount * 2 >= f.loginCount;
}
const MIN_AUTOMATED_SIGN_INS = 3;
/** Machine-like timing that no person keeps: `machineLike` without the schedules a shift worker keeps too. */
export function strongTiming(f: AccountFeatures, ctx: RuleContext): boolean {
  return strongTimingButEveryDay(f, ctx) || (everyDay(f, ctx) && !restingEveryDay(f, ctx));
}
function strongTimingButEveryDay(f: AccountFeatures, ctx: RuleContext): boolean {
  return roundTheClock(f, ctx) || fixedCadence(f, ctx) || activityCadence(f, ctx) || loginFlood(f, ctx) || dailySlots(f, ctx) || activityRoundTheClock(f, ctx) || otpFlood(f, ctx);
}
/**
 * `every-day` on an account that rests daily (it fires there only beside a schedule of bursts
 * that runs through weekends) and is active across a working day (`PERSONS_DAY_HOURS` distinct
 * hours or more), with no other strong timing rule: a person who starts work at the same time
 * every day of the week, as a care worker or a shop's manager does, looks the same. Weak machine
 * evidence, as the schedule itself is. A daily job runs at its few fixed times, in few hours.
 */
export function restingEveryDay(f: AccountFeatures, ctx: RuleContext): boolean {
  return everyDay(f, ctx) && restsDaily(f, ctx) && f.activityDistinctHours >= PERSONS_DAY_HOURS && !strongTimingButEveryDay(f, ctx);
}
const PERSONS_DAY_HOURS = 8;
/**
 * A person with a person's job title, named as a person, at a role address, signing in as one
 * person does (from three addresses at most: office, home, a phone) and with no token in use: a
 * one-person desk's address is its holder's (the Town Clerk at `greffe@`, the Registrar at
 * `standesamt@`, an Office Manager at `office@`). A team's account has no job title, or one of the
 * team's words ("Service Desk", "Service des permis"), or a machine's ("Technical User"); it is
 * named as the team or the job is ("Finance Reports", "Receptionist", "Night Dispatcher" titled
 * "Dispatcher"), and several people sign in to it from their own places ("Maria Lopez" at
 * `reception@`, titled Receptionist, from five addresses) or a script uses its token ("Tom Becker"
 * at `helpdesk@` with a ticket sync's token).
 */
export function titledForRole(f: AccountFeatures, ctx: RuleContext): boolean {
  const title = f.user.jobTitle;
  if (!title || f.localPart === null || MACHINE_TITLE.test(title) || machineTitle(f)) return false;
  if (f.loginIpCount >= TEAM_SIGN_IN_ADDRESSES + 1 || tokenUsedRecently(f, ctx)) return false;
  const { roleMailbox, nameToken, nameWord } = ctx.matchers;
  const teamWord = (w: string): boolean => roleMailbox.test(w) || nameToken.test(w) || TEAM_NAME_WORDS.test(w) || FUNCTION_WORD.test(w);
  const titleWords = foldLetters(title).split(/[^a-z]+/).filter((w) => w !== "");
  if (titleWords.every(teamWord)) return false;
  // A person's name: two words or more, none the title's or a team's (short ones only in capitals,
  // an acronym's: Li Na, Kim Ng and Jo Sales are names), and no bot-like word.
  const nameWords = f.user.name.trim().split(/[^\p{L}]+/u).filter((w) => w !== "");
  if (nameWords.length < 2 || nameWord.test(foldLetters(f.user.name))) return false;
  return !nameWords.some((w) => {
    const plain = foldLetters(w);
    return titleWords.includes(plain) || (plain.length > 3 ? teamWord(plain) : w === w.toUpperCase() || roleMailbox.test(plain));
  });
}
/**
 * Articles, prepositions and conjunctions, in lower case, between a team's or a job's words
 * ("Centre de contrôle", "Service des permis", "Permits and Licensing"); "Al" is a given name.
 */
export const FUNCTION_WORD = /^(?:de|du|des|la|le|les|et|of|the|and|for|del|al|y|der|die|das|und|für|fur|da|do|dos)$/u;


/**
 * An inactive account with no product access left, or none with a last-active time: whatever UI
 * use it had went with its access (some exports keep the product and drop the time).
 */
export function accessRemoved(f: AccountFeatures): boolean {
  return inactiveStatus(f) !== null && !f.user.productAccess.some((p) => !!p.lastActiveTimestamp);
}

export function inactiveStatus(f: AccountFeatures): string | null {
  if (f.user.accountStatus !== "active") return `account status is ${f.user.accountStatus}`;
  if (f.user.status !== "active") return `directory status is ${f.user.status}`;
  return null;
}
// Judged on timing alone, so that sources without user agents see the same people.
function interactiveLogins(f: AccountFeatures, ctx: RuleContext): boolean {
  return (
    f.loginCount > 0 &&
    !automatedSignIns(f) &&
    !setupOnlyUi(f, ctx) &&
    !loginFlood(f, ctx) &&
    !roundTheClock(f, ctx) &&
    !fixedCadence(f, ctx) &&
    !loginSchedule(f, ctx) &&
    !dailySlots(f, ctx) &&
    !unverifiedTimetable(f, ctx) &&
    !punctualOnly(f, ctx) &&
    f.loginBusinessHourCount >= f.loginCount * 0.8
  );
}

/** "40% of Saturdays and 0% of Sundays", on the account's own rest days. */
function restDaysText(f: AccountFeatures): string {
  const [first, second] = restDayNames(f.restDayShift);
  return `${pct(f.saturdayCoverage)} of ${first}s and ${pct(f.sundayCoverage)} of ${second}s${f.restDayShift === 0 ? "" : " (the rest days its activity shows)"}`;
}

function pct(x: number): string {
  return Number.isNaN(x) ? "n/a" : `${Math.round(x * 100)}%`;
}

/** " until the clock change at 2026-10-25 01:00 UTC, an hour later since" for a timetable kept in local time. */
function clockChangeText(f: AccountFeatures): string {
  const shift = f.dailySlotClockShiftMinutes;
  if (shift === 0 || Number.isNaN(f.dailySlotClockChangeMs)) return "";
  const amount = Math.abs(shift) === 60 ? "an hour" : `${Math.abs(shift)} minutes`;
  return ` until the clock change at ${new Date(f.dailySlotClockChangeMs).toISOString().slice(0, 16).replace("T", " ")} UTC, ${amount} ${shift < 0 ? "later" : "earlier"} since`;
}

export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

function hh(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

/** "07:05 UTC" or "09:05 UTC+02:00", for an org-local minute of the day. */
function clock(minute: number, offsetMinutes: number): string {
  const hh = String(Math.floor(minute / 60)).padStart(2, "0");
  const mm = String(minute % 60).padStart(2, "0");
  if (offsetMinutes === 0) return `${hh}:${mm} UTC`;
  const abs = Math.abs(offsetMinutes);
  return `${hh}:${mm} UTC${offsetMinutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** "1 IP address (34.201.10.7)", "3 IP addresses", "more than 3 IP addresses". */
function loginIpText(f: AccountFeatures): string {
  if (f.loginIpCount === 0) return "no recorded IP address";
  if (f.loginIpCount === 1) return `1 IP address (${f.loginIpSample ?? ""})`;
  return f.loginIpCount > 3 ? "more than 3 IP addresses" : `${f.loginIpCount} IP addresses`;
}

/**
 * Where the identity rule looks: the email local part, else the nickname, else the display name.
 * A mailbox with no bot-like word as written that runs together the words of a display name with
 * one (`buildbot@` for "Build Bot") is read as the name, whose words are apart.
 */
function identityText(f: AccountFeatures, matchers?: Matchers): { where: string; text: string } {
  const localPart = f.localPart;
  if (localPart !== null && matchers !== undefined && spelledAsName(f, localPart, matchers)) return { where: `mailbox \`${f.user.email ?? ""}\` (the name "${f.user.name}" run together)`, text: f.user.name };
  if (localPart !== null) return { where: `mailbox \`${f.user.email ?? ""}\``, text: localPart };
  if (f.user.nickname) return { where: `nickname \`${f.user.nickname}\``, text: f.user.nickname };
  return { where: `name \`${f.user.name}\``, text: f.user.name };
}

function botNameFactor(f: AccountFeatures, ctx: RuleContext): number | null {
  const base = botNameBase(f, ctx);
  // People who use the UI like people are not bots because of their surname; a title that says
  // the account is no person's is an admin's word, whoever uses the account's UI.
  return base !== null && f.recentUiProductCount > 0 && !machineTitle(f) ? base * 0.3 : base;
}
/** `bot-name`'s factor before the UI's damping: 1 for a leading bot-like word or a machine's title, 0.5 for one elsewhere, null for none. */
function botNameBase(f: AccountFeatures, { matchers }: RuleContext): number | null {
  const nickname = f.user.nickname ?? null;
  const localPart = f.localPart;
  let primary: string;
  let inPrimary: boolean;
  if (localPart === null) {
    primary = nickname ?? f.user.name;
    inPrimary = matchers.nameWord.test(primary);
  } else {
    const inLocal = matchers.nameWord.test(localPart);
    // Most people's mailbox and name hold no bot-like word: which of them is read does not matter.
    primary = !inLocal && !matchers.nameWord.test(f.user.name) ? localPart : spelledAsName(f, localPart, matchers) ? f.user.name : localPart;
    inPrimary = primary === localPart ? inLocal : matchers.nameWord.test(primary);
  }
  const inNickname = localPart !== null && nickname !== null && matchers.nameWord.test(nickname);
  // A job title that says the account is no person's ("Technical User", "Service Account") names it as plainly.
  const titled = machineTitle(f);
  if (!inPrimary && !inNickname && !titled) return null;
  // A role mailbox (`build@`, `svc-jira@`) leads with the bot-like word; `sarah.jenkins@` does not.
  return (inPrimary && leadsWithBotWord(primary, f, matchers)) || titled ? 1 : 0.5;
}

/**
 * A job title that says the account is no person's ("Service Account", "Technical User", "Bot",
 * "Digital Worker", as RPA suites call their robots, with the suite's name before it or not ("RPA
 * Blue Prism Digital Worker", "UiPath Robot 3"), "Agent virtuel", a French public body's robot
 * persona; not "Assistante virtuelle" or "Asistente Virtual", a remote assistant's job);
 * a bare "Automation" or "Integration" may be a person's team.
 */
export function machineTitle(f: AccountFeatures): boolean {
  const title = f.user.jobTitle;
  return !!title && (MACHINE_ACCOUNT_TITLE.test(title) || RPA_SUITE_WORKER_TITLE.test(title) || DECOY_TITLE.test(title));
}
/**
 * A security team's decoy, first in the title ("Deception persona (SOC) — do not contact",
 * "Honeypot", "Canary account", "פרסונת הטעיה – SOC", "Персона-приманка (SOC)"): an account a
 * script keeps looking alive for intruders to find; no person's job. Not a person's work on
 * decoys ("Honeypot Researcher", "Deception Technology Engineer").
 */
const DECOY_TITLE_SOURCE =
  "^[\\s*!#_(\\[-]*(?:honey[ _-]?(?:pot|token)s?(?:[ _-]+(?:assets?|personas?|accounts?|users?))?|(?:deception|decoy|canary)[ _-]+(?:assets?|personas?|accounts?|users?|identit(?:y|ies)|tokens?|credentials?)|(?:פרסונ(?:ה|ת)|חשבון|נכס)\\s+הטעיה|(?:персона|аккаунт|учётная\\s+запись|учетная\\s+запись)[ _-]+приманка|приманка)\\s*(?:$|[(\\[—–:,.-])";
const DECOY_TITLE = new RegExp(DECOY_TITLE_SOURCE, "iu");
/** The titles of `machineTitle`, and with a bare "Automation", "Integration", "Interface" or "System" those of `MACHINE_TITLE`. */
// A number or a bracketed note after such a title is the admin's too ("Digital Worker 01",
// "Service Account (RPA)"); not after a bare "Bot", a board's too ("BOT (Board of Trustees)").
const MACHINE_ACCOUNT_PHRASES =
  "(?:(?:service|system|technical|tech\\.?|integration|interface|api|automation|functional|generic|resource|non[- ]?person(?:al)?|non[- ]?human|bot|robot|rpa|svc|batch(?:[ _-]?jobs?)?|scheduler|cron)[ _-]?(?:account|acct|user|id|identity)s?|rpa[ _-]?bots?|digital[ _-]?workers?|digital(?:e[rn]?)?[ _-]?(?:kolleg(?:e|in)|mitarbeiter(?:in)?)|agent[ _-]virtuel|technische[rs]?[ _-]?(?:user|benutzer|nutzer|account|konto)|funktions(?:user|benutzer|nutzer|konto|account)|utente[ _-]tecnico|cuenta[ _-]t[eé]cnica|(?:service|dienst|system)konto|system[ _-]?benutzer|compte[ _-](?:de[ _-]service|technique|api|syst[eè]me)|cuenta[ _-](?:de[ _-]servicio|api)|conta[ _-](?:de[ _-]servi[cç]o|api)|usu[aá]rio[ _-]t[eé]cnico|usuario[ _-](?:de[ _-])?(?:sistema|servicio|t[eé]cnico|gen[eé]rico)|usu[aá]rio[ _-](?:de[ _-])?(?:sistema|servi[cç]o|gen[eé]rico)|utilisateur[ _-](?:syst[eè]me|technique|de[ _-]service|g[eé]n[eé]rique)|utente[ _-](?:di[ _-])?(?:sistema|servizio)|(?:systeem|service|technische)[ _-]?gebruiker|(?:systeem|technisch|functione(?:el|le))[ _-]?account|cuenta[ _-]gen[eé]rica|conta[ _-]gen[eé]rica|compte[ _-]g[eé]n[eé]rique|system(?:bruker|brukar|bruger|anv[äa]ndare)|(?:tjeneste|tjenste|funktions|integrations)konto|j[äa]rjestelm[äa](?:k[äa]ytt[äa]j[äa]|tunnus)|palvelu(?:tunnus|k[äa]ytt[äa]j[äa])|tekninen[ _-]k[äa]ytt[äa]j[äa]|teknisk[ _-](?:bruker|bruger|anv[äa]ndare|konto)|konto[ _-](?:techniczne|systemowe|serwisowe)|u[żz]ytkownik[ _-](?:techniczny|systemowy)|(?:technick[ýy]|syst[ée]mov[ýy])[ _-](?:[úu][čc]et|u[žz]ivatel)|(?:s[iİ]stem|serv[iİ]s|tekn[iİ]k|entegrasyon)[ _-](?:kullan[ıiİ]c[ıiİ](?:s[ıiİ])?|hesab[ıiİ])|akaun[ _-](?:sistem|perkhidmatan|servis|teknikal|integrasi|robot|api)|akun[ _-](?:sistem|layanan|servis|teknis|integrasi|robot|api)|t[àa]i[ _-]kho[ảa]n[ _-](?:d[ịi]ch[ _-]v[ụu]|h[ệe][ _-]th[ốo]ng|t[ựu][ _-]đ[ộo]ng|k[ỹy][ _-]thu[ậa]t)|conta[ _-](?:t[eé]cnica|de[ _-]sistema|de[ _-]integra[cç][aã]o)|cuenta[ _-]de[ _-](?:sistema|integraci[oó]n)|(?:システム連携|システム|サービス|連携|自動化|ロボット|バッチ|技術|rpa|api)用?(?:アカウント|ユーザー?|id)|(?:システム連携|システム|連携|自動化|バッチ|rpa)用|(?:자동화|시스템|서비스|연동|배치|로봇|기술|rpa|api)\\s*(?:계정|사용자)|(?:系统|系統|服务|服務|集成|接口|机器人|機器人|自动化|自動化|技术|技術|api)(?:账号|帐号|帳號|賬號|账户|帳戶|用户|用戶))(?:\\s*\\d+|\\s*\\([^)]*\\))?";
// An RPA suite's bare name for its robots, without a number or a note: "Digital Clerks" and "Digital
// Clerk (Records)" are people's titles as often.
// An RPA suite's robot ("RPA Robot", "RPA Robot 2"); not the initials alone, a Radiation
// Protection Adviser's too ("RPA", "RPA (Radiation Protection Adviser)"), nor a person's job in the
// robots' team ("RPA Developer").
const MACHINE_ACCOUNT_TITLES = `${MACHINE_ACCOUNT_PHRASES}|bot|robot|rob[ôo]|digital[ _-]?(?:clerk|employee)|rpa[ _-]?robots?(?:\\s*\\d+|\\s*\\([^)]*\\))?`;
/** An RPA suite's name, then its robot or digital worker, a few words between ("RPA Blue Prism Digital Worker", "UiPath Robot 3"); not "RPA Developer", nor a person's role among the words ("UiPath Developer Robots"). */
const RPA_SUITE_WORKER = "^(?!.*(?:develop|engineer|analy|lead|manag|architect|consult|special|admin))\\s*(?:rpa|uipath|blue\\s*prism|automation\\s+anywhere|power\\s+automate)(?:\\s+[\\p{L}\\d][\\p{L}\\d-]*){0,3}?\\s+(?:digital\\s+workers?|robots?|bots?)(?:\\s*\\d+)?\\s*$";
/** A person's role in a title or its note ("Shared Account - Manager", "Service Account - Key Account Manager", "Emergency Account - Physician"), as a pattern's source. */
export const PERSON_ROLE_IN_NOTE =
  "coordinat|koordinat|analy|administ|manag|lead|leder|leiter|owner|direct|special|engineer|officer|assistant|consult|develop|architect|represent|executive|sales|clerk|physician|doctor|nurse|gerente|diretor|analista|coordenador|especialista|engenheir|desenvolvedor|ingeni|m[ée]dic";
/**
 * A machine account's title of two words or more, in the singular, before a note after a dash or a
 * colon ("Usuário de serviço - TI Integração", "Technical User: SAP"); not where the note
 * names a person's role ("Service Account - Key Account Manager"), nor a service's or a technical
 * account's with a note, a sales role's as often ("Technical Account - Strategic", "Service Account
 * – Key Accounts", "Service Accounts – Nordics"; a system's or an integration's account is no
 * sales role: "System account - MES", "Integration account – fleet telemetry").
 */
const MACHINE_PHRASE_NOTED = `^\\s*(?:${MACHINE_ACCOUNT_PHRASES})(?<![sS]|service\\s+account|technical\\s+account|tech\\.?\\s+account)\\s*[-–—:]\\s+(?!.*(?:${PERSON_ROLE_IN_NOTE}))\\S.*$`;
const MACHINE_ACCOUNT_TITLE = new RegExp(`^\\s*(?:${MACHINE_ACCOUNT_TITLES})\\s*$|${MACHINE_PHRASE_NOTED}`, "i");
const RPA_SUITE_WORKER_TITLE = new RegExp(RPA_SUITE_WORKER, "iu");

/**
 * A display name that ends in a machine account's title of two words or more, after a word or
 * alone, a separator or brackets around it or not: "Quarterly Audit Service Account", "Jane Doe -
 * Service Account" (the account Jane's script runs as), "Payroll (Technical User)", "Digital
 * Worker 01", "Payroll_ServiceAccount"). An admin named the account so; no person is named "...
 * Service Account". A bare "Bot" or "Robot" after a name is no such title (Mary-Bot Smith, Sarah
 * Robot), nor is a plural, a person's team ("Jo Lee - Technical Accounts"). A person's job title
 * beside it is one copied from its owner's profile.
 */
export function machineNamed(f: AccountFeatures): boolean {
  return MACHINE_NAMED(f.user.name);
}
/**
 * A test of a display name for one of `phrases` last, after a word or alone, a separator or
 * brackets around it or not ("Jane Doe - Service Account", "Payroll (Technical User)"), or first,
 * before a separator and what the account is for ("Compte API – Projet pilote", "Service Account:
 * Jira sync").
 */
export function namedAs(phrases: string): (name: string) => boolean {
  const head = new RegExp(`^\\s*(?:${phrases})\\s*(?:[-–—:|/]|\\s[(\\[])`, "iu");
  const tail = new RegExp(`(?:^|[\\s(\\[/|,:_\\-–—])\\s*[(\\[]?\\s*(?:${phrases})\\s*[)\\]]?\\s*$`, "iu");
  // Runs of white space as one space: the tail's separator and the spaces after it would otherwise
  // match a long run in as many ways as it has spaces, at each of its starts.
  return (name) => {
    const text = SPACE_RUN.test(name) ? name.replace(SPACE_RUNS, " ") : name;
    return tail.test(text) || head.test(text);
  };
}
const SPACE_RUN = /\s\s/;
const SPACE_RUNS = /\s{2,}/g;
// In a name, the singular only: "Jo Lee - Technical Accounts" names her team.
const MACHINE_NAMED = namedAs(MACHINE_ACCOUNT_PHRASES.replaceAll("s?", ""));

/**
 * A picture someone chose: not Atlassian's default, the holder's initials on a coloured square
 * (`https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/JD-4.png`), which
 * every account without an uploaded picture shows, directly or as a Gravatar's fallback
 * (`https://secure.gravatar.com/avatar/<hash>?d=https%3A%2F%2Favatar-management...%2Finitials%2FJD-4.png`).
 */
export function chosenPicture(picture: string | null | undefined): boolean {
  return !!picture && !DEFAULT_AVATAR.test(picture);
}
const DEFAULT_AVATAR = /atl-paas\.net(?:\/|%2F)initials(?:\/|%2F)/i;

/** A job title or department that is a person's (not "Service Account" or the like). */
export function personProfile(f: AccountFeatures): boolean {
  const { jobTitle, department } = f.user;
  return (!!jobTitle && !MACHINE_TITLE.test(jobTitle)) || (!!department && !jobTitle);
}

/**
 * A mailbox that is the initials of the account's name (`it@` for Ian Tran, `ci@` for Cara Ivers,
 * `soc@` for Samantha O'Connor, `hr@` for Harish R), a name of two or three words with no bot-like
 * word, on an account with a person's job title or a picture they chose: a person who took their
 * initials as an address, not a team's `it@` or `ci@`.
 */
export function initialsOfTitledPerson(f: AccountFeatures, ctx: RuleContext): boolean {
  const words = f.user.name.trim().split(/\s+/);
  const title = f.user.jobTitle ?? "";
  if (f.localPart === null || words.length < 2 || words.length > 3 || !((title !== "" && personProfile(f)) || chosenPicture(f.user.picture)) || ctx.matchers.nameWord.test(f.user.name)) return false;
  // A team's name spelled out is no person's ("Quality Assurance" at `qa@`, "Information
  // Technology" at `it@`), nor is a title that names the team ("HR Team", "IT Service Desk").
  const local = f.localPart.toLowerCase();
  if (TEAM_NAME_WORDS.test(f.user.name) || TEAM_TITLE.test(title) || title.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(local)) return false;
  // The initials of the words, or of every part of them (O'Connor is O and C).
  const parts = f.user.name.split(/[^\p{L}]+/u).filter((w) => w !== "");
  return words.map((w) => w.charAt(0)).join("").toLowerCase() === local || (parts.length <= 4 && parts.map((w) => w.charAt(0)).join("").toLowerCase() === local);
}
/**
 * A mailbox of the initials of the account's name and a number of three to five digits, as a
 * university or a large employer hands out IDs (`hr3687@` for Heather Ross, `it20417@` for Ivan
 * Tomić), a name of two or three words with no bot-like word and no team's: a person's ID, not a
 * team's `hr@` with a number. A team's name spelled out is no person's ("Human Resources").
 */
export function initialsNetId(f: AccountFeatures, ctx: RuleContext): boolean {
  const found = f.localPart === null ? null : NET_ID.exec(f.localPart.toLowerCase());
  if (found === null) return false;
  const words = f.user.name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 3 || ctx.matchers.nameWord.test(f.user.name) || TEAM_NAME_WORDS.test(f.user.name)) return false;
  const initials = words.map((w) => plainLetters(w.charAt(0)).toLowerCase());
  const letters = found[1] as string;
  return initials.join("") === letters || (initials.length === 3 && `${initials[0]}${initials[2]}` === letters);
}
const NET_ID = /^([a-z]{2,3})\d{3,5}$/;
/**
 * A mailbox that is the surname of a person's two- or three-word display name, a number aside
 * (`lohn@` for Thomas Lohn, `ventas2@` for Ana Ventas): no team's address, though the surname is a
 * role word in some language. Not when the name leads with a role or team word ("Support Desk"
 * at `desk@`, "IT Team" at `team@`) or has a bot-like word.
 */
export function surnameMailbox(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null) return false;
  const name = nameAsWritten(f.user.name);
  const words = plainLetters(name).toLowerCase().split(/[^a-z]+/).filter((w) => w !== "");
  if (words.length < 2 || words.length > 3 || ctx.matchers.nameWord.test(f.user.name)) return false;
  const first = words[0] as string;
  if (ctx.matchers.roleMailbox.test(first) || TEAM_NAME_WORDS.test(first)) return false;
  return plainLetters(f.localPart).toLowerCase().replace(/[-_.]?\d+$/, "") === words[words.length - 1];
}
/** A person's display name as a mailbox would write it: bracketed notes, a directory's "Surname, Given" order and academic titles aside ("Kunde, Hans (IfI)" and "Prof. Dr. Hans Kunde" are "Hans Kunde"). */
function nameAsWritten(name: string): string {
  return givenFirstOrder(withoutBrackets(name).trim()).replace(ACADEMIC_TITLES, "");
}
const ACADEMIC_TITLES = /^(?:(?:prof|dr|mr|mrs|ms|mx|ing|dipl|mag)\.?(?:-\w+\.?)?\s+)+/i;
/**
 * `text` with its bracketed notes ("(IfI)", "[Shared]") each replaced by a space: from an opening
 * bracket to the first closing one of its kind after it, left to right, as
 * `text.replace(/\([^)]*\)|\[[^\]]*\]/g, " ")` does ("Anna (Sales (DACH) EMEA)" keeps " EMEA)"),
 * but in one pass: that pattern tried each opening bracket to the end of a name with no closing
 * one after it, and a name of "(a " repeated 33,000 times took 14 seconds to judge.
 */
export function withoutBrackets(text: string): string {
  if (!text.includes("(") && !text.includes("[")) return text;
  const lastParen = text.lastIndexOf(")");
  const lastSquare = text.lastIndexOf("]");
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const close = c === "(" && i < lastParen ? text.indexOf(")", i + 1) : c === "[" && i < lastSquare ? text.indexOf("]", i + 1) : -1;
    if (close === -1) continue;
    out += `${text.slice(from, i)} `;
    from = close + 1;
    i = close;
  }
  return from === 0 ? text : out + text.slice(from);
}
/**
 * A mailbox local part of one word (digits after it aside) that is the display name's two or
 * three words run together: `buildbot2` for "Build Bot", `jirasync` for "Jira Sync". Cheap to ask
 * of every account: most local parts have a separator, and most others fail the length check.
 */
export function namesRunTogether(localPart: string, name: string): boolean {
  let end = localPart.length;
  while (end > 0 && isDigit(localPart.charCodeAt(end - 1))) end--;
  if (end < 4) return false;
  // A name with fewer characters than the mailbox (spaces aside) cannot spell it.
  let letters = 0;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) !== 32) letters++;
  if (letters < end) return false;
  for (let i = 0; i < end; i++) {
    const c = localPart.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return false;
  }
  const words = plainWords(name);
  if (words.length < 2 || words.length > 3) return false;
  // The name's own number is the mailbox's too ("RPA Finans 2" at `rpafinans2@`), or the mailbox's alone (`buildbot2@`).
  const joined = words.join("");
  return joined === localPart.slice(0, end).toLowerCase() || joined === localPart.toLowerCase();
}
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/**
 * `text` (a mailbox or a name) leads with a bot-like word (`nameLeadingWord`), or has one right
 * after a team's word (`reports-robot@`, "Ops Screenshot") on an account whose display name is
 * made of such words only: a team's tool. A person's initials or name before a bot-like surname
 * (`hr.bridge@` for Harriet Rose Bridge) lead with no bot-like word.
 */
export function leadsWithBotWord(text: string, f: AccountFeatures, matchers: Matchers): boolean {
  return matchers.nameLeadingWord.test(text) || (matchers.nameAfterTeamWord.test(text) && teamWordsOnly(f.user.name, matchers));
}
/** A display name of two words or more, each a team's (`role-mailbox`) word, a bot-like word or a number: "Reports Robot", "Ops Screenshot 2". */
function teamWordsOnly(name: string, matchers: Matchers): boolean {
  const words = plainWords(name);
  return words.length >= 2 && words.every((w) => /^\d+$/.test(w) || matchers.nameToken.test(w) || matchers.roleMailbox.test(w));
}
/**
 * The mailbox holds no bot-like word as written, and runs together the words of a name that leads
 * with one ("Build Bot", "Jira Sync"), or that ends in a tool's word no one is surnamed
 * ("Smartsheet Sync" at `smartsheetsync@`). Not a person's name with a bot-like surname
 * (`sarahjenkins@`, `wangci@` for Wang Ci): read as the name, their mailboxes would say no more
 * than it does.
 */
function spelledAsName(f: AccountFeatures, localPart: string, matchers: Matchers): boolean {
  return !matchers.nameWord.test(localPart) && namesRunTogether(localPart, f.user.name) && (leadsWithBotWord(f.user.name, f, matchers) || TOOL_WORD_LAST.test(f.user.name));
}
// A tool's word last in a name, a number aside, that is nobody's surname (Jenkins, Bridge and Bot are).
const TOOL_WORD_LAST = /\s(?:sync|synchroni[sz]er|connector|integration|webhooks?|exporter|importer)(?:\s*\d+)?\s*$/i;
/** A name's words in lower-case letters and digits, without accents: "Ops Screenshot 2" is `ops`, `screenshot`, `2`. */
export function plainWords(name: string): string[] {
  return plainLetters(name).toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== "");
}
/** A display name written surname first with a comma ("Jenkins, Sarah") in the given name's order ("Sarah Jenkins"); any other name as it is. */
export function givenFirstOrder(name: string): string {
  const comma = SURNAME_FIRST_COMMA.exec(name);
  return comma === null ? name : `${comma[2]} ${comma[1]}`;
}
export const SURNAME_FIRST_COMMA = /^([^,]+),\s*([^,]+)$/;

/** Letters without their accents (`garcía` is `garcia`), as mailboxes write them. */
export function plainLetters(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "");
}
/** Lower-case ASCII letters as mailboxes write a name: accents dropped, ø as o, ß as ss, and ä, ö, ü written ae, oe, ue read as a, o, u. */
export function foldLetters(text: string): string {
  return plainLetters(text.toLowerCase())
    .replace(/[øö]/g, "o")
    .replace(/æ/g, "ae")
    .replace(/œ/g, "oe")
    .replace(/ß/g, "ss")
    .replace(/ł/g, "l")
    .replace(/đ/g, "d")
    .replace(/['’]/g, "")
    .replace(/ae/g, "a")
    .replace(/oe/g, "o")
    .replace(/ue/g, "u");
}
export const TEAM_NAME_WORDS =
  /\b(?:quality|assurance|human|resources?|information|technology|technologies|network|operations?|cent(?:er|re)|services?|support|desk|team|group|department|office|management|relations|security|engineering|development|finance|financial|accounts?|payable|receivable|marketing|sales|systems?|customer|client|public|legal|compliance|admin(?:istration)?|help|data|research|business|product|project|program(?:me)?|communications?|studio|production|creative|design|social|shifts?|front|field|duty|facilities|procurement|purchasing|people|talent|recruiting|internal|corporate|global|general|shared)\b/i;
const TEAM_TITLE = /\b(?:team|desk|services?|group|department|mailbox|shared|account)\b/i;

/**
 * An admin's note to keep the account, written where a job title goes ("DO NOT DELETE", "*** Nicht
 * löschen ***", "Ne pas supprimer – utilisé par Jenkins", "削除禁止"): no person's job, whoever's
 * account it is. Such a title is no person's, as a machine's is not.
 */
const KEEP_NOTE_TITLE =
  "^[\\s*!#_(\\[-]*(?:(?:please|pls|bitte|por\\s+favor|s'il\\s+vous\\s+pla[iî]t|per\\s+favore)\\s+)?(?:(?:do\\s+not|don'?t|never)\\s+(?:delete|remove|disable|deactivate|suspend|deprovision|offboard)|nicht\\s+(?:l[öo]e?schen|deaktivieren|entfernen|sperren)|(?:[àa]\\s+)?ne\\s+pas\\s+(?:supprimer|d[ée]sactiver|effacer)|no\\s+(?:borrar|eliminar|desactivar|dar\\s+de\\s+baja)|n[ãa]o\\s+(?:apagar|excluir|remover|desativar)|non\\s+(?:cancellare|eliminare|disattivare)|niet\\s+(?:verwijderen|uitschakelen)|ta\\s+inte\\s+bort|radera\\s+(?:ej|inte)|f[åa]r\\s+(?:ej|inte)\\s+raderas|ikke\\s+slett(?:e|es)?|m[åa]\\s+ikke\\s+slett(?:es)?|slet\\s+ikke|[äa]l[äa]\\s+poista|nie\\s+usuwa[ćc]|nemazat|silmeyin|silinmesin|削除禁止|削除しないで|消さないで|请勿删除|勿删|不要删除|삭제\\s*금지|لا\\s+تحذف)(?:$|[^\\p{L}])";
/**
 * A note of who owns the account where a job title would be, for the org's vocabulary only
 * (`OrgVocabulary`, `ShiftStarts`): "Responsável: Maria da Conceição Barbosa", "Owner: Platform
 * Team", "Verantwortlich: IT-Betrieb". Sister integrations so titled made a given name of
 * "Integração" and shielded an idle sister with a token. Not read as a machine's title for the
 * account itself: a business's owner may be so titled ("Owner: Bright Dental", found reviewed by a
 * cold review).
 */
const OWNER_NOTE = "^\\s*(?:owner|owned\\s+by|maintained\\s+by|managed\\s+by|respons[aá]vel|responsable|verantwortlich|eigenaar|propriet[aá]rio|dono|ansvarlig|ansvarig|omistaja|w[łl]a[śs]ciciel|odpowiedzialn\\p{L}*|vlastn[íi]k|sorumlu)\\s*[:：]\\s*\\S.*$";
export const NO_JOB_TITLE = new RegExp(OWNER_NOTE, "iu");
/** A bare integration or automation in other languages, as `MACHINE_TITLE` reads "Integration" and "Automation" ("Integração", "Intégration", "Automatización"). */
const FUNCTION_ABROAD = "integra(?:[cç][aã]o|ci[oó]n)|int[ée]gration|integrazione|integratie|integracja|integrace|entegrasyon|integrasi|automa[cç][aã]o|automatizaci[oó]n|automatisation|automazione|automatisering|automatyzacja|automatizace";
/** A job title that says the account is no person's: a machine account's title (`machineTitle`), a bare function ("Automation", "Robotic Process Automation", "System"; "Integração", "Automatización": `FUNCTION_ABROAD`), an admin's note to keep it, or a decoy's. */
export const MACHINE_TITLE = new RegExp(`^\\s*(?:${MACHINE_ACCOUNT_TITLES}|automation|robotic\\s+process\\s+automation|integration|interface|system|${FUNCTION_ABROAD})\\s*$|${MACHINE_PHRASE_NOTED}|${RPA_SUITE_WORKER}|${KEEP_NOTE_TITLE}|${DECOY_TITLE_SOURCE}`, "iu");

/** A place's code in capitals at the end of a display name ("Trade Support NY"). */
const PLACE_CODE_LAST = /\s(\p{Lu}{2,3})$/u;
/**
 * Two or three letters in the mailbox that are the holder's initials or one of their names
 * (`hr.ms@` for Maria Schmidt, `it-jd@` for John Doe, `sales.jo@` for Jo Sales, `it.oh@` for
 * Øyvind Hansen, `it.wn@` for Wei NG): a person's mailbox in a team's style, not a team's with a
 * country's code (`support-kr@`). Where the display name starts with a team's word ("Support UK",
 * "Finance MEA", "Sales New York City") the letters are the team's code, and a name in another
 * script that is not a team's (李娜 at `kefu.li@`) may be spelled there in Latin letters.
 */
function ownLettersAfterRole(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null) return false;
  const tokens = f.localPart
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map((t) => t.replace(/\d+$/, ""));
  const letters = tokens.filter((t) => t.length >= 2 && t.length <= 3 && !ctx.matchers.roleMailbox.test(t));
  if (letters.length === 0) return false;
  // A team's word before the holder's name is the team's note ("HR - Maria Schmidt", "客服-李娜").
  const name = afterTeamNote(f.user.name, ctx);
  // A single character for department (部, 科) ends a team's name of three characters or more, and
  // is a given name's in two (李科).
  if (!/[A-Za-z\u00C0-\u024F]/.test(name)) {
    const bare = name.replace(/\s+/g, "");
    return CJK_PERSON.test(bare) && !(bare.length >= 3 ? CJK_TEAM : CJK_TEAM_WORDS).test(bare);
  }
  // Hyphens split a given name's parts (Anna-Lena is `al`); "Schmidt, Maria" is Maria Schmidt.
  const all = givenFirstOrder(name)
    .split(/[^\p{L}]+/u)
    .filter((w) => w !== "");
  if (teamFirst(all[0] ?? "", ctx) || placeThenRole(f, ctx)) return false;
  // A place's code in capitals after a team's words is the team's ("Trade Support NY" at `tradesupport.ny@`).
  const code = PLACE_CODE_LAST.exec(name.trim());
  if (code !== null && letters.includes((code[1] as string).toLowerCase()) && TEAM_NAME_WORDS.test(name)) return false;
  const words = all.map((w) => foldLetters(w)).filter((w) => w !== "");
  if (words.length < 2) return false;
  const firsts = words.map((w) => w.charAt(0));
  // Their words of two or three letters, and the start of a name as a nickname (`raj` for Rajesh).
  const mine = new Set<string>(words.filter((w) => w.length === 2 || w.length === 3));
  for (const w of words) if (w.length > 3) mine.add(w.slice(0, 3));
  for (let i = 0; i < firsts.length; i++) {
    for (let j = 0; j < firsts.length; j++) {
      if (i === j) continue;
      mine.add(`${firsts[i]}${firsts[j]}`);
      for (let k = 0; k < firsts.length; k++) if (k !== i && k !== j) mine.add(`${firsts[i]}${firsts[j]}${firsts[k]}`);
    }
  }
  // A number after the initials is a second holder's (`support.oh2@`).
  return letters.some((t) => mine.has(t));
}
/** The mailbox is a team's role address (see the `role-mailbox` rule). */
function roleAddress(f: AccountFeatures, ctx: RuleContext): boolean {
  return (ctx.matchers.roleMailbox.test(f.localPart ?? f.user.nickname ?? "") || placeCodedRole(f, ctx)) && !initialsOfTitledPerson(f, ctx) && !initialsNetId(f, ctx) && !surnameMailbox(f, ctx) && !ownLettersAfterRole(f, ctx) && !ownDomain(f, ctx) && !guestsOwnAddress(f, ctx) && !titledForRole(f, ctx);
}
/**
 * `f` with its mailbox read as the display name's words apart, where it runs them together, a
 * number after them aside (`receptionlondon@` for "Reception London" read as `reception.london@`,
 * `empfangzuerich@` for "Empfang Zürich"), as the org writes its desks' addresses elsewhere, where
 * that reads as a role address (`roleAddress`); null otherwise, and for a name of one word. Only
 * where the org's names teach its given names and none is in the name, and each word that is no
 * role's has four letters or more, on an account with no job title: a person's name run together,
 * surname first ("SALES Maria" at `salesmaria@`, "Care Ho" at `careho@`), is read as written.
 */
function spelledApart(f: AccountFeatures, ctx: RuleContext): AccountFeatures | null {
  const run = f.localPart === null ? null : RUN_TOGETHER.exec(f.localPart);
  // Nor beside a job title, nor where the first word is in capitals before a name, as directories
  // write a person's surname ("LOHN Peter" at `lohnpeter@`).
  if (run === null || f.user.jobTitle || CAPITALS_FIRST.test(f.user.name.trim())) return null;
  const words = f.user.name.split(/[^\p{L}]+/u).map((w) => foldLetters(w).replace(/[^a-z]/g, "")).filter((w) => w !== "");
  // Folded on both sides, so that `empfangzuerich@` spells "Empfang Zürich" too.
  if (words.length < 2 || foldLetters(run[1] as string) !== foldLetters(words.join(""))) return null;
  const apart: AccountFeatures = { ...f, localPart: `${words.join(".")}${run[2]}` };
  // The org's names are counted only for a mailbox that reads as a role address so (most run-together
  // mailboxes are people's names and are not).
  if (!roleAddress(apart, ctx) || !ctx.vocabulary.knowsGivenNames()) return null;
  const plainWord = (w: string): boolean => ctx.matchers.roleMailbox.test(w) || (w.length >= 4 && ctx.vocabulary.givenNameCount(w, f.user) === 0);
  return words.every(plainWord) ? apart : null;
}
const RUN_TOGETHER = /^([a-z]{6,})(\d*)$/;
/**
 * Three capitals or more first, before a word in a name's case: a surname as directories write it
 * ("LOHN Peter", "OKAFOR Chidi") or a team's code ("NOC Probe"); not "NOC PROBE", nor JP Jenkins.
 * Asked of a trimmed name.
 */
export const CAPITALS_FIRST = /^\p{Lu}{3,}\s+\p{Lu}\p{Ll}/u;
/** The display name after a team's words and a separator ("HR - Maria Schmidt" is Maria Schmidt's), or the whole name. */
function afterTeamNote(name: string, ctx: RuleContext): string {
  const m = /^([^-–—|:/]+?)\s*[-–—|:/]\s*(.+)$/u.exec(name);
  if (m === null) return name;
  const team = (m[1] as string).split(/\s+/).every((w) => teamFirst(w, ctx) || (/\p{Lu}/u.test(w) && w === w.toUpperCase() && w.length <= 4) || CJK_TEAM.test(w) || /^[\p{Script=Han}]{2}$/u.test(w));
  return team ? (m[2] as string) : name;
}
/** A word that starts a team's display name: a role mailbox's word or a team's ("Support", "Finance", "Recepción"). */
function teamFirst(word: string, ctx: RuleContext): boolean {
  const plain = plainLetters(word).toLowerCase();
  return plain !== "" && !GIVEN_NAME_TEAM_WORD.test(plain) && (ctx.matchers.roleMailbox.test(plain) || TEAM_NAME_WORDS.test(plain));
}
/** Team words that are given names too (Talent Moyo). */
export const GIVEN_NAME_TEAM_WORD = /^(?:talent)$/;
/** A name of two to four CJK characters, as most Chinese, Japanese and Korean people's are. */
const CJK_PERSON = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]{2,4}$/u;
/** A name in CJK characters that says team, department, centre or shared. */
const CJK_TEAM = /(?:中心|部|課|室|科|组|組|团队|團隊|小组|팀|センター|센터|チーム|共用|共有|共享)/u;
const CJK_TEAM_WORDS = /(?:中心|团队|團隊|小组|팀|センター|센터|チーム|共用|共有|共享)/u;

/**
 * A role word and a region's or a city's code of three letters (`finance.mea@`, `projects.ksa@`,
 * `recepcion.mty@`, `sales.nyc@`), where the display name starts with a team's
 * word too ("Finance MEA", "Recepción Ciudad de México"): a team's address. After a person's name
 * the letters are theirs as often (Daniel Ortega at `support.dan@`, Rajesh Iyer at `projects.raj@`).
 */
export function placeCodedRole(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null) return false;
  // Asked of every account: the cheap test of the last part's shape first.
  const local = f.localPart.toLowerCase();
  // An internal or a system tag before a role that the display name is (`int-hankinnat@` for
  // "Hankinnat", `sys-klager@` for "Klager"; not Julia Klager at `int-klager@`).
  const tagged = ROLE_TAG.exec(local);
  if (tagged !== null && ctx.matchers.roleMailbox.test(tagged[1] as string)) {
    // The name's letters are the role's, or a word of a long role's with an ending, a number
    // after it aside (`sys-tilbakemelding5@` for "Tilbakemeldinger 5", `sys-it-tuki@` for
    // "IT-tuki"; not Italo Rossi at `sys-it@`, nor Billingham Tom at `sys-billing@`).
    const letters = (text: string): string => foldLetters(text).replace(/[^a-z]/g, "");
    const name = letters(f.user.name);
    const role = letters(tagged[1] as string);
    const words = f.user.name.trim().split(/\s+/).filter((w) => !/^\d+$/.test(w));
    return name === role || (words.length === 1 && role.length >= 6 && name.startsWith(role) && name.length - role.length <= 3);
  }
  const cut = Math.max(local.lastIndexOf("."), local.lastIndexOf("-"), local.lastIndexOf("_"));
  if (cut <= 0 || !ctx.matchers.roleMailbox.test(local.slice(0, cut))) return false;
  if (!PLACE_CODE_PART.test(local.slice(cut + 1))) return roleThenPlace(f, local.slice(0, cut), local.slice(cut + 1));
  // Not a team's note before a person's name ("Projects - Rajesh Iyer" at `projects.raj@`).
  return (teamFirst(f.user.name.trim().split(/[^\p{L}]+/u)[0] ?? "", ctx) || placeThenRole(f, ctx)) && afterTeamNote(f.user.name, ctx) === f.user.name;
}
/**
 * A place and the mailbox's role word, in two words ("Kinshasa Logistics" at `logistics.fih@`,
 * "Beirut Logistics" at `logistics.bey@`): a country office's team, whose airport's code follows
 * the role, three letters. Not where the code starts the first word, as a given name's letters
 * do, nor after a hyphenated given name (Anna-Lena Sales at `sales.al@`).
 */
function placeThenRole(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.localPart === null) return false;
  const words = f.user.name.trim().split(/\s+/);
  if (words.length !== 2 || !/^\p{Lu}\p{Ll}/u.test(words[0] as string)) return false;
  const role = foldLetters(words[1] as string);
  const tokens = foldLetters(f.localPart).split(/[^a-z]+/);
  // The code is no start of the first word: Bo Lending at `lending.bo@`, or Anna at `claims.ann@`,
  // writes the person's given name there.
  const code = tokens[1] ?? "";
  const place = foldLetters(words[0] as string);
  return role.length >= 4 && role === tokens[0] && ctx.matchers.roleMailbox.test(role) && place.length >= 4 && !(words[0] as string).includes("-") && code.length === 3 && !place.startsWith(code);
}
const PLACE_CODE_PART = /^[a-z]{3}\d*$/;
const ROLE_TAG = /^(?:int|sys)[-._](.+)$/;
/**
 * The mailbox's role word and a place's name, each a word of a display name of those two words
 * alone ("Registrator Sundsvall" at `registrator.sundsvall@`, "Kirjaamo Vaasa" at
 * `kirjaamo.vaasa@`): a regional office's desk. A person's name holds no role word first.
 */
function roleThenPlace(f: AccountFeatures, role: string, place: string): boolean {
  const words = f.user.name.trim().split(/\s+/);
  return words.length === 2 && role.length >= 4 && place.length >= 4 && /^[a-z]+$/.test(place) && foldLetters(words[0] as string) === role && foldLetters(words[1] as string) === place && /^\p{Lu}\p{Ll}/u.test(words[1] as string);
}

/**
 * A role word at the holder's own domain: the domain carries a word of the display name that is
 * no team's (Jan Kowalski at `biuro@kowalski-it.pl`, Ravi Menon at `projects@menondesign.co`), a
 * one-person firm's only address.
 */
export function ownDomain(f: AccountFeatures, ctx: RuleContext): boolean {
  const email = f.user.email;
  if (!email || !email.includes("@")) return false;
  // A person's name of two or three words, not a team's ("Reception Grand Hotel Zurich" at
  // `reception@grandhotelzurich.ch`, "Billing - Contoso"), whose surname is in the domain.
  const words = givenFirstOrder(f.user.name).split(/[^\p{L}]+/u).filter((w) => w !== "");
  if (words.length < 2 || words.length > 3 || NOTE_SEPARATOR.test(f.user.name) || teamFirst(words[0] as string, ctx)) return false;
  const domain = foldLetters(email.slice(email.indexOf("@") + 1)).replace(/[^a-z]/g, "");
  const surname = foldLetters(words[words.length - 1] as string);
  return surname.length >= 4 && domain.includes(surname) && !ctx.matchers.roleMailbox.test(surname) && !TEAM_NAME_WORDS.test(surname) && !ctx.matchers.nameToken.test(surname) && !CONTEXT_WORD.test(surname);
}
const NOTE_SEPARATOR = /[|/·@]|\s[-–—:]\s/u;

/**
 * An invited guest named as a person (two or three words, none a team's, a tool's or an acronym)
 * at a bare role word: a sole trader's or a small firm's only address (Jan Kowalski at
 * `biuro@jk-it.pl`, Ravi Menon at `projects@rm-design.co`), which they alone sign in to.
 */
export function guestsOwnAddress(f: AccountFeatures, ctx: RuleContext): boolean {
  if (f.user.managementSource !== "invited" || f.localPart === null || !/^[a-z]+$/i.test(f.localPart)) return false;
  const words = nameAsWritten(f.user.name).split(/\s+/).filter((w) => w !== "");
  if (words.length < 2 || words.length > 3 || NOTE_SEPARATOR.test(f.user.name)) return false;
  return words.every((w) => /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u.test(w) && !teamFirst(w, ctx) && !ctx.matchers.nameToken.test(plainLetters(w).toLowerCase()) && !CONTEXT_WORD.test(plainLetters(w).toLowerCase()));
}

/**
 * Days of an audit log that records sign-ins before an account without one counts as not using the
 * UI, where the snapshot records no UI activity: two working weeks in which a person would sign in
 * (a two-week export runs 12 days or more from its first event to the snapshot, when its first days
 * fall on a weekend).
 */
export const SIGN_IN_LOG_MIN_DAYS = 12;

/** The factor of `login-daily-slots` for a timetable whose sittings cannot be seen to be short. */
export const UNVERIFIED_TIMETABLE = 0.6;

/** The rule table, evaluated in this order for every account. */
export const RULES: readonly RuleDefinition[] = [
  {
    id: "channel-divergence",
    family: "activity",
    defaultWeight: 5,
    // The one sign-in of whoever set a new account up is no UI use once the token has worked
    // alone for `recentDays` since: a new joiner still at work in the UI this week is not that.
    // At `API_OUTLIVED_UI` where no token is in use now, but one was made long after the UI use
    // stopped (`apiOutlivedUi`).
    score: (f, ctx) => (currentDivergence(f, ctx) ? 1 : apiOutlivedUi(f, ctx) ? API_OUTLIVED_UI : null),
    explain: (f, ctx) => {
      if (!currentDivergence(f, ctx)) {
        const created = f.newestToken as ApiToken;
        const gap = Math.floor((f.newestTokenCreatedMs - f.lastUiMs) / DAY_MS);
        return `API token \`${created.label}\` created ${day(created.createdAt as string)}, ${gap} days after the last UI activity (${lastUiText(f, ctx.referenceMs)}): API access was set up on an account no one was using in the UI.`;
      }
      return `${tokenUseText(f, ctx.referenceMs)}; last UI activity ${lastUiText(f, ctx.referenceMs)}${uiStale(f, ctx) ? "" : ", only the sign-in of whoever set the account up, within a day of its creation"}.`;
    },
  },
  {
    id: "token-without-ui",
    family: "activity",
    defaultWeight: 2,
    // Where the snapshot records no UI activity, a token in use on an account with no sign-in in a
    // log long enough that a person would have signed in.
    // Not on an inactive account that holds no product access at all: deactivation took its access
    // away, and with it the record of its UI use.
    score: (f, ctx) =>
      f.usedTokenCount > 0 && f.lastUiAccess === null && !accessRemoved(f) && (f.uiActivityKnown || (tokenUsedRecently(f, ctx) && ctx.signInLogDays >= SIGN_IN_LOG_MIN_DAYS)) ? (f.uiActivityKnown ? 1 : 1.5) : null,
    explain: (f, ctx) =>
      `${f.usedTokenCount} of ${plural(f.tokenCount, "API token")} used (latest: ${tokenUseText(f, ctx.referenceMs)}), but ${
        f.uiActivityKnown ? "the account has never been active in the UI of any product" : `the account has not signed in or worked from a browser once in the ${Math.floor(ctx.signInLogDays)} days of the audit log`
      }${f.uiAtTokenCalls ? " (its products' last-active times fall on its token's calls, not on a visit)" : ""}.`,
  },
  {
    id: "departed-with-live-token",
    family: "activity",
    defaultWeight: 3,
    machine: "weak",
    // An account the identity provider still provisions belongs to someone who has not left.
    score: (f, ctx) =>
      tokenUsedRecently(f, ctx) && (inactiveStatus(f) !== null || (f.uiActivityKnown && uiStoppedLongAgo(f, ctx) && f.user.managementSource !== "synced" && f.user.managementSource !== undefined)) ? 1 : null,
    explain: (f, { t, referenceMs }) => {
      const status = inactiveStatus(f);
      if (status !== null) {
        // Used up to a migration that replaced the account: the script ran until then, as the migration planned.
        const migratedAt = f.migratedTo?.createdAt;
        if (migratedAt && f.lastTokenUseMs <= Date.parse(migratedAt)) return `${status}; ${tokenUseText(f, referenceMs)}, before the migration that replaced it (${day(migratedAt)}).`;
        return `${status}, yet ${tokenUseText(f, referenceMs)}: a script still runs as this account.`;
      }
      const since = f.lastUiAccess?.lastActiveTimestamp ?? "";
      return `UI activity stopped ${day(since)} (${relative(f.lastUiMs, referenceMs)}, over ${t.departedDays} days), yet ${tokenUseText(f, referenceMs)}: a script may still run as someone who left.`;
    },
  },
  {
    id: "token-events",
    family: "activity",
    defaultWeight: 1.5,
    // Half weight when people-style events outnumber the token ones, or when all of it keeps
    // working hours: humans script too, and a developer's CLI keeps their day.
    score: (f, ctx) => (f.tokenEventCount === 0 ? null : f.tokenEventCount * 2 >= f.eventCount && !workingHoursOnly(f, ctx) ? 1 : 0.5),
    explain: (f) =>
      `${f.tokenEventCount} of ${plural(f.eventCount, "audit event")} were done with an API token (e.g. ${f.tokenEventSample ?? "unknown"}).`,
  },
  {
    id: "round-the-clock",
    family: "logins",
    defaultWeight: 3,
    machine: "strong",
    score: (f, ctx) => (activityRoundTheClock(f, ctx) ? 1 : null),
    explain: (f) =>
      `${plural(f.activityEvents, "event")} on ${plural(f.activityDays, "day")}, ${pct(f.quietShare)} of them in the quietest 8 hours of the day (from ${hh(f.quietStartHour)} UTC): active round the clock, with no nightly pause.`,
  },
  {
    id: "every-day",
    family: "logins",
    defaultWeight: 2.5,
    machine: "strong",
    score: (f, ctx) => (everyDay(f, ctx) ? 1 : null),
    explain: (f) =>
      `Active on ${f.activityDays} of ${f.activitySpanDays} days, including ${restDaysText(f)}.`,
  },
  {
    id: "activity-cadence",
    family: "logins",
    defaultWeight: 2.5,
    machine: "strong",
    score: (f, ctx) => (activityCadence(f, ctx) ? 1 : null),
    explain: (f) =>
      f.activityCadenceOnBeat >= f.activitySessionOnBeat
        ? `${f.activityCadenceOnBeat} of ${plural(f.activityCadenceGaps, "gap")} under 3 hours between moments of activity are within 15% of ${duration(f.activityCadenceMedianMs)}: a timer drives it (in working hours or round the clock), not a person.`
        : `${f.activitySessionOnBeat} of ${plural(f.activityCadenceGaps, "gap")} under 3 hours between moments of activity are within 15% of their own session's usual gap (${duration(f.activityCadenceMedianMs)} over all): a steady pace each session, as a robot's is, not a person's.`,
  },
  {
    id: "activity-schedule",
    family: "logins",
    defaultWeight: 2,
    machine: "weak",
    score: (f, ctx) => (activitySchedule(f, ctx) ? 1 : null),
    explain: (f, ctx) =>
      `Bursts of activity start at about ${hhmm(f.scheduleMinute)} account-local time (within 30 minutes${f.scheduleAcrossClockChange ? ", or an hour apart on the two sides of a clock change" : ""}) on ${f.scheduleDays} of ${plural(f.activityDays, "active day")}${workdayTimetable(f, ctx) ? `, and ${f.timetableBursts} of its ${f.burstCount} bursts start in ${f.timetableWindows} such half-hours of the day, on workdays only` : ""}: a scheduled job.`,
  },
  {
    id: "login-round-the-clock",
    family: "logins",
    defaultWeight: 2.5,
    machine: "strong",
    score: (f, ctx) => (roundTheClock(f, ctx) ? 1 : null),
    explain: (f, { t }) =>
      `${plural(f.loginCount, "login")} spread over ${f.loginDistinctHours} distinct hours of the day (threshold ${t.roundTheClockHours}).`,
  },
  {
    id: "login-fixed-cadence",
    family: "logins",
    defaultWeight: 2.5,
    machine: "strong",
    score: (f, ctx) => (fixedCadence(f, ctx) ? 1 : null),
    explain: (f, { t }) =>
      f.loginIntervalCv <= cadenceCvLimit(f, t)
        ? `${plural(f.loginCount, "login")} at a fixed cadence: mean interval ${duration(f.loginMeanIntervalMs)}, coefficient of variation ${f.loginIntervalCv.toFixed(2)} (threshold ${Number(cadenceCvLimit(f, t).toFixed(3))}), from ${loginIpText(f)}.`
        : `${plural(f.loginCount, "login")}, ${f.loginSessionGapCount} of them within 3 hours of the previous one at a fixed cadence (${f.loginSessionGapCv <= t.steadySessionCadenceCv ? `coefficient of variation ${f.loginSessionGapCv.toFixed(2)}, threshold ${t.steadySessionCadenceCv}` : `coefficient of variation ${f.loginSessionGapCv.toFixed(2)}, within ${t.maxSessionCadenceCv}, and a median deviation of ${Math.round(f.loginSessionGapSpread * 100)}% of the median interval, threshold ${Math.round(t.maxSessionGapSpread * 100)}%`}), from ${loginIpText(f)}: a timer, in working hours or round the clock.`,
  },
  {
    id: "login-flood",
    family: "logins",
    defaultWeight: 2,
    machine: "strong",
    score: (f, ctx) => (loginFlood(f, ctx) ? 1 : null),
    explain: (f, { t }) =>
      `${plural(f.loginCount, "login")} on ${loginFloodDays(f) === f.activityDays ? plural(f.activityDays, "active day") : `${f.loginDays} days with a sign-in`}, about ${(f.loginCount / loginFloodDays(f)).toFixed(1)} a day (threshold ${t.machineLoginsPerDay}): more sign-ins than a person makes; a script signs in through the browser.`,
  },
  {
    id: "login-schedule",
    family: "logins",
    defaultWeight: 2,
    machine: "weak",
    score: (f, ctx) => (loginSchedule(f, ctx) ? 1 : null),
    explain: (f, { t }) =>
      `${f.scheduledLoginCount} of ${plural(f.loginCount, "login")} at about ${clock(f.scheduledMinute, t.utcOffsetMinutes)} (within ${t.scheduleWindowMinutes} minutes) on different days, ${
        f.scheduledOffHoursCount > 0
          ? `${f.scheduledOffHoursCount} of them on a weekend or outside business hours`
          : `and the first sign-in of ${f.punctualSittingDays} of the ${plural(f.firstSittingDays, "day")} with one within ${PUNCTUAL_SPAN_MINUTES} minutes of one time of day (a daylight-saving change allowed for), as no person arrives`
      }: a scheduled job logs in as this account.`,
  },
  {
    id: "login-daily-slots",
    family: "logins",
    defaultWeight: 2.5,
    machine: "strong",
    // Factor 0.6, and weak machine evidence, where no work of the account's is recorded.
    score: (f, ctx) => (dailySlots(f, ctx) ? 1 : unverifiedTimetable(f, ctx) ? UNVERIFIED_TIMETABLE : null),
    explain: (f, { t }) =>
      `${f.dailySlotSittings} of ${plural(f.loginSittings, "sign-in")} at ${f.dailySlotCount} fixed times of day (${f.dailySlotMinutes.map((m) => `${hhmm(m)} UTC`).join(", ")}${clockChangeText(f)}, each within ${t.dailySlotWindowMinutes} minutes), each time on at least ${f.dailySlotFewestDays} of the ${plural(f.loginSittingDays, "day")} with a sign-in, ${
        f.sittingWorkEvents === 0
          ? "and no work of the account's is recorded, so whether its sittings are short cannot be told: a robot's timetable, or a person made to sign in at fixed times; weak evidence."
          : `and ${f.sittingWorkNearSignIn} of ${plural(f.sittingWorkEvents, "event")} of work within ${t.dailySlotWindowMinutes} minutes of a sign-in (or of a fixed time, where the sign-in was not recorded): a robot's timetable of short sittings; a person's sign-ins wander, and their work goes on for hours.`
      }`,
  },
  {
    id: "automation-user-agent",
    family: "corroboration",
    defaultWeight: 0,
    score: (f) => (mostlyAutomationAgents(f) ? 1 : null),
    explain: (f) =>
      `${f.automationUserAgentCount} of ${plural(f.userAgentEventCount, "event")} with a user agent came from automation clients (e.g. ${f.automationUserAgentSample ?? "unknown"}).`,
  },
  {
    id: "datacenter-ip",
    family: "logins",
    defaultWeight: 1,
    machine: "weak",
    score: (f) => (fromCloud(f) ? 1 : null),
    explain: (f) =>
      `${f.datacenterIpCount} of ${plural(f.ipEventCount, "event")} with an IP address came from cloud-provider ranges (e.g. ${f.datacenterIpSample ?? "unknown"}).`,
  },
  {
    id: "email-otp",
    family: "logins",
    defaultWeight: 2,
    machine: "strong",
    // On a person the challenge is no evidence of a bot (factor 0), but it explains an enable-2sv advice.
    // So is it where the only machine-like trait is a schedule that a person's punctual start of
    // day keeps (a minority of their sign-ins; without 2SV a code follows each of them), not a
    // scheduled browser's (its minute at most sign-ins, or cloud addresses of its own).
    score: (f, ctx) => (f.otpCount === 0 ? null : otpFlood(f, ctx) ? 1.5 : machineLike(f, ctx) || (onSchedule(f, ctx) && !routineStart(f, ctx)) ? 1 : 0),
    explain: (f, ctx) => {
      const actions: string[] = [];
      const list = ctx.matchers.emailOtpActionList;
      for (let i = 0; i < list.length && i < 31; i++) if ((f.otpActionMask & (1 << i)) !== 0) actions.push(list[i] as string);
      const what = `${plural(f.otpCount, "email OTP challenge")} (${actions.join(", ")})`;
      if (otpFlood(f, ctx)) return `${what}, about ${(f.otpCount / f.activityDays).toFixed(1)} a day (threshold ${ctx.t.machineOtpPerDay}): more than any person answers; automation cannot read an inbox.`;
      if (machineLike(f, ctx)) return `${what} on an account that behaves like automation, which cannot read an inbox.`;
      if (onSchedule(f, ctx)) {
        return routineStart(f, ctx)
          ? `${what}; two-step verification is ${f.user.mfaEnabled === true ? "enabled" : "not enabled"}. Its only machine-like trait is a schedule at a minority of its sign-ins, as a person's routine start of day keeps: the codes count as a person's.`
          : `${what} on an account that signs in on a schedule ${signsInFromOwnCloud(f, ctx) ? "from cloud addresses" : f.scheduledLoginCount * 2 < f.loginCount ? "that starts its day to the minute" : "at most of its sign-ins"}, as a scheduled browser does, which cannot read an inbox.`;
      }
      return `${what}; two-step verification is ${f.user.mfaEnabled === true ? "enabled" : "not enabled"}.`;
    },
  },
  {
    id: "bot-name",
    family: "identity",
    defaultWeight: 1.5,
    score: botNameFactor,
    explain: (f, ctx) => {
      const { where, text } = identityText(f, ctx.matchers);
      const hits: string[] = [];
      for (const source of [text, text !== f.user.nickname ? (f.user.nickname ?? "") : ""]) {
        for (const token of source.toLowerCase().split(TOKEN_SEPARATORS)) if (ctx.matchers.nameToken.test(token) && !hits.includes(token)) hits.push(token);
      }
      if (hits.length === 0 && !ctx.matchers.nameWord.test(text) && machineTitle(f)) {
        return `Job title "${f.user.jobTitle ?? ""}" says the account is no person's.`;
      }
      // Multi-token patterns such as `no-reply` only match the whole local part.
      if (hits.length === 0) hits.push(text.toLowerCase());
      const notes: string[] = [];
      if ((botNameFactor(f, ctx) ?? 0) < 1) {
        if (!leadsWithBotWord(text, f, ctx.matchers)) notes.push("not the leading word");
        if (f.recentUiProductCount > 0) notes.push("damped because the account uses the UI like a person");
      }
      return `${where} contains bot-like word${hits.length === 1 ? "" : "s"} ${hits.map((h) => `\`${h}\``).join(", ")}${notes.length > 0 ? ` (${notes.join("; ")})` : ""}.`;
    },
  },
  {
    id: "role-mailbox",
    family: "identity",
    defaultWeight: 1,
    // Not damped by UI use, unlike bot-name: people using a team's account is what makes it shared.
    score: (f, ctx) => (roleAddress(f, ctx) || spelledApart(f, ctx) !== null ? 1 : null),
    explain: (f) => {
      const { where } = identityText(f);
      return `${where} is a role address that belongs to a team, not a person: people and scripts may share it.`;
    },
  },
  {
    id: "empty-profile",
    family: "identity",
    defaultWeight: 1,
    score: ({ user: { jobTitle, department, picture } }) =>
      // Only judge a profile that was collected: all three missing means the source had none.
      (jobTitle === undefined && department === undefined && picture === undefined) || jobTitle || department || chosenPicture(picture) ? null : 1,
    explain: () => "Profile has no job title, department or picture.",
  },
  {
    id: "not-idp-linked",
    family: "identity",
    defaultWeight: 0.5,
    score: ({ user }) => (user.managementSource === undefined || user.managementSource === "synced" ? null : 1),
    explain: ({ user }) => `Account is not managed by the identity provider (managementSource: ${user.managementSource ?? "none"}).`,
  },
  {
    id: "no-2sv",
    family: "identity",
    defaultWeight: 0.5,
    score: ({ user }) => (user.mfaEnabled === false || user.mfaEnabled === null ? 1 : null),
    explain: () => "Two-step verification is not enabled.",
  },
  {
    id: "recent-ui-activity",
    family: "human",
    defaultWeight: -2,
    // UI activity that a job's own logins explain is no evidence of a person (factor 0).
    score: (f, ctx) => (f.recentUiProductCount === 0 ? null : uiExplainedByMachine(f, ctx) ? 0 : f.recentUiProductCount >= 2 ? 1.5 : 1),
    explain: (f, ctx) => {
      const { t, referenceMs } = ctx;
      const cutoff = referenceMs - t.staleUiDays * DAY_MS;
      const products: string[] = [];
      for (const access of f.user.productAccess) {
        if (access.lastActiveTimestamp && isoToMs(access.lastActiveTimestamp) >= cutoff && !products.includes(access.key)) products.push(access.key);
      }
      if (!f.uiActivityKnown) products.push("signed in");
      const explained = setupOnlyUi(f, ctx)
        ? "; not counted as a person's: it is the setup sign-in of an account added within a day of it"
        : uiExplainedByMachine(f, ctx)
          ? "; not counted as a person's: the account's logins are machine-like"
          : "";
      return `Last UI activity ${lastUiText(f, referenceMs)}; active in ${plural(f.recentUiProductCount, "product")} within ${t.staleUiDays} days (${products.join(", ")})${explained}.`;
    },
  },
  {
    id: "interactive-logins",
    family: "human",
    defaultWeight: -2,
    score: (f, ctx) => (interactiveLogins(f, ctx) ? (f.loginIpCount >= 2 ? 1 : 0.75) : null),
    explain: (f, { t }) => {
      const agents = f.loginBrowserCount + f.loginAutomationCount > 0 ? `, ${f.loginBrowserCount} with a browser user agent` : "";
      const local = f.localOffsetMinutes !== t.utcOffsetMinutes ? " account-local time" : "";
      return `${f.loginBusinessHourCount} of ${plural(f.loginCount, "login")} on ${f.restDayShift === 0 ? "weekdays" : "its working days"} between ${t.businessHoursStart}:00 and ${t.businessHoursEnd}:00${local}${agents}, from ${loginIpText(f)}.`;
    },
  },
  {
    id: "working-hours-only",
    family: "human",
    defaultWeight: -3,
    score: (f, ctx) => (workingHoursOnly(f, ctx) ? 1 : null),
    explain: (f) =>
      `${plural(f.activityEvents, "event")} on ${plural(f.activityDays, "day")}, ${pct(f.quietShare)} of them in the quietest 8 hours of the day (from ${hh(f.quietStartHour)} UTC), on ${restDaysText(f)}: used in working hours only.`,
  },
  {
    id: "full-profile",
    family: "human",
    defaultWeight: -1,
    // A title that names the account a machine's ("Service Account", "Technical User") is no person's.
    score: ({ user }) => (user.jobTitle && user.department && !MACHINE_TITLE.test(user.jobTitle) ? 1 : null),
    explain: ({ user }) => `Profile has job title "${user.jobTitle ?? ""}" and department "${user.department ?? ""}"${chosenPicture(user.picture) ? " and a picture" : ""}.`,
  },
  {
    id: "idp-synced",
    family: "human",
    defaultWeight: -1,
    score: ({ user }) => (user.managementSource === "synced" ? 1 : null),
    explain: () => "Account is synced from the identity provider.",
  },
  {
    id: "2sv-enabled",
    family: "human",
    defaultWeight: -1,
    score: ({ user }) => (user.mfaEnabled === true ? 1 : null),
    explain: () => "Two-step verification is enabled.",
  },
  {
    id: "admin-role",
    family: "amplifier",
    defaultWeight: 0,
    score: ({ user }) => (isAdmin(user.platformRoles) ? 1 : null),
    explain: ({ user }) => {
      const roles = (user.platformRoles ?? []).filter((role) => ADMIN.test(role));
      return `Holds admin role${roles.length === 1 ? "" : "s"} ${roles.join(", ")}.`;
    },
  },
  {
    id: "admin-group",
    family: "amplifier",
    defaultWeight: 0,
    score: ({ user }, { adminGroupIds }) => {
      if (adminGroupIds.size === 0) return null;
      for (const id of user.groupIds) if (adminGroupIds.has(id)) return 1;
      return null;
    },
    explain: ({ user }, { adminGroupIds, groupsById }) => {
      const names = user.groupIds.filter((id) => adminGroupIds.has(id)).map((id) => groupsById.get(id)?.name ?? id);
      return `Member of admin group${names.length === 1 ? "" : "s"} ${names.join(", ")}.`;
    },
  },
  {
    id: "many-groups",
    family: "amplifier",
    defaultWeight: 0,
    score: ({ user }, { t }) => (user.groupIds.length >= t.manyGroups ? 1 : null),
    explain: ({ user }, { t }) => `Member of ${user.groupIds.length} groups (threshold ${t.manyGroups}).`,
  },
  {
    id: "token-expiring",
    family: "amplifier",
    defaultWeight: 0,
    score: (f, { t, referenceMs }) =>
      f.soonestExpiringToken !== null && f.soonestExpiryMs - referenceMs <= t.tokenExpiryDays * DAY_MS ? 1 : null,
    explain: (f, { referenceMs }) =>
      `API token \`${f.soonestExpiringToken?.label ?? ""}\` expires ${day(f.soonestExpiringToken?.expiresAt ?? "")} (${relative(f.soonestExpiryMs, referenceMs)}); whatever uses it will break.`,
  },
];

/** True when any platform role is an org or site admin role. */
export function isAdmin(platformRoles: readonly string[] | undefined): boolean {
  if (platformRoles === undefined) return false;
  for (const role of platformRoles) if (ADMIN.test(role)) return true;
  return false;
}

/** Ids of the groups whose name marks them as admin groups (e.g. `jira-administrators`). */
export function adminGroupIds(groups: Iterable<Group>): Set<string> {
  const ids = new Set<string>();
  for (const group of groups) if (ADMIN.test(group.name)) ids.add(group.id);
  return ids;
}

/** Family of each rule, for confidence. */
export const RULE_FAMILY: ReadonlyMap<string, SignalFamily> = new Map(RULES.map((rule) => [rule.id, rule.family]));
