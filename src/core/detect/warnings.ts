// The report's warnings about signals the snapshot cannot give (no events, no user agents, a short
// log, profiles or UI activity not recorded).

import type { User } from "../snapshot/schema.js";
import type { DetectionConfig } from "./config.js";
import { coarseTimeGrainMs, type EventCoverage } from "./features.js";
import { DAY_MS, HOUR_MS } from "./time.js";

/**
 * What no account's profile records: a source that never says who the IdP provisions, or that
 * collects no job titles, departments or pictures, or no 2SV state, leaves the rules that read
 * them silent for every account, which a reader must know to trust a quiet report.
 */
export function profileWarnings(users: readonly User[], hasEvents: boolean, uiRecorded: boolean): string[] {
  let people = 0;
  let managed = 0;
  let profiled = 0;
  let mfa = 0;
  for (const user of users) {
    if (user.accountType !== "atlassian") continue;
    people++;
    if (user.managementSource !== undefined) managed++;
    if (user.jobTitle !== undefined || user.department !== undefined || user.picture !== undefined) profiled++;
    if (user.mfaEnabled !== undefined) mfa++;
  }
  if (people === 0) return [];
  const out: string[] = [];
  if (!uiRecorded) {
    out.push(
      hasEvents
        ? "Unavailable signal: no account records when it was last active in a product's UI; each account's latest sign-in or work from a browser in the audit log stands for it, so channel-divergence (which needs UI activity that stopped) could not judge any account, and token-without-ui judges only tokens in use on accounts with neither in the whole log."
        : "Unavailable signal: no account records when it was last active in a product's UI, so channel-divergence, token-without-ui and recent-ui-activity could not judge any account.",
    );
  }
  if (managed === 0) {
    const weak = hasEvents ? ", and weak machine evidence (cloud addresses) alone makes no account `bot`" : "";
    out.push(`Unavailable signal: no account records managementSource, so idp-synced and not-idp-linked could not judge any account${weak}.`);
  }
  if (profiled === 0) out.push("Unavailable signal: no account records a job title, department or picture, so full-profile and empty-profile could not judge any account.");
  if (mfa === 0) out.push("Unavailable signal: no account records mfaEnabled, so 2sv-enabled and no-2sv could not judge any account, nor enable-2sv advice be given.");
  return out;
}

/** Report warnings that name the signals this snapshot could not provide. */
export function coverageWarnings(c: EventCoverage, config: DetectionConfig, hasUsers: boolean, inferred: readonly string[]): string[] {
  if (!hasUsers) return [];
  const out: string[] = [];
  if (c.events === 0) {
    out.push("Unavailable signal: the snapshot has no audit events, so no timing, address, user-agent or email-OTP rule could judge any account; verdicts rest on tokens, UI activity and profiles, and without machine evidence none is `bot`.");
    return out;
  }
  const days = (c.lastMs - c.firstMs) / DAY_MS;
  if (days < 14) out.push(`Limited signal: the audit events cover only ${days.toFixed(1)} days; daily and scheduled activity is judged on at least ${config.thresholds.minScheduleDays} days, so jobs that run weekly or less are not seen.`);
  if (inferred.length > 0) {
    out.push(
      `Inferred signal: no event has a configured email-OTP action key (${config.emailOtpActions.join(", ")}), so ${inferred.join(", ")} ${inferred.length === 1 ? "was" : "were"} read as email-OTP challenges from the name; list the right keys in detection.emailOtpActions (or set detection.inferEmailOtpActions to false) to decide it yourself.`,
    );
  } else if (c.otp === 0) {
    const keys = config.emailOtpActions.join(", ");
    const candidates = [...c.otpLikeActions.keys()].slice(0, 10);
    out.push(
      `Unavailable signal: no event has a configured email-OTP action key (${keys}), so email-otp and enable-2sv advice could not judge any account${candidates.length > 0 ? `; these actions look like OTP challenges: ${candidates.join(", ")} (add them to detection.emailOtpActions if they are)` : ""}.`,
    );
  }
  const grain = coarseTimeGrainMs(c);
  if (grain > 0) {
    out.push(
      `Limited signal: the audit log records event times to the ${grain === HOUR_MS ? "hour" : "quarter hour"} only, so no beat, fixed time of day or schedule can be told from the rounding; activity-cadence, activity-schedule, login-fixed-cadence, login-schedule and login-daily-slots could not judge any account, nor could the reviews that read a start's minute (a token's timer, punctual sign-ins, work through an unrecorded token at its minute).`,
    );
  }
  if (c.logins === 0) out.push("Unavailable signal: no user_login events; login timing rules could not judge any account (activity timing still uses every event).");
  if (c.withUserAgent === 0) out.push("Unavailable signal: no event records a user agent; automation-user-agent (which only adds confidence) could not judge any account.");
  if (c.withIp === 0) out.push("Unavailable signal: no event records an IP address; datacenter-ip could not judge any account.");
  if (c.withTokenAttribution === 0) out.push("Unavailable signal: no event records tokenId or authType; token-events could not judge any account (token use is still read from the token inventory).");
  return out;
}
