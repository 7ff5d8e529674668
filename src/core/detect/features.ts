import type { ApiToken, AuditEvent, ProductAccess, Snapshot, User } from "../snapshot/schema.js";
import type { DetectionConfig } from "./config.js";
import { DAY_MS, HOUR_MS, isoToMs } from "./time.js";

export type UserAgentKind = "automation" | "browser" | "other";

/** Compiled forms of the configured patterns; compiled once per audit, never inside a loop. */
export interface Matchers {
  /** A bot-like word anywhere in a name, as a whole token (optionally followed by digits). */
  nameWord: RegExp;
  /** A bot-like word as the first token of a name. */
  nameLeadingWord: RegExp;
  /** Each pattern anchored to one whole token, for evidence. */
  nameToken: RegExp;
  /** A mailbox local part made only of role words (and numbers), such as `helpdesk` or `it-ops-2`. */
  roleMailbox: RegExp;
  automationUserAgent: RegExp;
  datacenterIp: PrefixMatcher;
  /** Email-OTP action keys, each with its bit in `AccountFeatures.otpActionMask` (the first 31 keys). */
  emailOtpActions: ReadonlyMap<string, number>;
  /** The configured email-OTP action keys in order: key `i` has bit `1 << i`. */
  emailOtpActionList: readonly string[];
  /** Memo of user-agent classification: the same few user agents repeat across thousands of events. */
  userAgentKind: Map<string, UserAgentKind>;
}

const BROWSER_UA = /^Mozilla\/\d/;
// Never matches: used when a pattern list is empty so that no account matches it.
const NEVER = /(?!)/;

/** Compiles the configured patterns. */
export function compileMatchers(config: DetectionConfig): Matchers {
  const names = config.namePatterns.map((s) => `(?:${s})`).join("|");
  const agents = config.automationUserAgents.map((s) => `(?:${s})`).join("|");
  const hasNames = config.namePatterns.length > 0;
  const roles = config.roleMailboxPatterns.map((s) => `(?:${s})`).join("|");
  // Every token must be a role word or a number, and the first a role word: `sarah.jenkins` never matches.
  const roleToken = `(?:${roles})\\d*`;
  return {
    nameWord: hasNames ? new RegExp(`(?:^|[^a-z0-9])(?:${names})\\d*(?=[^a-z0-9]|$)`, "i") : NEVER,
    nameLeadingWord: hasNames ? new RegExp(`^[^a-z0-9]*(?:${names})\\d*(?=[^a-z0-9]|$)`, "i") : NEVER,
    nameToken: hasNames ? new RegExp(`^(?:${names})\\d*$`, "i") : NEVER,
    roleMailbox: roles === "" ? NEVER : new RegExp(`^${roleToken}(?:[^a-z0-9]+(?:${roleToken}|\\d+))*$`, "i"),
    automationUserAgent: agents === "" ? NEVER : new RegExp(agents, "i"),
    datacenterIp: new PrefixMatcher(config.datacenterIpPrefixes),
    emailOtpActions: new Map(config.emailOtpActions.map((action, i) => [action, i < 31 ? 1 << i : 0])),
    emailOtpActionList: config.emailOtpActions,
    userAgentKind: new Map(),
  };
}

/** Classifies a user agent as an automation client, a browser or something else. */
export function classifyUserAgent(userAgent: string, matchers: Matchers): UserAgentKind {
  const known = matchers.userAgentKind.get(userAgent);
  if (known !== undefined) return known;
  const kind: UserAgentKind = matchers.automationUserAgent.test(userAgent)
    ? "automation"
    : BROWSER_UA.test(userAgent)
      ? "browser"
      : "other";
  matchers.userAgentKind.set(userAgent, kind);
  return kind;
}

/**
 * Tells whether a string starts with any of a set of prefixes, by walking a character trie: two
 * or three array reads for an IP address, where a `startsWith` per prefix costs one call each for
 * every event of a large org. Prefixes with characters beyond ASCII fall back to `startsWith`.
 */
export class PrefixMatcher {
  /** Child of trie node `i` for character `c` at `i * 128 + c`; 0 means none (node 0 is the root). */
  private readonly next: Int32Array;
  private readonly terminal: Uint8Array;
  private readonly fallback: readonly string[] | null;

