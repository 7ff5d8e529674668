import type { AuditEvent } from "../../snapshot/schema.js";
import type { AccountFeatures } from "../features.js";
import type { DetectionThresholds } from "../config.js";
import { DAY_MS, HOUR_MS, isWorkingHour, weekdayOf, weekdayOfDay } from "../time.js";
import { canonicalAction, classifyUserAgent, type Matchers, type UserAgentKind } from "./matchers.js";
import { addressOf, ipv4Number } from "./addresses.js";
import { hourOf, slotRecords, type EventIndex } from "./table.js";

type BusinessHours = Pick<DetectionThresholds, "utcOffsetMinutes" | "businessHoursStart" | "businessHoursEnd">;

/**
 * What the audit log's attributes say, event by event: which events were done with an API token,
 * which came from automation clients or cloud addresses, which were email-OTP challenges. Also
 * what the log records at all, so the report can say which signals it could not judge.
 */
export interface EventFeatures {
  /**
   * Per event, for the login extractor: the kind of its user agent (`& UA_KIND`: 0 none,
   * 1 automation, 2 browser, 3 other), plus `LOGIN` for a `user_login` by an account, `IP` when
   * it records an address and `NUMBERED_IP` when that address has a number (`addressOf`: an IPv4
   * address, or an IPv6 address's network), which (`| 0`) is then in `ipKeys` (logins only). The
   * login extractor then need not read the events again.
   */
  eventKinds: Uint8Array;
  ipKeys: Int32Array;
  /** Org-wide: how many events carry each attribute, and which unconfigured actions look like OTP challenges. */
  coverage: EventCoverage;
  fill(slot: number, f: AccountFeatures, withSamples: boolean): void;
}

export interface EventCoverage {
  events: number;
  withUserAgent: number;
  withIp: number;
  withTokenAttribution: number;
  logins: number;
  otp: number;
  /** Action keys that may name a one-time-code challenge (see `OTP_LIKE`) but are not configured as email-OTP actions, with their event counts (the first 64 keys). */
  otpLikeActions: Map<string, number>;
  firstMs: number;
  lastMs: number;
  /**
   * Accounts with `GRAIN_MIN_EVENTS` events or more, and of those the accounts whose times fall on
   * whole quarter hours, and on whole hours (`GRAIN_SHARE` of them): a log that records times that
   * coarsely.
   */
  grainAccounts: number;
  onQuarterHour: number;
  onHour: number;
  /**
   * The org's own rest days (bit `1 << weekday`, Sunday = 0, in org-local time): the one or two
   * days of the week on which far fewer accounts are at work than on its busiest (see
   * `orgRestDays`); Saturday and Sunday unless the log shows another week.
   */
  restDays: number;
  /** Days on which an account signed in, one per account and org-local day (see `signInsPerDay`). */
  loginDays: number;
}

const QUARTER_HOUR_MS = 15 * 60_000;

/** Saturday and Sunday as a mask of `EventCoverage.restDays`. */
export const SATURDAY_SUNDAY = (1 << 6) | 1;
/** Accounts at work in the log, and days of it, before the org's week is read from it. */
const WEEK_MIN_ACCOUNTS = 20;
const WEEK_MIN_DAYS = 14;
/** A day of the week on which fewer accounts are at work than this share of its busiest day's is a rest day. */
const REST_DAY_SHARE = 0.5;
/** A Saturday or Sunday on which fewer than this share are at work is no clear workday of the org either. */
const WORKDAY_SHARE = 0.7;
/** An account's day counts as a day at work when its events on it span this long at least (a job's run at one time of day does not). */
const WORKDAY_SPAN_MS = HOUR_MS;

/**
 * The org's rest days, read from how many accounts are at work on each day of the week
 * (`accountDays`, per weekday, over the org-local days `firstDay..lastDay`): the one day, or two
 * days in a row, on which fewer than `REST_DAY_SHARE` of the busiest day's accounts are. A six-day
 * week rests on Sunday only, a Sunday-to-Thursday week on Friday and Saturday. Saturday and Sunday
 * where the log is too small or too short to tell (fewer than `WEEK_MIN_ACCOUNTS` accounts or
 * `WEEK_MIN_DAYS` days), or shows no such week (an org at work every day, a quiet midweek day, a
 * Saturday or Sunday that only part of the org works: under `WORKDAY_SHARE` of the busiest day).
 */
