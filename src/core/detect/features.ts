import type { ApiToken, AuditEvent, ProductAccess, ServiceAccount, Snapshot, User } from "../snapshot/schema.js";
import type { DetectionConfig } from "./config.js";
import { eventsNearSignIns, nearOneOf, extractEvents, isPersonTokenEvent, tokenUseTimes, workdayTokenBesideOtherLocal, type EventCoverage } from "./features/events.js";
import { classifyUserAgent, type Matchers } from "./features/matchers.js";
import { extractProfile, uiActivityRecorded } from "./features/profile.js";
import { cloudTokenSchedule, extractSchedule, tokenStartSchedule } from "./features/schedule.js";
import { buildEventIndex } from "./features/table.js";
import type { SlotLookup } from "../snapshot/account-slots.js";
import { extractTokens } from "./features/tokens.js";
import { DAY_MS, isoToMs } from "./time.js";

export { classifyUserAgent, compileMatchers, PrefixMatcher, type Matchers, type UserAgentKind } from "./features/matchers.js";
export { busiestWindow, coefficientOfVariation } from "./features/schedule.js";
export { localPartOf, SIGN_IN_ACCESS_ID } from "./features/profile.js";
export { coarseTimeGrainMs, signInsPerDay, type EventCoverage } from "./features/events.js";

/**
 * Everything the rules need to know about one account. Numbers and references only: sentences
 * are written later, and only for accounts that end up in the report. Each group of fields is
 * filled by one extractor in `features/`.
 */
export interface AccountFeatures {
  // Profile and lifecycle (features/profile.ts).
  user: User;
  /** The part of the email before the `@`, or null without an email. */
  localPart: string | null;
  /** The product with the most recent UI activity, and when (ms); null when never active in the UI. */
  lastUiAccess: ProductAccess | null;
  lastUiMs: number;
  /** Products with UI activity within `staleUiDays` of the reference time. */
  recentUiProductCount: number;
  /**
   * The snapshot records this account's UI activity (a last-active time, or null for "never",
   * on its products). When false, `lastUiAccess` is its latest sign-in in the audit log.
   */
  uiActivityKnown: boolean;
  /**
   * Where UI activity is not known: the days of the log with work done from a browser (not a
   * sign-in alone; `BROWSER_WORK`). 0 where it is known.
   */
  browserWorkDays: number;
  /** The service account a migration created for this account (paired by its marker), or null. */
  migratedTo: ServiceAccount | null;
  /**
   * The products' recent last-active times all fall on the account's own API-token calls, and the
   * log holds nothing else of it (`uiAtTokenCalls`): the calls set them, not a visit. The account's
   * UI activity is then read as not known (`uiActivityKnown` false, no sign-in to stand for it).
   */
  uiAtTokenCalls: boolean;