  constructor(prefixes: readonly string[]) {
    const ascii = prefixes.every((p) => /^[\x00-\x7f]+$/.test(p));
    this.fallback = ascii ? null : [...prefixes];
    const nodes = ascii ? 1 + prefixes.reduce((sum, p) => sum + p.length, 0) : 1;
    this.next = new Int32Array(nodes * 128);
    this.terminal = new Uint8Array(nodes);
    if (!ascii) return;
    let used = 1;
    for (const prefix of prefixes) {
      let node = 0;
      for (let i = 0; i < prefix.length; i++) {
        const slot = node * 128 + prefix.charCodeAt(i);
        if (this.next[slot] === 0) this.next[slot] = used++;
        node = this.next[slot] as number;
      }
      this.terminal[node] = 1;
    }
  }

  /** True when `s` starts with one of the prefixes. */
  test(s: string): boolean {
    if (this.fallback !== null) {
      for (const prefix of this.fallback) if (s.startsWith(prefix)) return true;
      return false;
    }
    let node = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) return false;
      node = this.next[node * 128 + c] as number;
      if (node === 0) return false;
      if (this.terminal[node] === 1) return true;
    }
    return false;
  }
}

/**
 * Everything the rules need to know about one account. Numbers and references only: sentences
 * are written later, and only for accounts that end up in the report.
 */
export interface AccountFeatures {
  user: User;
  /** The part of the email before the `@`, or null without an email. */
  localPart: string | null;
  eventCount: number;
  tokenCount: number;
  /** The most recently used token, and when (ms); null when no token was ever used. */
  lastUsedToken: ApiToken | null;
  lastTokenUseMs: number;
  usedTokenCount: number;
  /** The allowed token expiring soonest at or after the reference time, and when (ms). */
  soonestExpiringToken: ApiToken | null;
  soonestExpiryMs: number;
  /** The product with the most recent UI activity, and when (ms); null when never active in the UI. */
  lastUiAccess: ProductAccess | null;
  lastUiMs: number;
  /** Products with UI activity within `staleUiDays` of the reference time. */
  recentUiProductCount: number;
  /** Events done with a person's API token (`authType` api-token, or a `tokenId` without an `authType`). */
  tokenEventCount: number;
  tokenEventSample: string | null;
  userAgentEventCount: number;
  automationUserAgentCount: number;
  automationUserAgentSample: string | null;
  ipEventCount: number;
  datacenterIpCount: number;
  datacenterIpSample: string | null;
  otpCount: number;
  /** Which email-OTP action keys were seen, as bits of `Matchers.emailOtpActions`. */
  otpActionMask: number;
  loginCount: number;
  /** Distinct hours of the (org-local) day with at least one login. */
  loginDistinctHours: number;
  /** Logins on a weekday within business hours. */
  loginBusinessHourCount: number;
  /** Distinct IP addresses of logins, counted up to 4 (4 means "more than 3"). */
  loginIpCount: number;
  /** One login IP address, for evidence. */
  loginIpSample: string | null;
  /** Logins with a browser or an automation user agent; sources without user agents leave both 0. */
  loginBrowserCount: number;
  loginAutomationCount: number;
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
}

/**
 * Per-account facts as parallel typed arrays (slot = position in `snapshot.users`), filled by
 * sequential passes over tokens and events. Walking a 300,000-event array in order and adding
 * into flat arrays is far cheaper than grouping events into per-account lists first.
 */
export interface AccountTable {
  /** Slot of each account id. */
  slotOf: Map<string, number>;
  /** True for the slots of accounts that are the org's service accounts. */
  isServiceAccount(slot: number): boolean;
  /**
   * Fills the shared features object for one slot (the same object every call). The samples
   * (`tokenEventSample`, `automationUserAgentSample`, `datacenterIpSample`, `loginIpSample`) are
   * read only `withSamples`: evidence quotes them, scoring never does, and reading them costs a
   * trip to an event object per account.
   */
  features(slot: number, withSamples?: boolean): AccountFeatures;
  /** The events of one account, in snapshot order. */
  eventsOf(slot: number): AuditEvent[];
}