export function orgRestDays(accountDays: Int32Array, firstDay: number, lastDay: number, accounts: number): number {
  if (accounts < WEEK_MIN_ACCOUNTS || lastDay - firstDay + 1 < WEEK_MIN_DAYS) return SATURDAY_SUNDAY;
  const perDay = new Float64Array(7);
  const days = new Int32Array(7);
  for (let d = firstDay; d <= lastDay; d++) days[weekdayOfDay(d)]!++;
  let busiest = 0;
  for (let w = 0; w < 7; w++) {
    perDay[w] = (accountDays[w] as number) / (days[w] as number);
    busiest = Math.max(busiest, perDay[w] as number);
  }
  let mask = 0;
  let count = 0;
  for (let w = 0; w < 7; w++) {
    if ((perDay[w] as number) < busiest * REST_DAY_SHARE) {
      mask |= 1 << w;
      count++;
    }
  }
  // A Saturday or Sunday the org is to work on must be as busy as a workday, nearly: one that part
  // of the org works (a shop team beside an office) leaves the week unclear.
  for (const w of [0, 6]) if ((mask & (1 << w)) === 0 && (perDay[w] as number) < busiest * WORKDAY_SHARE) return SATURDAY_SUNDAY;
  if (count === 1) return mask;
  // Two rest days in a row (Saturday-Sunday wraps round to bits 6 and 0).
  for (let w = 0; w < 7 && count === 2; w++) if (mask === ((1 << w) | (1 << ((w + 1) % 7)))) return mask;
  return SATURDAY_SUNDAY;
}

const GRAIN_MIN_EVENTS = 20;
const GRAIN_SHARE = 0.95;
/** Accounts judged before a grain is read, and the share of them that must keep it. */
const GRAIN_MIN_ACCOUNTS = 2;
const GRAIN_ACCOUNT_SHARE = 0.9;

/** Sign-ins per day an account signed in on, across the org's accounts; 0 without sign-ins. */
export function signInsPerDay(c: EventCoverage): number {
  return c.loginDays > 0 ? c.logins / c.loginDays : 0;
}

/**
 * The grain of the log's times when it records them no finer than a quarter hour (90% of the
 * accounts with 20 events or more have 95% of them on whole quarter hours, or hours), else 0: a
 * timer's beat, a fixed time of day or a schedule cannot be told from the rounding then.
 */
export function coarseTimeGrainMs(c: EventCoverage): number {
  if (c.grainAccounts < GRAIN_MIN_ACCOUNTS) return 0;
  if (c.onHour >= c.grainAccounts * GRAIN_ACCOUNT_SHARE) return HOUR_MS;
  return c.onQuarterHour >= c.grainAccounts * GRAIN_ACCOUNT_SHARE ? QUARTER_HOUR_MS : 0;
}

export const UA_NONE = 0;
export const UA_AUTOMATION = 1;
export const UA_BROWSER = 2;
export const UA_OTHER = 3;
export const UA_KIND = 3;
export const LOGIN = 4;
export const IP = 8;
/** The event's address has a number (`addressOf`: an IPv4 address, or an IPv6 address's network) in `ipKeys`. */
export const NUMBERED_IP = 16;
/** The event was done with an app's or the org's credential and names no API token of the snapshot (see `isPersonTokenEvent`). */
export const APP_AUTH = 32;
/**
 * The user agent is a headless browser's or a scripting library's, which no person's app or
 * sign-in agent uses (an Android app's okhttp or an SSO agent's Java are automation clients too,
 * but a person's): for sign-ins (see `automatedSignIns` in rules.ts).
 */
export const SCRIPTED_UA = 64;
/**
 * Work done from a browser (a browser's user agent, no token or app credential, not a sign-in):
 * a visit to the UI in a session opened before the log began (see profile.ts).
 */