  // Tokens (features/tokens.ts).
  tokenCount: number;
  /** A token still allowed and unexpired at the reference time (the first listed), whether or not it was ever used; null without one. */
  usableToken: ApiToken | null;
  /** One of the account's tokens records its last use (`lastActiveAt`, null for never). */
  tokenUseListed: boolean;
  /** The most recently used token, and when (ms); null when no token was ever used. */
  lastUsedToken: ApiToken | null;
  lastTokenUseMs: number;
  /** The most recently used of the tokens still allowed (a blocked one can no longer be in use), and when; null and 0 without one. */
  lastAllowedToken: ApiToken | null;
  lastAllowedTokenUseMs: number;
  usedTokenCount: number;
  /** The allowed token expiring soonest at or after the reference time, and when (ms). */
  soonestExpiringToken: ApiToken | null;
  soonestExpiryMs: number;
  /** The most recently used token whose label names a system (`systemTokenLabel`), or null, and when it was used (ms; NaN without one). */
  systemToken: ApiToken | null;
  systemTokenUseMs: number;
  /** The system token is still allowed and not expired at the reference time. */
  systemTokenUsable: boolean;
  /** The token created last, when (ms), and when it was last used (ms, from the list or the log; NaN if never); null and NaN when no token records its creation. */
  newestToken: ApiToken | null;
  newestTokenCreatedMs: number;
  newestTokenUseMs: number;
  /**
   * For accounts with `CLOUD_SCHEDULE_MIN_CALLS` token calls from cloud addresses or more (0 and
   * -1 otherwise; schedule.ts, `cloudTokenSchedule`): the days with such a call, the most of them
   * whose first one keeps one half-hour of the day, the Saturdays and Sundays among those, and
   * the UTC minute the half-hour starts.
   */
  cloudTokenDays: number;
  cloudTokenOnTime: number;
  cloudTokenWeekends: number;
  cloudTokenMinute: number;
  /**
   * For accounts with `TOKEN_SCHEDULE_MIN_CALLS` token calls or more (0 and -1 otherwise;
   * schedule.ts, `tokenStartSchedule`): the days with a token call, the most of them with a run of
   * calls starting in one three-minute window of the day, the Saturdays and Sundays among those,
   * and the UTC minute the window starts.
   */
  tokenStartDays: number;
  tokenStartOnTime: number;
  tokenStartWeekends: number;
  tokenStartMinute: number;
  /** The runs of token calls started, and the most of them in one three-minute window of the hour (0 below `TOKEN_SCHEDULE_MIN_CALLS` calls). */
  tokenStarts: number;
  tokenStartHourOnTime: number;

  // Events, one attribute at a time (features/events.ts).
  eventCount: number;
  /** Events done with an API token (`tokenId` or `authType` recorded). */
  tokenEventCount: number;
  tokenEventSample: string | null;
  userAgentEventCount: number;
  automationUserAgentCount: number;
  automationUserAgentSample: string | null;
  /** Events from a robotic-process-automation client's agent (UiPath, Automation Anywhere, Blue Prism, Power Automate). */
  rpaUserAgentCount: number;
  /** Events from a television's or a signage player's browser: a wallboard's. */
  screenUserAgentCount: number;
  /** Events from a single-board computer's desktop browser (a Raspberry Pi's): a wallboard's player, or an ARM laptop's. */
  boardUserAgentCount: number;
  ipEventCount: number;
  datacenterIpCount: number;
  datacenterIpSample: string | null;
  /** API-token calls with an IP address, and those from cloud-provider ranges. */
  tokenIpEventCount: number;
  tokenCloudCount: number;
  /** Logins with an IP address, and those from cloud-provider ranges. */
  loginIpEventCount: number;
  loginCloudCount: number;
  otpCount: number;
  /** Which email-OTP action keys were seen, as bits of `Matchers.emailOtpActions`. */
  otpActionMask: number;