/** Builds the account table for one audit. */
export function buildAccountTable(snapshot: Snapshot, matchers: Matchers, config: DetectionConfig, referenceMs: number): AccountTable {
  const t = config.thresholds;
  const users = snapshot.users;
  const n = users.length;
  // The map's keys are fresh copies of the account ids, packed together by one JSON.parse. Each
  // event's lookup compares its actor with a key: packed keys (4 MB for 100,000 accounts) stay in
  // the processor's cache, where the originals lie scattered across the whole parsed snapshot.
  // On a 300,000-event org this saves about a tenth of the audit.
  const packedIds = JSON.parse(JSON.stringify(users.map((user) => user.accountId))) as string[];
  const slotOf = new Map<string, number>();
  for (let i = 0; i < n; i++) slotOf.set(packedIds[i] as string, i);
  const serviceAccountSlots = new Uint8Array(n);
  for (const sa of snapshot.serviceAccounts) {
    const slot = slotOf.get(sa.accountId);
    if (slot !== undefined) serviceAccountSlots[slot] = 1;
  }

  // Tokens.
  const tokens = snapshot.apiTokens;
  const tokenCount = new Int32Array(n);
  const usedTokenCount = new Int32Array(n);
  const lastUsedToken = new Int32Array(n).fill(-1);
  const lastTokenUseMs = new Float64Array(n);
  const soonestToken = new Int32Array(n).fill(-1);
  const soonestExpiryMs = new Float64Array(n);
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as ApiToken;
    const slot = slotOf.get(token.accountId);
    if (slot === undefined) continue;
    tokenCount[slot]!++;
    if (token.lastActiveAt) {
      usedTokenCount[slot]!++;
      const ms = isoToMs(token.lastActiveAt);
      if (lastUsedToken[slot] === -1 || ms > (lastTokenUseMs[slot] as number)) {
        lastUsedToken[slot] = k;
        lastTokenUseMs[slot] = ms;
      }
    }
    if (token.expiresAt && token.status === "ALLOWED") {
      const ms = isoToMs(token.expiresAt);
      if (ms >= referenceMs && (soonestToken[slot] === -1 || ms < (soonestExpiryMs[slot] as number))) {
        soonestToken[slot] = k;
        soonestExpiryMs[slot] = ms;
      }
    }
  }

  // Events.
  const events = snapshot.events;
  const eventCount = new Int32Array(n);
  const tokenEventCount = new Int32Array(n);
  const tokenEventSample = new Int32Array(n).fill(-1);
  const userAgentEventCount = new Int32Array(n);
  const automationUserAgentCount = new Int32Array(n);
  const automationUserAgentSample = new Int32Array(n).fill(-1);
  const ipEventCount = new Int32Array(n);
  const datacenterIpCount = new Int32Array(n);
  const datacenterIpSample = new Int32Array(n).fill(-1);
  const otpCount = new Int32Array(n);
  const otpActionMask = new Int32Array(n);
  const loginCount = new Int32Array(n);
  const loginHoursMask = new Int32Array(n);
  const loginBusinessHourCount = new Int32Array(n);
  const loginBrowserCount = new Int32Array(n);
  const loginAutomationCount = new Int32Array(n);
  // The first three distinct login IP addresses of each account; a fourth only sets the overflow.
  const loginIp1: (string | null)[] = new Array<string | null>(n).fill(null);
  const loginIp2: (string | null)[] = new Array<string | null>(n).fill(null);
  const loginIp3: (string | null)[] = new Array<string | null>(n).fill(null);
  // How many distinct login IP addresses, up to 4 (4 means "more than 3").
  const loginIpCount = new Uint8Array(n);
  // Each account's events as a chain through the event array, so that the accounts in the
  // report get their events back without another pass over every event.
  const firstEvent = new Int32Array(n).fill(-1);
  const lastEvent = new Int32Array(n).fill(-1);
  const nextEvent = new Int32Array(events.length).fill(-1);
  // Interval statistics are accumulated online while logins arrive oldest first (as snapshots
  // store them); an account whose logins arrive out of order is recomputed from a sorted copy.
  const lastLoginMs = new Float64Array(n);
  const gapSum = new Float64Array(n);
  const gapSquares = new Float64Array(n);
  const loginsUnordered = new Uint8Array(n);
  let anyUnordered = false;
  // Per login event, its schedule key (org-local minute of the day * 2 + 1 when off hours), or -1
  // for other events and for a login that follows the previous one within the schedule window.
  const loginKey = new Int16Array(events.length).fill(-1);
  const windowMs = t.scheduleWindowMinutes * 60_000;
  const offsetMs = t.utcOffsetMinutes * 60_000;
  const { businessHoursStart, businessHoursEnd } = t;
  const datacenterIp = matchers.datacenterIp;
  // Each account's last user agent and its kind: an account nearly always sends the same one, and
  // comparing it with the last costs less than hashing a 100-character string for the memo.
  const lastUserAgent: (string | undefined)[] = new Array<string | undefined>(n);
  const lastUserAgentKind: UserAgentKind[] = new Array<UserAgentKind>(n);
  const otpActions = matchers.emailOtpActions;

  for (let k = 0; k < events.length; k++) {
    const event = events[k] as AuditEvent;
    const slot = slotOf.get(event.actorId);
    if (slot === undefined) continue;
    eventCount[slot]!++;
    const previous = lastEvent[slot] as number;
    if (previous === -1) firstEvent[slot] = k;
    else nextEvent[previous] = k;
    lastEvent[slot] = k;
    if (isPersonTokenEvent(event)) {
      tokenEventCount[slot]!++;
      if (tokenEventSample[slot] === -1) tokenEventSample[slot] = k;
    }
    let kind: UserAgentKind | null = null;
    const userAgent = event.userAgent;
    if (userAgent) {
      userAgentEventCount[slot]!++;
      if (userAgent === lastUserAgent[slot]) kind = lastUserAgentKind[slot] as UserAgentKind;
      else {
        kind = classifyUserAgent(userAgent, matchers);
        lastUserAgent[slot] = userAgent;
        lastUserAgentKind[slot] = kind;
      }
      if (kind === "automation") {
        automationUserAgentCount[slot]!++;
        if (automationUserAgentSample[slot] === -1) automationUserAgentSample[slot] = k;
      }
    }
    const ip = event.ip;
    if (ip) {
      ipEventCount[slot]!++;
      if (datacenterIp.test(ip)) {
        datacenterIpCount[slot]!++;
        if (datacenterIpSample[slot] === -1) datacenterIpSample[slot] = k;
      }
    }
    const action = event.action;
    if (action === "user_login") {
      const ms = isoToMs(event.time);
      const count = loginCount[slot] as number;
      let newSitting = true;
      if (count > 0) {
        const gap = ms - (lastLoginMs[slot] as number);
        newSitting = gap >= windowMs || gap <= -windowMs;
        if (gap < 0) {
          loginsUnordered[slot] = 1;
          anyUnordered = true;
        }
        gapSum[slot]! += gap;
        gapSquares[slot]! += gap * gap;
      }
      lastLoginMs[slot] = ms;
      loginCount[slot] = count + 1;
      const local = ms + offsetMs;
      const hour = Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
      loginHoursMask[slot]! |= 1 << hour;
      // 1970-01-01 was a Thursday, so day 0 is weekday 4 (Sunday = 0).
      const weekday = (((Math.floor(local / DAY_MS) + 4) % 7) + 7) % 7;
      const businessHour = weekday !== 0 && weekday !== 6 && hour >= businessHoursStart && hour < businessHoursEnd;
      if (businessHour) loginBusinessHourCount[slot]!++;
      if (newSitting) loginKey[k] = scheduleKey(local, businessHour);
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
      if (kind === "browser") loginBrowserCount[slot]!++;
      else if (kind === "automation") loginAutomationCount[slot]!++;
    } else {
      const bit = otpActions.get(action);
      if (bit !== undefined) {
        otpCount[slot]!++;
        otpActionMask[slot]! |= bit;
      }
    }
  }

  const intervalCv = new Float64Array(n).fill(Number.NaN);
  const meanInterval = new Float64Array(n).fill(Number.NaN);
  const unordered: number[] = [];
  for (let slot = 0; slot < n; slot++) {
    const count = loginCount[slot] as number;
    if (count < 3) continue;
    if (loginsUnordered[slot] === 1) {
      unordered.push(slot);
      continue;
    }
    const intervals = count - 1;
    const mean = (gapSum[slot] as number) / intervals;
    meanInterval[slot] = mean;
    const variance = Math.max(0, (gapSquares[slot] as number) / intervals - mean * mean);
    if (mean > 0) intervalCv[slot] = Math.sqrt(variance) / mean;
  }
  const eventsOf = (slot: number): AuditEvent[] => {
    const out: AuditEvent[] = [];
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) out.push(events[k] as AuditEvent);
    return out;
  };

  // Login schedules: only accounts with enough logins can have one, so only their chains are walked.
  const scheduledCount = new Int32Array(n);
  const scheduledOffHours = new Int32Array(n);
  const scheduledMinute = new Int16Array(n).fill(-1);
  const minScheduled = t.minScheduledLogins;
  let keys = new Int32Array(64);
  const window = { count: 0, offHours: 0, minute: -1 };
  for (let slot = 0; slot < n; slot++) {
    if ((loginCount[slot] as number) < minScheduled || loginsUnordered[slot] === 1) continue;
    let len = 0;
    for (let k = firstEvent[slot] as number; k !== -1; k = nextEvent[k] as number) {
      const key = loginKey[k] as number;
      if (key < 0) continue;
      if (len === keys.length) {
        const grown = new Int32Array(len * 2);
        grown.set(keys);
        keys = grown;
      }
      keys[len++] = key;
    }
    if (len < minScheduled) continue;
    busiestWindow(keys, len, t.scheduleWindowMinutes, window);
    scheduledCount[slot] = window.count;
    scheduledOffHours[slot] = window.offHours;
    scheduledMinute[slot] = window.minute;
  }

  if (anyUnordered) {
    for (const slot of unordered) {
      const times = loginTimes(eventsOf(slot));
      intervalCv[slot] = coefficientOfVariation(times);
      meanInterval[slot] = ((times[times.length - 1] as number) - (times[0] as number)) / (times.length - 1);
      const sitting: number[] = [];
      for (let i = 0; i < times.length; i++) {
        const ms = times[i] as number;
        if (i > 0 && ms - (times[i - 1] as number) < windowMs) continue;
        const local = ms + offsetMs;
        sitting.push(scheduleKey(local, isBusinessHour(local, businessHoursStart, businessHoursEnd)));
      }
      if (sitting.length < minScheduled) continue;
      busiestWindow(Int32Array.from(sitting), sitting.length, t.scheduleWindowMinutes, window);
      scheduledCount[slot] = window.count;
      scheduledOffHours[slot] = window.offHours;
      scheduledMinute[slot] = window.minute;
    }
  }

  const staleCutoff = referenceMs - t.staleUiDays * DAY_MS;
  // One features object is reused for every account: scoring reads it and moves on, so
  // 100,000 accounts do not leave 100,000 short-lived objects for the garbage collector.
  const f: AccountFeatures = {
    user: users[0] as User,
    localPart: null,
    eventCount: 0,
    tokenCount: 0,
    lastUsedToken: null,
    lastTokenUseMs: Number.NaN,
    usedTokenCount: 0,
    soonestExpiringToken: null,
    soonestExpiryMs: Number.NaN,
    lastUiAccess: null,
    lastUiMs: Number.NaN,
    recentUiProductCount: 0,
    tokenEventCount: 0,
    tokenEventSample: null,
    userAgentEventCount: 0,
    automationUserAgentCount: 0,
    automationUserAgentSample: null,
    ipEventCount: 0,
    datacenterIpCount: 0,
    datacenterIpSample: null,
    otpCount: 0,
    otpActionMask: 0,
    loginCount: 0,
    loginDistinctHours: 0,
    loginBusinessHourCount: 0,
    loginIpCount: 0,
    loginIpSample: null,
    loginBrowserCount: 0,
    loginAutomationCount: 0,
    scheduledLoginCount: 0,
    scheduledOffHoursCount: 0,
    scheduledMinute: -1,
    loginIntervalCv: Number.NaN,
    loginMeanIntervalMs: Number.NaN,
  };

  const tokenAt = (k: number): ApiToken | null => (k === -1 ? null : (tokens[k] as ApiToken));
  const eventAt = (k: number): AuditEvent | null => (k === -1 ? null : (events[k] as AuditEvent));

  return {
    slotOf,
    isServiceAccount: (slot) => serviceAccountSlots[slot] === 1,
    features(slot, withSamples = false) {
      const user = users[slot] as User;
      let lastUiAccess: ProductAccess | null = null;
      let lastUiMs = Number.NaN;
      let recent = 0;
      for (const access of user.productAccess) {
        if (!access.lastActiveTimestamp) continue;
        const ms = isoToMs(access.lastActiveTimestamp);
        if (lastUiAccess === null || ms > lastUiMs) {
          lastUiAccess = access;
          lastUiMs = ms;
        }
        if (ms >= staleCutoff) recent++;
      }
      let mask = loginHoursMask[slot] as number;
      let hours = 0;
      for (; mask !== 0; mask &= mask - 1) hours++;
      f.user = user;
      f.localPart = localPartOf(user.email);
      f.eventCount = eventCount[slot] as number;
      f.tokenCount = tokenCount[slot] as number;
      f.lastUsedToken = tokenAt(lastUsedToken[slot] as number);
      f.lastTokenUseMs = lastTokenUseMs[slot] as number;
      f.usedTokenCount = usedTokenCount[slot] as number;
      f.soonestExpiringToken = tokenAt(soonestToken[slot] as number);
      f.soonestExpiryMs = soonestExpiryMs[slot] as number;
      f.lastUiAccess = lastUiAccess;
      f.lastUiMs = lastUiMs;
      f.recentUiProductCount = recent;
      f.tokenEventCount = tokenEventCount[slot] as number;
      const tokenEvent = withSamples ? eventAt(tokenEventSample[slot] as number) : null;
      f.tokenEventSample = tokenEvent === null ? null : (tokenEvent.tokenId ?? tokenEvent.authType ?? null);
      f.userAgentEventCount = userAgentEventCount[slot] as number;
      f.automationUserAgentCount = automationUserAgentCount[slot] as number;
      f.automationUserAgentSample = withSamples ? (eventAt(automationUserAgentSample[slot] as number)?.userAgent ?? null) : null;
      f.ipEventCount = ipEventCount[slot] as number;
      f.datacenterIpCount = datacenterIpCount[slot] as number;
      f.datacenterIpSample = withSamples ? (eventAt(datacenterIpSample[slot] as number)?.ip ?? null) : null;
      f.otpCount = otpCount[slot] as number;
      f.otpActionMask = otpActionMask[slot] as number;
      f.loginCount = loginCount[slot] as number;
      f.loginDistinctHours = hours;
      f.loginBusinessHourCount = loginBusinessHourCount[slot] as number;
      f.loginIpSample = withSamples ? (loginIp1[slot] ?? null) : null;
      f.loginIpCount = loginIpCount[slot] as number;
      f.loginBrowserCount = loginBrowserCount[slot] as number;
      f.loginAutomationCount = loginAutomationCount[slot] as number;
      f.scheduledLoginCount = scheduledCount[slot] as number;
      f.scheduledOffHoursCount = scheduledOffHours[slot] as number;
      f.scheduledMinute = scheduledMinute[slot] as number;
      f.loginIntervalCv = intervalCv[slot] as number;
      f.loginMeanIntervalMs = meanInterval[slot] as number;
      return f;
    },
    eventsOf,
  };
}