export const BROWSER_WORK = 128;
/** In an account's cached user-agent kind only (not in `eventKinds`): a robotic-process-automation client's agent. */
const RPA_UA = 256;
/** In an account's cached user-agent kind only: a television's or a signage player's browser (`SCREEN_AGENT`). */
const SCREEN_UA = 512;
/** In an account's cached user-agent kind only: a single-board computer's desktop browser (`BOARD_AGENT`). */
const BOARD_UA = 1024;
/**
 * The browser of a television or a signage player (Sony's Bravia, Samsung's Tizen, LG's webOS,
 * Chromecast, Fire TV, Apple TV, Roku, HbbTV, BrightSign): a wallboard's, which no person works at.
 */
const SCREEN_AGENT = /\b(?:bravia|smart-?tv|tizen|web0s|webos|netcast|hbbtv|crkey|google ?tv|android ?tv|apple ?tv|roku|viera|philipstv|aft[a-z]{1,6}\d{0,4}|fire ?tv|chromecast|brightsign|screencloud|yodeck)\b/i;
/**
 * A desktop browser on 32- or 64-bit ARM Linux (`X11; Linux aarch64`, `armv7l`, Raspbian): a
 * Raspberry Pi's, the usual player behind a wallboard or a meeting room's screen. Not a Chromebook
 * (`CrOS aarch64`) nor an Android phone or tablet (`Linux; Android`). A person at an ARM laptop
 * running Linux sends the same agent, so it counts only on an account named as a screen or its
 * room (see `boardClient` in floors.ts).
 */
const BOARD_AGENT = /\bX11; (?:(?:Ubuntu|Fedora|Debian|Raspbian); )?Linux (?:aarch64|armv[678]l)\b|\bRaspbian\b/i;
/**
 * An unattended robot's runtime (UiPath's Robot or Orchestrator, the activity packages its
 * workflows call APIs with such as `UiPath.Web.Activities`, Automation Anywhere's, Blue Prism's,
 * Kofax's RoboServer, Pega's robots): not an attended assistant a person starts from
 * their desktop (`UiPath.Assistant`, an agent that says it is attended or runs in Studio or a
 * debugger), nor a person's own cloud or desktop flows (Power Automate).
 */
const RPA_AGENT = /^(?!.*(?:\battended\b(?!\s*[=:]\s*(?:false|no)\b)|\bstudiox?\b|\bdebug\b))(?:.*(?:uipath[-_. ]?(?:robot|orchestrator|executor)|uipath\.[a-z]+(?:\.[a-z]+)?\.activities\b|uirobot|automation ?anywhere|blue ?prism|roboserver|pega robotic))/i;
const SCRIPTED_AGENT = /headless|phantomjs|selenium|webdriver|playwright|puppeteer|python|curl\/|wget\/|go-http-client|node-fetch|axios\/|libwww|powershell|ruby|gatling|jmeter|\bk6\/|artillery|apachebench|blazemeter|neoload|loadrunner|locust\//i;
const UA_CODE: Record<UserAgentKind, number> = { automation: UA_AUTOMATION, browser: UA_BROWSER, other: UA_OTHER };
// Actions that may be one-time-passcode challenges (see `namesAnOtpChallenge` in otp-inference.ts);
// they are a sign-in's own step, not work (schedule.ts).
const OTP_LIKE = /otp|passcode|one[^a-z0-9]?time|(?:verification|verify|login|signin|security)[^a-z0-9]?code|challenge|verification/i;
// More candidates for the inferred key, not sign-in steps by name alone: a code after a word of
// signing in or a second factor further before it (`login_email_code_issued`, `mfa_email_code_sent`);
// otp-inference.ts reads their words.
const OTP_CANDIDATE = /(?:verif|login|sign[^a-z0-9]?in|security|identity|mfa|2fa|2sv|factor|step[^a-z0-9]?up)[a-z0-9_.:/ -]*code/i;

/** A configured email-OTP action, or one whose name says it may be a one-time-code challenge. */
export function mayBeOtpChallenge(action: string, matchers: Matchers): boolean {
  return isEmailOtpAction(action, matchers) || OTP_LIKE.test(action);
}