  // Logins and schedule (features/schedule.ts).
  loginCount: number;
  /** Distinct hours of the (org-local) day with at least one login. */
  loginDistinctHours: number;
  /** Longest run of hours of the day (UTC, through midnight) with no login at all. */
  loginQuietHours: number;
  /** Logins on a weekday within business hours. */
  loginBusinessHourCount: number;
  /** Distinct IP addresses of logins, counted up to 4 (4 means "more than 3"). */
  loginIpCount: number;
  /**
   * Sign-ins from an address that neither of the two sign-ins before it came from: nearly all of a
   * phone's on a carrier's network, few of a script's, whose one or two hosts take turns.
   */
  loginRoamingCount: number;
  /** Every sign-in address of the account (three at most) is one that five accounts or more sign in from: the org's egress. */
  loginFromSharedEgress: boolean;
  /** One login IP address, for evidence (a sample: see `AccountTable.features`). */
  loginIpSample: string | null;
  /** Logins with a browser or an automation user agent; sources without user agents leave both 0. */
  loginBrowserCount: number;
  loginAutomationCount: number;
  /**
   * Browsers of the sign-ins, for accounts with 20 browser sign-ins or more (0 otherwise): the
   * families among Chrome, Firefox, Safari, Edge and Opera (versions and platforms aside), and one
   * more for a phone's browser beside a computer's. A tester's several browsers, a script's one.
   */
  loginBrowserFamilies: number;
  /** Of those families, the ones seen on computers (Windows, macOS, Linux), a phone's aside: each of a desk's staff at their own computer, or one person's laptop. */
  loginComputerFamilies: number;
  /**
   * Days (UTC) on which the sign-ins from computers' browsers went from one platform (Windows,
   * macOS, Linux) to another and back, for accounts with 15 browser sign-ins or more (0 otherwise):
   * people at different desks taking turns.
   */
  loginDeviceSwitchDays: number;
  /**
   * The largest group of logins at the same time of day (within `scheduleWindowMinutes`), counting
   * one login per sitting: how a scheduled job that logs in shows up among people's logins.
   */
  scheduledLoginCount: number;
  /** How many logins of that group fell on a weekend or outside business hours. */
  scheduledOffHoursCount: number;
  /** Org-local minute of the day where that group starts; -1 without one. */
  scheduledMinute: number;
  /** Coefficient of variation of the intervals between consecutive logins; NaN below two intervals. */
  loginIntervalCv: number;
  /** Mean interval between consecutive logins (ms); NaN below two intervals. */
  loginMeanIntervalMs: number;
  /**
   * How far the intervals wander (ms), measured only where their coefficient of variation is
   * within `maxCadenceCv` at a mean interval of 2 hours or more (NaN otherwise): the median
   * absolute deviation of the time from each login to the one about a day before it (as many
   * logins back as a day holds mean intervals). A steady beat of a day can still wander by an
   * hour, as a person's morning sign-in does.
   */
  loginIntervalSpreadMs: number;
  /**
   * Intervals between consecutive logins shorter than 3 hours (within a working session), and
   * their coefficient of variation (NaN below two): a job that runs in business hours only has a
   * fixed cadence inside the day, which the overnight gaps hide from `loginIntervalCv`.
   */
  loginSessionGapCount: number;
  loginSessionGapCv: number;
  /**
   * The median absolute deviation of those in-session intervals, as a share of their median (NaN
   * unless they could hold a cadence: `minSessionCadenceLogins` of them within
   * `maxSessionCadenceCv`): near 0 for a timer, whose intervals repeat exactly though lost runs
   * double a few of them; a person's spread out.
   */
  loginSessionGapSpread: number;
  /** Distinct UTC days with a login (every account). */
  loginDays: number;
  /** Sign-ins whose user agent is a headless browser's or a scripting library's. */
  loginScriptedCount: number;
  /**
   * Fixed times of day (features/daily-slots.ts), judged for accounts with `minScheduledLogins`
   * logins or more (0 otherwise): sittings (logins more than `scheduleWindowMinutes` after the
   * previous one) and their distinct UTC days; the slots found, the sittings in them, and the
   * fewest days a slot recurs on.
   */
  loginSittings: number;
  loginSittingDays: number;
  /** Days with a sign-in sitting (for accounts with `PUNCTUAL_MIN_DAYS` sittings or more, else 0). */
  firstSittingDays: number;
  /** The most of those days whose first sitting is within `PUNCTUAL_SPAN_MINUTES` of one time of day, a job on local time's clock change allowed for (features/schedule.ts). */
  punctualSittingDays: number;
  dailySlotCount: number;
  dailySlotSittings: number;
  dailySlotFewestDays: number;
  /** With two slots or more: the slots within three minutes (TIGHT_SLOT_MINUTES), and the fewest days one recurs on. */
  tightSlotCount: number;
  tightSlotFewestDays: number;
  /**
   * For the same accounts: the gaps between sign-in sittings (sign-ins more than half an hour
   * after the start of the one before), and those that last 5 to 11 hours, a shift's length.
   */
  sittingGaps: number;
  handoverGaps: number;
  /**
   * For accounts with 8 such gaps or more: the sittings followed by another 5 to 11 hours later
   * and by another 13 to 19 hours later, as the next two shifts of a desk sign in (0 for other
   * accounts). One person's evening sitting is followed by a night.
   */
  shiftChainSittings: number;
  /**
   * For the same accounts: the longest run of hours of the day (UTC) with sign-ins on fewer than
   * two days (24 for other accounts). A stray sign-in at night fills no hour; a desk's shifts sign
   * in at their hours day after day.
   */
  shiftQuietHours: number;
  /** For the same accounts: the share of the (UTC) days from the first sign-in to the last that have one. */
  signInDayShare: number;
  /**
   * For accounts with `minLogins` sign-ins or more: their work (events other than sign-ins and
   * what may be OTP challenges), and how much of it follows a sign-in within
   * `dailySlotWindowMinutes` (or, for an account with two daily slots or more where no sign-in
   * was recorded, falls near a slot's time of day: see `atSlotTime`). A robot's sitting is a
   * minute of steps; a person keeps working for hours.
   */
  sittingWorkEvents: number;
  sittingWorkNearSignIn: number;
  /** Of those, the events in the second half of the time to the next sign-in, where that comes within 3 hours. */
  sittingWorkLate: number;
  /** Of those, the events an hour to 14 hours after the latest sign-in: a long sitting's work. */
  sittingWorkHoursLater: number;
  /** Of those, the events more than 14 hours after the latest sign-in: work with no sign-in that day. */
  sittingWorkBeyondDay: number;
  /** The hours of the UTC day that the work an hour to 14 hours after a sign-in falls in: a shift's spreads, a job's later step keeps one. */
  sittingWorkLaterHours: number;
  /**
   * The most active days (account-local) whose last event falls in one 30-minute window of the
   * day: a job that stops at a set time keeps one, a person closing the laptop does not. Counted
   * for accounts with token events and sign-ins only (0 otherwise).
   */
  dayEndDays: number;
  /**
   * The share of the sign-ins (with an address) made from the account's most used address: a
   * robot's host keeps most of them. Counted for accounts with email OTPs that sign in from three
   * addresses or more (NaN otherwise).
   */
  topSignInAddressShare: number;
  /** UTC minute of the day where each slot starts, for evidence (a sample: see `AccountTable.features`). */
  dailySlotMinutes: number[];
  /**
   * When the slots were found across a daylight-saving change: its instant, and how far the
   * sittings after it were moved to line up with the minutes above (NaN and 0 otherwise; a sample).
   */
  dailySlotClockChangeMs: number;
  dailySlotClockShiftMinutes: number;
  /**
   * Of the first three API tokens seen in events (five events each at least), one is used in
   * business hours only and another mostly outside them or at one time of day: a person's token
   * beside a script's.
   */
  workdayTokenBesideOther: boolean;
  /** Events of every kind that the activity timing below was measured on; 0 when too few to judge. */
  activityEvents: number;
  /** Distinct days with activity, and days from the first activity to the reference time. */
  activityDays: number;
  activitySpanDays: number;
  /** Distinct hours of the (UTC) day with activity. */
  activityDistinctHours: number;
  /** Share of activity in the quietest 8-hour stretch of the day (people sleep; round-the-clock jobs do not); NaN without timing. */
  quietShare: number;
  /** UTC hour where that quiet stretch starts; -1 without timing. */
  quietStartHour: number;
  /** The account's own offset from UTC in minutes, inferred from its week (see activity.ts); the org's without timing. */
  localOffsetMinutes: number;
  /**
   * Share of the account's first and second rest days in the span with activity (account-local);
   * NaN when the span has none. The rest days are Saturday and Sunday unless the account's activity
   * shows another pair clearly (`restDayShift`); the fields keep the Saturday and Sunday names.
   */
  saturdayCoverage: number;
  sundayCoverage: number;
  weekendDaysInSpan: number;
  /** Days with a burst starting in one 3-minute window of the day (counted where a 10-minute window holds 60% of the active days; 0 otherwise): a timer's minute. */
  exactStartDays: number;
  /** Days the rest days are moved on from Saturday and Sunday (6: Friday and Saturday); 0 for a Monday-to-Friday week or none found. */
  restDayShift: number;
  /**
   * Whole weeks (seven days from the first active day) up to the last active day, and those of
   * them with a day off: a day or two without activity, not a longer run (leave, a job's pause).
   */
  spanWeeks: number;
  restedWeeks: number;
  /** Local weekdays of those days off (a bit per weekday, Sunday = bit 0). */
  restWeekdayMask: number;
  /** Those days off, and of them those on the weekday that holds the most. */
  restDays: number;
  restDaysTopWeekday: number;
  /** Silences of 13 hours or more between consecutive events: about one a day for a person on any shift, rare for a round-the-clock job. */
  longGapCount: number;
  /** Days with activity before 06:00 in the account's local time. */
  nightDays: number;
  /** The longest run of days without activity before 06:00 local that has activity on 3 days or more; 0 when none. */
  restingRunDays: number;
  /**
   * Three-day stretches (from the first event) with 16 events or more, and of those the stretches
   * whose quietest 8 hours (UTC) hold at most 5% of their activity: a night's sleep, wherever it
   * falls. A person who travels across time zones sleeps in every stretch at a different time; a
   * round-the-clock job has no quiet stretch anywhere.
   */
  judgedStretches: number;
  quietStretches: number;
  /** Bursts of activity (a burst starts after 30 minutes of silence). */
  burstCount: number;
  /** Distinct days with a burst starting in the busiest 30-minute time-of-day window, and where it starts. */
  scheduleDays: number;
  scheduleMinute: number;
  /** Those days count bursts an hour later (or earlier) on one side of one day, as a daylight-saving change moves a job scheduled in local time. */
  scheduleAcrossClockChange: boolean;
  /**
   * A timetable of bursts, for activity with no weekend and few, short bursts a day (90% of them
   * over within 20 minutes): the 20-minute windows of the day (up to four, each the busiest of the
   * bursts the ones before left) that hold a burst on `minScheduleDays` days and 70% of the active
   * days or more, and the bursts in them.
   */
  timetableWindows: number;
  timetableBursts: number;
  /**
   * A timer's beat, in all of the activity: moments of activity (events within 2 minutes of each
   * other are one), the gaps between consecutive moments shorter than 3 hours, their median, and
   * how many of those gaps lie within 15% of it. NaN median with fewer than two gaps.
   */
  activityMoments: number;
  activityCadenceGaps: number;
  activityCadenceMedianMs: number;
  activityCadenceOnBeat: number;
  /** Gaps on the beat of their own session (a session of 10 gaps or more): a pace that differs from day to day. */
  activitySessionOnBeat: number;
}