/** The part of an email before the `@`, or null without an email. */
export function localPartOf(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf("@");
  return at >= 0 ? email.slice(0, at) : email;
}

/** A login's schedule key: its org-local minute of the day, doubled, plus 1 when outside business hours. */
function scheduleKey(localMs: number, businessHour: boolean): number {
  const minute = Math.floor((((localMs % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  return minute * 2 + (businessHour ? 0 : 1);
}

/** True on a weekday within business hours, for an org-local instant. */
function isBusinessHour(localMs: number, start: number, end: number): boolean {
  const hour = Math.floor((((localMs % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
  const weekday = (((Math.floor(localMs / DAY_MS) + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6 && hour >= start && hour < end;
}

const MINUTES_PER_DAY = 1440;

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

/** Sorted login times (ms) of a list of events. */
export function loginTimes(events: readonly AuditEvent[]): Float64Array {
  const times: number[] = [];
  for (const event of events) if (event.action === "user_login") times.push(isoToMs(event.time));
  return Float64Array.from(times).sort();
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

/**
 * True when an event was done with a person's API token. `actor.auth.authType` also names
 * org-level and app credentials (`container-token`, `connect-token`, `auth-token-for-2LO`,
 * `auth-token-for-3LO`), which say nothing about a person's account being scripted.
 */
export function isPersonTokenEvent(event: Pick<AuditEvent, "authType" | "tokenId">): boolean {
  const type = event.authType;
  if (type !== undefined && type !== null && type !== "") return /^api[-_ ]?token$/i.test(type);
  return Boolean(event.tokenId);
}