/** A configured (or inferred) email-OTP action key, as written or in its canonical form. */
export function isEmailOtpAction(action: string, matchers: Matchers): boolean {
  return matchers.emailOtpActions.has(action) || matchers.emailOtpActions.has(canonicalAction(action));
}

// Each account's counters, side by side in one record of `accounts` (see table.ts, trick 6).
const TOKEN_EVENTS = 0;
const TOKEN_SAMPLE = 1;
const UA_EVENTS = 2;
const AUTOMATION_UA = 3;
const AUTOMATION_SAMPLE = 4;
const IP_EVENTS = 5;
const DATACENTER_IPS = 6;
const DATACENTER_SAMPLE = 7;
const OTPS = 8;
const OTP_MASK = 9;
const LAST_UA_KIND = 10;
/**
 * The first three tokens seen in events, four fields each: an event of it (-1 for none), its
 * events, those in business hours, and those within `SCHEDULE_WINDOW_MS` of the time of day of
 * its first event.
 */
const TOKENS = 11;
const TRACKED_TOKENS = 3;
const TOKEN_FIELDS = 4;
/** The account's events on a whole quarter hour, and on a whole hour (see `coarseTimeGrainMs`). */
const ON_QUARTER = TOKENS + TRACKED_TOKENS * TOKEN_FIELDS;
const ON_HOUR = ON_QUARTER + 1;
/** Token calls and sign-ins with an address, and those from cloud addresses. */
const TOKEN_IP_EVENTS = ON_HOUR + 1;
const TOKEN_CLOUD = TOKEN_IP_EVENTS + 1;
const LOGIN_IP_EVENTS = TOKEN_CLOUD + 1;
const LOGIN_CLOUD = LOGIN_IP_EVENTS + 1;
/** Events from a robotic-process-automation client's agent. */
const RPA_UA_EVENTS = LOGIN_CLOUD + 1;
const SCREEN_UA_EVENTS = RPA_UA_EVENTS + 1;
const BOARD_UA_EVENTS = SCREEN_UA_EVENTS + 1;
const FIELDS = BOARD_UA_EVENTS + 1;
/** How far from the time of day of a token's first event its later events count as at that time. */
const SCHEDULE_WINDOW_MS = 15 * 60_000;
/** Share of a token's events at the time of day of its first one that make it a scheduled job's. */
const SCHEDULED_TOKEN_SHARE = 0.8;
/** Events a token needs before its hours say anything. */
const MIN_TOKEN_EVENTS = 5;

