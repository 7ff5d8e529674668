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
  automationUserAgent: RegExp;
  datacenterIpPrefixes: readonly string[];
  /** Email-OTP action keys, each with its bit in `AccountFeatures.otpActionMask` (the first 31 keys). */
  emailOtpActions: ReadonlyMap<string, number>;
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
  return {
    nameWord: hasNames ? new RegExp(`(?:^|[^a-z0-9])(?:${names})\\d*(?=[^a-z0-9]|$)`, "i") : NEVER,
    nameLeadingWord: hasNames ? new RegExp(`^[^a-z0-9]*(?:${names})\\d*(?=[^a-z0-9]|$)`, "i") : NEVER,
    nameToken: hasNames ? new RegExp(`^(?:${names})\\d*$`, "i") : NEVER,
    automationUserAgent: agents === "" ? NEVER : new RegExp(agents, "i"),
    datacenterIpPrefixes: config.datacenterIpPrefixes,
    emailOtpActions: new Map(config.emailOtpActions.map((action, i) => [action, i < 31 ? 1 << i : 0])),
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

function isDatacenterIp(ip: string, prefixes: readonly string[]): boolean {
  for (const prefix of prefixes) if (ip.startsWith(prefix)) return true;
  return false;
}

/**
 * Everything the rules need to know about one account. Numbers and references only: sentences
 * are written later, and only for accounts that end up in the report.
 */
export interface AccountFeatures {
  user: User;
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
  /** Events done with an API token (`tokenId` or `authType` recorded). */
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
  loginBrowserCount: number;
  loginAutomationCount: number;
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
  /** Ids of accounts that are the org's service accounts. */
  serviceAccountIds: ReadonlySet<string>;
  /** Fills the shared features object for one slot (the same object every call). */
  features(slot: number): AccountFeatures;
  /** The events of one account, in snapshot order. */
  eventsOf(slot: number): AuditEvent[];
}

/** Builds the account table for one audit. */
export function buildAccountTable(snapshot: Snapshot, matchers: Matchers, config: DetectionConfig, referenceMs: number): AccountTable {
  const t = config.thresholds;
  const users = snapshot.users;
  const n = users.length;
  const slotOf = new Map<string, number>();
  for (let i = 0; i < n; i++) slotOf.set((users[i] as User).accountId, i);
  const serviceAccountIds = new Set<string>();
  for (const sa of snapshot.serviceAccounts) serviceAccountIds.add(sa.accountId);

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
  const loginIpOverflow = new Uint8Array(n);
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
  const offsetMs = t.utcOffsetMinutes * 60_000;
  const { businessHoursStart, businessHoursEnd } = t;
  const dcPrefixes = matchers.datacenterIpPrefixes;
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
    if (event.tokenId || event.authType) {
      tokenEventCount[slot]!++;
      if (tokenEventSample[slot] === -1) tokenEventSample[slot] = k;
    }
    let kind: UserAgentKind | null = null;
    const userAgent = event.userAgent;
    if (userAgent) {
      userAgentEventCount[slot]!++;
      kind = classifyUserAgent(userAgent, matchers);
      if (kind === "automation") {
        automationUserAgentCount[slot]!++;
        if (automationUserAgentSample[slot] === -1) automationUserAgentSample[slot] = k;
      }
    }
    const ip = event.ip;
    if (ip) {
      ipEventCount[slot]!++;
      if (isDatacenterIp(ip, dcPrefixes)) {
        datacenterIpCount[slot]!++;
        if (datacenterIpSample[slot] === -1) datacenterIpSample[slot] = k;
      }
    }
    const action = event.action;
    if (action === "user_login") {
      const ms = isoToMs(event.time);
      const count = loginCount[slot] as number;
      if (count > 0) {
        const gap = ms - (lastLoginMs[slot] as number);
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
      if (weekday !== 0 && weekday !== 6 && hour >= businessHoursStart && hour < businessHoursEnd) loginBusinessHourCount[slot]!++;
      if (ip && loginIpOverflow[slot] === 0) {
        const ip1 = loginIp1[slot];
        if (!ip1) loginIp1[slot] = ip;
        else if (ip1 !== ip) {
          const ip2 = loginIp2[slot];
          if (!ip2) loginIp2[slot] = ip;
          else if (ip2 !== ip) {
            const ip3 = loginIp3[slot];
            if (!ip3) loginIp3[slot] = ip;
            else if (ip3 !== ip) loginIpOverflow[slot] = 1;
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
  if (anyUnordered) {
    for (const slot of unordered) {
      const times = loginTimes(eventsOf(slot));
      intervalCv[slot] = coefficientOfVariation(times);
      meanInterval[slot] = ((times[times.length - 1] as number) - (times[0] as number)) / (times.length - 1);
    }
  }

  const staleCutoff = referenceMs - t.staleUiDays * DAY_MS;
  // One features object is reused for every account: scoring reads it and moves on, so
  // 100,000 accounts do not leave 100,000 short-lived objects for the garbage collector.
  const f: AccountFeatures = {
    user: users[0] as User,
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
    loginIntervalCv: Number.NaN,
    loginMeanIntervalMs: Number.NaN,
  };

  const tokenAt = (k: number): ApiToken | null => (k === -1 ? null : (tokens[k] as ApiToken));
  const eventAt = (k: number): AuditEvent | null => (k === -1 ? null : (events[k] as AuditEvent));

  return {
    slotOf,
    serviceAccountIds,
    features(slot) {
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
      const tokenEvent = eventAt(tokenEventSample[slot] as number);
      f.tokenEventSample = tokenEvent === null ? null : (tokenEvent.tokenId ?? tokenEvent.authType ?? null);
      f.userAgentEventCount = userAgentEventCount[slot] as number;
      f.automationUserAgentCount = automationUserAgentCount[slot] as number;
      f.automationUserAgentSample = eventAt(automationUserAgentSample[slot] as number)?.userAgent ?? null;
      f.ipEventCount = ipEventCount[slot] as number;
      f.datacenterIpCount = datacenterIpCount[slot] as number;
      f.datacenterIpSample = eventAt(datacenterIpSample[slot] as number)?.ip ?? null;
      f.otpCount = otpCount[slot] as number;
      f.otpActionMask = otpActionMask[slot] as number;
      f.loginCount = loginCount[slot] as number;
      f.loginDistinctHours = hours;
      f.loginBusinessHourCount = loginBusinessHourCount[slot] as number;
      f.loginIpSample = loginIp1[slot] ?? null;
      f.loginIpCount = f.loginIpSample === null ? 0 : loginIpOverflow[slot] === 1 ? 4 : loginIp3[slot] ? 3 : loginIp2[slot] ? 2 : 1;
      f.loginBrowserCount = loginBrowserCount[slot] as number;
      f.loginAutomationCount = loginAutomationCount[slot] as number;
      f.loginIntervalCv = intervalCv[slot] as number;
      f.loginMeanIntervalMs = meanInterval[slot] as number;
      return f;
    },
    eventsOf,
  };
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