/** Per-account features for one audit, filled on demand from columns built in one pass each. */
export interface AccountTable {
  /** Slot of each account id. */
  slotOf: SlotLookup;
  /** True for the slots of accounts that are the org's service accounts. */
  isServiceAccount(slot: number): boolean;
  /**
   * Fills the shared features object for one slot (the same object every call). The samples
   * (`tokenEventSample`, `automationUserAgentSample`, `datacenterIpSample`, `loginIpSample`,
   * `dailySlotMinutes`) are
   * read only `withSamples`: evidence quotes them, scoring never does.
   */
  features(slot: number, withSamples?: boolean): AccountFeatures;
  /** Fills in the samples of `f`, what `features(slot)` returned. */
  samples(slot: number, f: AccountFeatures): void;
  /** The times of one account's calls with a person's API token, in order (ms). */
  tokenUseTimes(slot: number): number[];
  /** For each of `actions`, how many of its events come within `windowMs` of a sign-in of the same account. */
  eventsNearSignIns(actions: ReadonlySet<string>, windowMs: number): Map<string, number>;
  /** What the audit log records at all, for the report's notes on unavailable signals. */
  coverage: EventCoverage;
  /** False when the snapshot records no UI activity: each account's latest sign-in then stands for it (features/profile.ts). */
  uiActivityRecorded: boolean;
  /** See `ScheduleFeatures.scheduledStart`. */
  scheduledStart(slot: number): number;
  /** See `ScheduleFeatures.scheduledOffHours`. */
  scheduledOffHours(slot: number): number;
}