export function extractEvents(index: EventIndex, matchers: Matchers, hours: BusinessHours): EventFeatures {
  const apiTokenIds = index.apiTokenIds;
  const { n, events, eventSlot, eventMs, eventCount } = index;
  const accounts = slotRecords(n, FIELDS);
  // Samples are event indexes, -1 for none.
  for (let base = 0; base < accounts.length; base += FIELDS) {
    accounts[base + TOKEN_SAMPLE] = -1;
    accounts[base + AUTOMATION_SAMPLE] = -1;
    accounts[base + DATACENTER_SAMPLE] = -1;
    for (let j = 0; j < TRACKED_TOKENS; j++) accounts[base + TOKENS + j * TOKEN_FIELDS] = -1;
  }
  const offsetMs = hours.utcOffsetMinutes * 60_000;
  const eventKinds = new Uint8Array(events.length);
  const ipKeys = new Int32Array(events.length);
  const coverage: EventCoverage = { events: 0, withUserAgent: 0, withIp: 0, withTokenAttribution: 0, logins: 0, otp: 0, otpLikeActions: new Map(), firstMs: Number.NaN, lastMs: Number.NaN, grainAccounts: 0, onQuarterHour: 0, onHour: 0, restDays: SATURDAY_SUNDAY, loginDays: 0 };
  // Each account's last user agent and its kind: an account nearly always sends the same one, and
  // comparing it with the last costs less than hashing a 100-character string for the memo.
  const lastUserAgent: (string | undefined)[] = new Array<string | undefined>(n);
  const datacenterIp = matchers.datacenterIp;
  const otpActions = matchers.emailOtpActions;
  let firstMs = Infinity;
  let lastMs = -Infinity;
  // Accounts at work on each day of the week (org-local), one per account and day whose events
  // span `WORKDAY_SPAN_MS` or more (a person's day, not a job's minute at one time of it): each
  // account's current day, when it began and its last event so far (an account's events come in
  // time order, nearly always).
  const accountDays = new Int32Array(7);
  const currentDay = new Float64Array(n).fill(Number.NaN);
  const dayFirstMs = new Float64Array(n);
  const dayLastMs = new Float64Array(n);
  // Each account's last day with a sign-in, to count the days it signed in on.
  const loginDay = new Float64Array(n).fill(Number.NaN);
  const closeDay = (slot: number): void => {
    if ((dayLastMs[slot] as number) - (dayFirstMs[slot] as number) >= WORKDAY_SPAN_MS) accountDays[weekdayOfDay(currentDay[slot] as number)]!++;
  };

  for (let k = 0; k < events.length; k++) {
    const slot = eventSlot[k] as number;
    if (slot === -1) continue;
    const base = slot * FIELDS;
    const event = events[k] as AuditEvent;
    const ms = eventMs[k] as number;
    if (ms < firstMs) firstMs = ms;
    if (ms > lastMs) lastMs = ms;
    const day = Math.floor((ms + offsetMs) / DAY_MS);
    if (currentDay[slot] !== day) {
      if (!Number.isNaN(currentDay[slot] as number)) closeDay(slot);
      currentDay[slot] = day;
      dayFirstMs[slot] = ms;
    }
    dayLastMs[slot] = ms;
    if (ms % QUARTER_HOUR_MS === 0) {
      accounts[base + ON_QUARTER]!++;
      if (ms % HOUR_MS === 0) accounts[base + ON_HOUR]!++;
    }
    let personToken = false;
    if (event.tokenId || event.authType) {
      coverage.withTokenAttribution++;
      personToken = isPersonTokenEvent(event, apiTokenIds);
      if (personToken) {
        accounts[base + TOKEN_EVENTS]!++;
        if (accounts[base + TOKEN_SAMPLE] === -1) accounts[base + TOKEN_SAMPLE] = k;
        const tokenId = event.tokenId;
        if (tokenId) {
          // Which of the first three tokens this is (a fourth is not followed), and whether it was
          // used in business hours: a person's token keeps them, a script's beside it need not.
          let field = -1;
          for (let j = 0; j < TRACKED_TOKENS && field === -1; j++) {
            const at = base + TOKENS + j * TOKEN_FIELDS;
            const seen = accounts[at] as number;
            if (seen === -1) {
              accounts[at] = k;
              field = at;
            } else if ((events[seen] as AuditEvent).tokenId === tokenId) field = at;
          }
          if (field !== -1) countTokenUse(accounts, field, ms, eventMs[accounts[field] as number] as number, ms + offsetMs, hours, 0);
        }
      }
    }
    const userAgent = event.userAgent;
    if (userAgent) {
      coverage.withUserAgent++;
      accounts[base + UA_EVENTS]!++;
      let code: number;
      if (userAgent === lastUserAgent[slot]) code = accounts[base + LAST_UA_KIND] as number;
      else {
        code = UA_CODE[classifyUserAgent(userAgent, matchers)];
        if (code === UA_AUTOMATION && SCRIPTED_AGENT.test(userAgent)) code |= SCRIPTED_UA;
        if (code === UA_AUTOMATION && RPA_AGENT.test(userAgent)) code |= RPA_UA;
        if ((code & UA_KIND) === UA_BROWSER && SCREEN_AGENT.test(userAgent)) code |= SCREEN_UA;
        else if ((code & UA_KIND) === UA_BROWSER && BOARD_AGENT.test(userAgent)) code |= BOARD_UA;
        lastUserAgent[slot] = userAgent;
        accounts[base + LAST_UA_KIND] = code;
      }
      eventKinds[k] = code & 255;
      if ((code & SCREEN_UA) !== 0) accounts[base + SCREEN_UA_EVENTS]!++;
      else if ((code & BOARD_UA) !== 0) accounts[base + BOARD_UA_EVENTS]!++;
      if ((code & UA_KIND) === UA_AUTOMATION) {
        accounts[base + AUTOMATION_UA]!++;
        if ((code & RPA_UA) !== 0) accounts[base + RPA_UA_EVENTS]!++;
        if (accounts[base + AUTOMATION_SAMPLE] === -1) accounts[base + AUTOMATION_SAMPLE] = k;
      }
    }
    // Done by an app or an automation rule in the account's name (an org, Connect or OAuth
    // credential), not by the account's owner or their scripts: its timing is the app's. An event
    // that names one of the snapshot's API tokens is that token's use, whatever its auth type says.
    if (event.authType && !personToken) eventKinds[k]! |= APP_AUTH;
    const ip = event.ip;
    const action = canonicalAction(event.action);
    if (((eventKinds[k] as number) & UA_KIND) === UA_BROWSER && !event.tokenId && !event.authType && action !== "user_login") eventKinds[k]! |= BROWSER_WORK;
    if (ip) {
      coverage.withIp++;
      accounts[base + IP_EVENTS]!++;
      const v4 = ipv4Number(ip);
      const address = v4 >= 0 ? null : addressOf(ip);
      const cloud = datacenterIp.test(address === null ? ip : address.text);
      if (cloud) {
        accounts[base + DATACENTER_IPS]!++;
        if (accounts[base + DATACENTER_SAMPLE] === -1) accounts[base + DATACENTER_SAMPLE] = k;
      }
      if (action === "user_login") {
        const number = address === null ? v4 : address.key;
        eventKinds[k]! |= number >= 0 ? IP | NUMBERED_IP : IP;
        ipKeys[k] = number | 0;
        accounts[base + LOGIN_IP_EVENTS]!++;
        if (cloud) accounts[base + LOGIN_CLOUD]!++;
      } else if (personToken) {
        accounts[base + TOKEN_IP_EVENTS]!++;
        if (cloud) accounts[base + TOKEN_CLOUD]!++;
      }
    }
    if (action === "user_login") {
      coverage.logins++;
      eventKinds[k]! |= LOGIN;
      if (loginDay[slot] !== day) {
        loginDay[slot] = day;
        coverage.loginDays++;
      }
    }
    else {
      const bit = otpActions.get(event.action) ?? otpActions.get(action);
      if (bit !== undefined) {
        accounts[base + OTPS]!++;
        accounts[base + OTP_MASK]! |= bit;
        coverage.otp++;
      } else if (OTP_LIKE.test(event.action) || OTP_CANDIDATE.test(event.action)) {
        const seen = coverage.otpLikeActions.get(event.action);
        if (seen !== undefined) coverage.otpLikeActions.set(event.action, seen + 1);
        else if (coverage.otpLikeActions.size < 64) coverage.otpLikeActions.set(event.action, 1);
      }
    }
  }
  coverage.events = events.length;
  // The grain, account by account: one account whose job writes whole hours is not the log's.
  for (let slot = 0; slot < n; slot++) {
    const count = eventCount[slot] as number;
    if (count < GRAIN_MIN_EVENTS) continue;
    coverage.grainAccounts++;
    const base = slot * FIELDS;
    if ((accounts[base + ON_QUARTER] as number) >= count * GRAIN_SHARE) coverage.onQuarterHour++;
    if ((accounts[base + ON_HOUR] as number) >= count * GRAIN_SHARE) coverage.onHour++;
  }
  if (firstMs !== Infinity) {
    coverage.firstMs = firstMs;
    coverage.lastMs = lastMs;
    let accountsAtWork = 0;
    for (let slot = 0; slot < n; slot++) {
      if (Number.isNaN(currentDay[slot] as number)) continue;
      closeDay(slot);
      accountsAtWork++;
    }
    coverage.restDays = orgRestDays(accountDays, Math.floor((firstMs + offsetMs) / DAY_MS), Math.floor((lastMs + offsetMs) / DAY_MS), accountsAtWork);
  }

  const eventAt = (k: number): AuditEvent | null => (k === -1 ? null : (events[k] as AuditEvent));
  return {
    eventKinds,
    ipKeys,
    coverage,
    fill(slot, f, withSamples) {
      const base = slot * FIELDS;
      f.tokenEventCount = accounts[base + TOKEN_EVENTS] as number;
      const tokenEvent = withSamples ? eventAt(accounts[base + TOKEN_SAMPLE] as number) : null;
      f.tokenEventSample = tokenEvent === null ? null : (tokenEvent.tokenId ?? tokenEvent.authType ?? null);
      f.userAgentEventCount = accounts[base + UA_EVENTS] as number;
      f.automationUserAgentCount = accounts[base + AUTOMATION_UA] as number;
      f.rpaUserAgentCount = accounts[base + RPA_UA_EVENTS] as number;
      f.screenUserAgentCount = accounts[base + SCREEN_UA_EVENTS] as number;
      f.boardUserAgentCount = accounts[base + BOARD_UA_EVENTS] as number;
      f.automationUserAgentSample = withSamples ? (eventAt(accounts[base + AUTOMATION_SAMPLE] as number)?.userAgent ?? null) : null;
      f.ipEventCount = accounts[base + IP_EVENTS] as number;
      f.datacenterIpCount = accounts[base + DATACENTER_IPS] as number;
      f.datacenterIpSample = withSamples ? (eventAt(accounts[base + DATACENTER_SAMPLE] as number)?.ip ?? null) : null;
      f.tokenIpEventCount = accounts[base + TOKEN_IP_EVENTS] as number;
      f.tokenCloudCount = accounts[base + TOKEN_CLOUD] as number;
      f.loginIpEventCount = accounts[base + LOGIN_IP_EVENTS] as number;
      f.loginCloudCount = accounts[base + LOGIN_CLOUD] as number;
      f.otpCount = accounts[base + OTPS] as number;
      f.otpActionMask = accounts[base + OTP_MASK] as number;
      f.workdayTokenBesideOther = workdayBesideOther(accounts, base + TOKENS);
    },
  };
}

