import type { AuditEvent } from "../../snapshot/schema.js";
import type { AccountFeatures } from "../features.js";
import { classifyUserAgent, type Matchers, type UserAgentKind } from "./matchers.js";
import type { EventIndex } from "./table.js";

/**
 * What the audit log's attributes say, event by event: which events were done with an API token,
 * which came from automation clients or cloud addresses, which were email-OTP challenges. Also
 * what the log records at all, so the report can say which signals it could not judge.
 */
export interface EventFeatures {
  /** Per event: the kind of its user agent (0 none, 1 automation, 2 browser, 3 other), for the login extractor. */
  userAgentKinds: Uint8Array;
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
  /** Action keys that contain "otp" but are not configured as email-OTP actions. */
  otpLikeActions: Set<string>;
  firstMs: number;
  lastMs: number;
}

export const UA_NONE = 0;
export const UA_AUTOMATION = 1;
export const UA_BROWSER = 2;
export const UA_OTHER = 3;
const UA_CODE: Record<UserAgentKind, number> = { automation: UA_AUTOMATION, browser: UA_BROWSER, other: UA_OTHER };
const OTP_LIKE = /otp/i;

export function extractEvents(index: EventIndex, matchers: Matchers): EventFeatures {
  const { n, events, eventSlot, eventMs } = index;
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
  const userAgentKinds = new Uint8Array(events.length);
  const coverage: EventCoverage = { events: 0, withUserAgent: 0, withIp: 0, withTokenAttribution: 0, logins: 0, otp: 0, otpLikeActions: new Set(), firstMs: Number.NaN, lastMs: Number.NaN };
  // Each account's last user agent and its kind: an account nearly always sends the same one, and
  // comparing it with the last costs less than hashing a 100-character string for the memo.
  const lastUserAgent: (string | undefined)[] = new Array<string | undefined>(n);
  const lastUserAgentKind = new Uint8Array(n);
  const datacenterIp = matchers.datacenterIp;
  const otpActions = matchers.emailOtpActions;
  let firstMs = Infinity;
  let lastMs = -Infinity;

  for (let k = 0; k < events.length; k++) {
    const slot = eventSlot[k] as number;
    if (slot === -1) continue;
    const event = events[k] as AuditEvent;
    const ms = eventMs[k] as number;
    if (ms < firstMs) firstMs = ms;
    if (ms > lastMs) lastMs = ms;
    if (event.tokenId || event.authType) {
      coverage.withTokenAttribution++;
      if (isPersonTokenEvent(event)) {
        tokenEventCount[slot]!++;
        if (tokenEventSample[slot] === -1) tokenEventSample[slot] = k;
      }
    }
    const userAgent = event.userAgent;
    if (userAgent) {
      userAgentEventCount[slot]!++;
      let code: number;
      if (userAgent === lastUserAgent[slot]) code = lastUserAgentKind[slot] as number;
      else {
        code = UA_CODE[classifyUserAgent(userAgent, matchers)];
        lastUserAgent[slot] = userAgent;
        lastUserAgentKind[slot] = code;
      }
      userAgentKinds[k] = code;
      if (code === UA_AUTOMATION) {
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
    if (action === "user_login") coverage.logins++;
    else {
      const bit = otpActions.get(action);
      if (bit !== undefined) {
        otpCount[slot]!++;
        otpActionMask[slot]! |= bit;
        coverage.otp++;
      } else if (OTP_LIKE.test(action) && coverage.otpLikeActions.size < 10) coverage.otpLikeActions.add(action);
    }
  }
  coverage.events = events.length;
  for (let slot = 0; slot < n; slot++) {
    coverage.withUserAgent += userAgentEventCount[slot] as number;
    coverage.withIp += ipEventCount[slot] as number;
  }
  if (firstMs !== Infinity) {
    coverage.firstMs = firstMs;
    coverage.lastMs = lastMs;
  }

  const eventAt = (k: number): AuditEvent | null => (k === -1 ? null : (events[k] as AuditEvent));
  return {
    userAgentKinds,
    coverage,
    fill(slot, f, withSamples) {
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
    },
  };
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