/** Builds the account table for one audit. */
export function buildAccountTable(snapshot: Snapshot, matchers: Matchers, config: DetectionConfig, referenceMs: number): AccountTable {
  const t = config.thresholds;
  const index = buildEventIndex(snapshot);
  const tokens = extractTokens(snapshot, index, referenceMs);
  const events = extractEvents(index, matchers, t);
  const schedule = extractSchedule(index, events.eventKinds, events.ipKeys, events.coverage, t, referenceMs, matchers);
  const uiRecorded = uiActivityRecorded(snapshot.users);
  const profile = extractProfile(snapshot, index, events.eventKinds, t.staleUiDays, referenceMs, DAY_MS, uiRecorded, (tag) => matchers.nameWord.test(tag));
  const f = emptyFeatures(snapshot.users[0] as User);
  // Addresses that `ORG_DESK_ACCOUNTS` accounts or more work from by hand (no API token): an
  // office's egress. Counted once, when the first account's token runs keep a time.
  let deskAccounts: Map<string, number> | null = null;
  const scripted = (userAgent: string): boolean => classifyUserAgent(userAgent, matchers) === "automation";
  const orgDesk = (ip: string): boolean => {
    if (deskAccounts === null) {
      deskAccounts = new Map();
      for (let slot = 0; slot < snapshot.users.length; slot++) {
        const seen = new Set<string>();
        for (let k = index.firstEvent[slot] as number; k !== -1; k = index.nextEvent[k] as number) {
          const event = index.events[k] as AuditEvent;
          if (!event.ip || seen.has(event.ip) || isPersonTokenEvent(event, index.apiTokenIds)) continue;
          seen.add(event.ip);
          deskAccounts.set(event.ip, (deskAccounts.get(event.ip) ?? 0) + 1);
        }
      }
    }
    return (deskAccounts.get(ip) ?? 0) >= ORG_DESK_ACCOUNTS;
  };
  return {
    slotOf: index.slotOf,
    isServiceAccount: profile.isServiceAccount,
    scheduledStart: (slot) => schedule.scheduledStart(slot),
    scheduledOffHours: (slot) => schedule.scheduledOffHours(slot),
    features(slot, withSamples = false) {
      profile.fill(slot, f);
      tokens.fill(slot, f);
      f.eventCount = index.eventCount[slot] as number;
      events.fill(slot, f, withSamples);
      schedule.fill(slot, f);
      // A person's working-hours token is told from their script's in their own week, not the org's.
      if (!f.workdayTokenBesideOther && f.tokenEventCount > 0 && (f.localOffsetMinutes !== t.utcOffsetMinutes || f.restDayShift !== 0)) {
        f.workdayTokenBesideOther = workdayTokenBesideOtherLocal(index, slot, t, f.localOffsetMinutes * 60_000, f.restDayShift);
      }
      f.cloudTokenDays = f.cloudTokenOnTime = f.cloudTokenWeekends = 0;
      f.cloudTokenMinute = -1;
      if (f.tokenCloudCount >= CLOUD_SCHEDULE_MIN_CALLS) {
        const run = cloudTokenSchedule(index, slot, matchers.datacenterIp, f.localOffsetMinutes * 60_000);
        f.cloudTokenDays = run.days;
        f.cloudTokenOnTime = run.onTime;
        f.cloudTokenWeekends = run.weekends;
        f.cloudTokenMinute = run.minute;
      }
      f.tokenStartDays = f.tokenStartOnTime = f.tokenStartWeekends = 0;
      f.tokenStartMinute = -1;
      f.tokenStarts = f.tokenStartHourOnTime = 0;
      if (f.tokenEventCount >= TOKEN_SCHEDULE_MIN_CALLS) {
        // Without UI use within `departedDays` (on record), nothing of the person is at hand to own a desk.
        const uiAtHand = !f.uiActivityKnown || (f.lastUiAccess !== null && referenceMs - f.lastUiMs <= t.departedDays * DAY_MS);
        const run = tokenStartSchedule(index, slot, f.localOffsetMinutes * 60_000, f.restDayShift, t, orgDesk, uiAtHand, scripted);
        f.tokenStartDays = run.days;
        f.tokenStartOnTime = run.onTime;
        f.tokenStartWeekends = run.weekends;
        f.tokenStartMinute = run.minute;
        f.tokenStarts = run.starts;
        f.tokenStartHourOnTime = run.hourOnTime;
      }
      f.uiAtTokenCalls = false;
      if (f.recentUiProductCount > 0 && f.uiActivityKnown && f.loginCount === 0 && !f.user.jobTitle && !f.user.department && f.tokenEventCount >= UI_AT_TOKEN_CALLS_MIN_EVENTS && f.tokenEventCount === f.eventCount && uiAtTokenCalls(f.user, tokenUseTimes(index, slot), referenceMs - t.staleUiDays * DAY_MS)) {
        f.uiAtTokenCalls = true;
        f.uiActivityKnown = false;
        f.lastUiAccess = null;
        f.lastUiMs = Number.NaN;
        f.recentUiProductCount = 0;
      }
      if (withSamples) schedule.samples(slot, f);
      return f;
    },
    samples(slot, features) {
      events.fill(slot, features, true);
      schedule.samples(slot, features);
    },
    tokenUseTimes: (slot) => tokenUseTimes(index, slot),
    eventsNearSignIns: (actions, windowMs) => eventsNearSignIns(index, actions, windowMs),
    coverage: events.coverage,
    uiActivityRecorded: uiRecorded,
  };
}