/**
 * `workdayTokenBesideOther` judged again in the account's own working week: its local time and
 * rest days as its activity shows them (features/activity.ts), where business hours in the org's
 * time zone are a contractor's night seven hours away. Reads the account's events once more; only
 * for accounts whose week is not the org's.
 */
export function workdayTokenBesideOtherLocal(index: EventIndex, slot: number, hours: Pick<BusinessHours, "businessHoursStart" | "businessHoursEnd">, localOffsetMs: number, restShift: number): boolean {
  const { events, eventMs, firstEvent, nextEvent } = index;
  const counts = new Int32Array(TRACKED_TOKENS * TOKEN_FIELDS);
  const firstTimes = new Float64Array(TRACKED_TOKENS);
  const tokenIds: string[] = [];
  for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
    const event = events[k] as AuditEvent;
    const tokenId = event.tokenId;
    if (!tokenId || !isPersonTokenEvent(event, index.apiTokenIds)) continue;
    let j = tokenIds.indexOf(tokenId);
    if (j === -1) {
      if (tokenIds.length === TRACKED_TOKENS) continue;
      j = tokenIds.push(tokenId) - 1;
      firstTimes[j] = eventMs[k] as number;
    }
    const ms = eventMs[k] as number;
    countTokenUse(counts, j * TOKEN_FIELDS, ms, firstTimes[j] as number, ms + localOffsetMs, hours, restShift);
  }
  return workdayBesideOther(counts, 0);
}

/**
 * Counts one use, at `ms` (`localMs` in the account's time), of the token followed at `at`:
 * its events, those in business hours, and those within `SCHEDULE_WINDOW_MS` of the time of day
 * of its first use (`firstMs`).
 */
function countTokenUse(counts: Int32Array, at: number, ms: number, firstMs: number, localMs: number, hours: Pick<BusinessHours, "businessHoursStart" | "businessHoursEnd">, restShift: number): void {
  counts[at + 1]!++;
  if (isWorkingHour(weekdayOf(localMs), hourOf(localMs), hours.businessHoursStart, hours.businessHoursEnd, restShift)) counts[at + 2]!++;
  const apart = (((ms - firstMs) % DAY_MS) + DAY_MS) % DAY_MS;
  if (apart <= SCHEDULE_WINDOW_MS || apart >= DAY_MS - SCHEDULE_WINDOW_MS) counts[at + 3]!++;
}

/**
 * Of the tokens followed from `at` (with `MIN_TOKEN_EVENTS` events each at least), one used in
 * business hours only (90% of its events) and another mostly not (over half outside them) or at
 * one time of day (80% of its events within 15 minutes of it): a person's own daily digest at
 * 09:00 keeps business hours too.
 */
function workdayBesideOther(accounts: Int32Array, at: number): boolean {
  let workday = false;
  let other = false;
  for (let j = 0; j < TRACKED_TOKENS; j++) {
    const events = accounts[at + j * TOKEN_FIELDS + 1] as number;
    const inHours = accounts[at + j * TOKEN_FIELDS + 2] as number;
    const atOneTime = accounts[at + j * TOKEN_FIELDS + 3] as number;
    if (events < MIN_TOKEN_EVENTS) continue;
    if (atOneTime >= events * SCHEDULED_TOKEN_SHARE) other = true;
    else if (inHours >= events * 0.9) workday = true;
    else if (inHours * 2 < events) other = true;
  }
  return workday && other;
}