/**
 * Every product last active within the stale cutoff was last active within `UI_AT_TOKEN_CALL_MS`
 * of one of the account's API-token calls (`times`, in order). Whether a token's calls move a
 * product's last-active time is not documented; where they visibly do, on an account whose log
 * holds nothing but those calls (no sign-in, no visit from a browser), the time says nothing of a
 * person in the UI: a report script's account was `human` on it. Not on an account with a
 * job title or a department: a developer whose single sign-on session outlives the log
 * works from a CLI and the UI at once, and is last active at the minute of a call by chance.
 */
function uiAtTokenCalls(user: User, times: readonly number[], staleCutoffMs: number): boolean {
  if (times.length === 0) return false;
  for (const access of user.productAccess) {
    if (!access.lastActiveTimestamp) continue;
    const ms = isoToMs(access.lastActiveTimestamp);
    if (ms >= staleCutoffMs && !nearOneOf(times, ms, UI_AT_TOKEN_CALL_MS)) return false;
  }
  return true;
}
/** Token calls from cloud addresses before their days are read for a schedule. */
const CLOUD_SCHEDULE_MIN_CALLS = 10;
/** Token calls before the starts of their runs are read for a cron job's minute. */
const TOKEN_SCHEDULE_MIN_CALLS = 8;
/** Accounts working by hand from one address before it is read as an office's (`tokenStartSchedule`). */
const ORG_DESK_ACCOUNTS = 3;
/** How near a token's call a last-active time must be to be read as set by it. */
const UI_AT_TOKEN_CALL_MS = 2 * 60_000;
/** Token calls in the log before their times are compared with the last-active times. */
const UI_AT_TOKEN_CALLS_MIN_EVENTS = 10;