/**
 * True when an event was done with a person's API token. An event that names one of the
 * snapshot's API tokens (`apiTokenIds`) was, whatever its auth type says: the reference's own
 * example event shows `container-token` beside a token id. Otherwise `actor.auth.authType` also
 * names org-level and app credentials (`container-token`, `connect-token`, `auth-token-for-2LO`,
 * `auth-token-for-3LO`), which say nothing about a person's account being scripted. The full list
 * of values is not documented: any value that ends in an API token (`api-token`, `api_token`,
 * `basic-api-token`, `user-api-token`) is one.
 */
export function isPersonTokenEvent(event: Pick<AuditEvent, "authType" | "tokenId">, apiTokenIds?: ReadonlySet<string>): boolean {
  if (event.tokenId && apiTokenIds?.has(event.tokenId)) return true;
  const type = event.authType;
  if (type !== undefined && type !== null && type !== "") return API_TOKEN_AUTH.test(type);
  return Boolean(event.tokenId);
}
const API_TOKEN_AUTH = /(?:^|[-_. ])api[-_ ]?tokens?$/i;

/** The times of one account's calls with a person's API token, in order (ms). */
export function tokenUseTimes(index: EventIndex, slot: number): number[] {
  const { events, eventMs, firstEvent, nextEvent } = index;
  const times: number[] = [];
  for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) if (isPersonTokenEvent(events[k] as AuditEvent, index.apiTokenIds)) times.push(eventMs[k] as number);
  return times.sort((a, b) => a - b);
}

/** For each of `actions`, how many of its events come within `windowMs` of a sign-in (`user_login`, in any of its spellings) of the same account. */
export function eventsNearSignIns(index: EventIndex, actions: ReadonlySet<string>, windowMs: number): Map<string, number> {
  const { n, events, eventMs, firstEvent, nextEvent } = index;
  const out = new Map<string, number>();
  const signIns: number[] = [];
  for (let slot = 0; slot < n; slot++) {
    signIns.length = 0;
    let candidates = false;
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
      const action = (events[k] as AuditEvent).action;
      if (canonicalAction(action) === "user_login") signIns.push(eventMs[k] as number);
      else if (actions.has(action)) candidates = true;
    }
    if (!candidates || signIns.length === 0) continue;
    signIns.sort((a, b) => a - b);
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
      const action = (events[k] as AuditEvent).action;
      if (actions.has(action) && nearOneOf(signIns, eventMs[k] as number, windowMs)) out.set(action, (out.get(action) ?? 0) + 1);
    }
  }
  return out;
}

/** Whether a sorted list of instants holds one within `windowMs` of `ms`. */
export function nearOneOf(sorted: readonly number[], ms: number, windowMs: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < ms) lo = mid + 1;
    else hi = mid;
  }
  const after = sorted[lo];
  const before = sorted[lo - 1];
  return (after !== undefined && after - ms <= windowMs) || (before !== undefined && ms - before <= windowMs);
}