function emptyFeatures(user: User): AccountFeatures {
  return {
    user,
    localPart: null,
    lastUiAccess: null,
    lastUiMs: Number.NaN,
    recentUiProductCount: 0,
    uiActivityKnown: true,
    browserWorkDays: 0,
    migratedTo: null,
    uiAtTokenCalls: false,
    tokenCount: 0,
    lastUsedToken: null,
    lastAllowedToken: null,
    lastAllowedTokenUseMs: 0,
    lastTokenUseMs: Number.NaN,
    usedTokenCount: 0,
    soonestExpiringToken: null,
    usableToken: null,
    tokenUseListed: false,
    soonestExpiryMs: Number.NaN,
    systemToken: null,
    systemTokenUseMs: Number.NaN,
    systemTokenUsable: false,
    newestToken: null,
    newestTokenCreatedMs: Number.NaN,
    newestTokenUseMs: Number.NaN,
    cloudTokenDays: 0,
    cloudTokenOnTime: 0,
    cloudTokenWeekends: 0,
    cloudTokenMinute: -1,
    tokenStartDays: 0,
    tokenStartOnTime: 0,
    tokenStartWeekends: 0,
    tokenStartMinute: -1,
    tokenStarts: 0,
    tokenStartHourOnTime: 0,
    eventCount: 0,
    tokenEventCount: 0,
    tokenEventSample: null,
    userAgentEventCount: 0,
    automationUserAgentCount: 0,
    automationUserAgentSample: null,
    rpaUserAgentCount: 0,
    screenUserAgentCount: 0,
    boardUserAgentCount: 0,
    ipEventCount: 0,
    datacenterIpCount: 0,
    datacenterIpSample: null,
    tokenIpEventCount: 0,
    tokenCloudCount: 0,
    loginIpEventCount: 0,
    loginCloudCount: 0,
    otpCount: 0,
    otpActionMask: 0,
    loginCount: 0,
    loginDistinctHours: 0,
    loginQuietHours: 24,
    loginBusinessHourCount: 0,
    loginIpCount: 0,
    loginRoamingCount: 0,
    loginFromSharedEgress: false,
    loginIpSample: null,
    loginBrowserCount: 0,
    loginBrowserFamilies: 0,
    loginComputerFamilies: 0,
    loginDeviceSwitchDays: 0,
    loginAutomationCount: 0,
    scheduledLoginCount: 0,
    scheduledOffHoursCount: 0,
    scheduledMinute: -1,
    loginIntervalCv: Number.NaN,
    loginMeanIntervalMs: Number.NaN,
    loginIntervalSpreadMs: Number.NaN,
    loginSessionGapCount: 0,
    loginSessionGapCv: Number.NaN,
    loginSessionGapSpread: Number.NaN,
    loginDays: 0,
    loginScriptedCount: 0,
    loginSittings: 0,
    loginSittingDays: 0,
    firstSittingDays: 0,
    punctualSittingDays: 0,
    dailySlotCount: 0,
    dailySlotSittings: 0,
    dailySlotFewestDays: 0,
    tightSlotCount: 0,
    tightSlotFewestDays: 0,
    sittingGaps: 0,
    handoverGaps: 0,
    shiftChainSittings: 0,
    shiftQuietHours: 24,
    signInDayShare: 0,
    sittingWorkEvents: 0,
    sittingWorkNearSignIn: 0,
    sittingWorkLate: 0,
    sittingWorkHoursLater: 0,
    sittingWorkBeyondDay: 0,
    sittingWorkLaterHours: 0,
    dayEndDays: 0,
    topSignInAddressShare: Number.NaN,
    dailySlotMinutes: [],
    dailySlotClockChangeMs: Number.NaN,
    workdayTokenBesideOther: false,
    dailySlotClockShiftMinutes: 0,
    activityEvents: 0,
    activityDays: 0,
    activitySpanDays: 0,
    activityDistinctHours: 0,
    quietShare: Number.NaN,
    quietStartHour: -1,
    localOffsetMinutes: 0,
    saturdayCoverage: Number.NaN,
    sundayCoverage: Number.NaN,
    weekendDaysInSpan: 0,
    restDayShift: 0,
    spanWeeks: 0,
    restedWeeks: 0,
    restWeekdayMask: 0,
    restDays: 0,
    restDaysTopWeekday: 0,
    exactStartDays: 0,
    longGapCount: 0,
    nightDays: 0,
    restingRunDays: 0,
    judgedStretches: 0,
    quietStretches: 0,
    burstCount: 0,
    scheduleDays: 0,
    scheduleMinute: -1,
    timetableWindows: 0,
    timetableBursts: 0,
    scheduleAcrossClockChange: false,
    activityMoments: 0,
    activityCadenceGaps: 0,
    activityCadenceMedianMs: Number.NaN,
    activityCadenceOnBeat: 0,
    activitySessionOnBeat: 0,
  };
}
