// Which log actions are the email OTP challenge, read from their names when no configured key occurs.

import type { DetectionConfig } from "./config.js";
import type { AccountTable } from "./features.js";

/** An action's words, lower-cased: `emailOtpSent` and `email-otp.sent` both give email, otp, sent. */
function actionWords(action: string): string[] {
  return action
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "")
    .map((word) => word.toLowerCase());
}

const EMAIL_WORDS = new Set(["email", "mail", "emailed"]);
const OTP_CHALLENGE_WORDS = new Set(["email", "mail", "emailed", "sent", "send", "issued", "issue", "challenge", "challenged", "requested", "request", "delivered"]);
const NOT_A_CHALLENGE_WORDS = new Set(["sms", "phone", "totp", "hotp", "app", "authenticator", "backup", "recovery", "disabled", "disable", "enabled", "enable", "setting", "settings", "config", "configured", "reset", "removed", "remove", "viewed", "view", "updated", "update", "qr", "oauth", "owner", "caller"]);

/**
 * Words before "code" (anywhere before it) that make it a one-time code: a verification, login,
 * identity, security or second-factor code sent to sign in (`login_email_code_issued`,
 * `user_verify_identity_code_sent`, `mfa_email_code_sent`, `twoFactorEmailCodeSent`).
 */
const ONE_TIME_CODE_KINDS = new Set(["verification", "verify", "login", "signin", "security", "identity", "one", "time", "onetime"]);
/** A second factor's words: its code is the email OTP only where the name says email (`mfa_email_code_sent`, not `mfa_code_sent`, an SMS's or an app's as often). */
const SECOND_FACTOR_KINDS = new Set(["mfa", "2fa", "2sv", "twofactor", "factor", "stepup"]);

/** True when the words name a one-time passcode: "otp", "passcode", "one time", or a verification, login, identity, security or emailed second-factor code. */
function namesAOneTimeCode(words: readonly string[]): boolean {
  let kind = false;
  let secondFactor = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word === "otp" || word === "passcode" || word === "onetime" || (word === "one" && words[i + 1] === "time")) return true;
    if (word === "code" && (kind || (secondFactor && words.some((w) => EMAIL_WORDS.has(w))))) return true;
    if (ONE_TIME_CODE_KINDS.has(word)) kind = true;
    if (SECOND_FACTOR_KINDS.has(word) || (word === "step" && words[i + 1] === "up")) secondFactor = true;
  }
  return false;
}

/**
 * True when an action's name says it is an email one-time-passcode challenge: a one-time code
 * ("otp", "passcode", "verification code") with a word of sending or challenging
 * (`idp.email-otp.issued`, `otpChallengeSent`, `email_verification_code_sent`), and none about a
 * setting or another channel (`user_otp_disabled`, `sms_otp_sent`, `otp_settings_viewed`).
 */
function namesAnOtpChallenge(action: string): boolean {
  const words = actionWords(action);
  return ((namesAOneTimeCode(words) && words.some((w) => OTP_CHALLENGE_WORDS.has(w))) || namesAnEmailChallenge(words)) && !words.some((w) => NOT_A_CHALLENGE_WORDS.has(w));
}

/** Words that put a challenge or a verification at a sign-in, not at an email address or a form. */
const SIGN_IN_CHECK_WORDS = new Set(["identity", "idp", "login", "signin", "sign", "auth", "authentication", "mfa", "2fa", "stepup", "step"]);
/** Words of challenges that are no sign-in's: an address or a password changed, a captcha, a domain. */
const NOT_A_SIGN_IN_WORDS = new Set(["change", "changed", "new", "address", "password", "forgot", "captcha", "domain", "signup", "register", "registration", "customer", "portal"]);

/**
 * True when the words name a challenge sent by email at a sign-in, in a log's own words: an
 * email challenge or verification with a word of signing in (`user_login_email_challenge`,
 * `idp.mail.challenge`, `identity_verification_email_sent`); not an email address's verification
 * (`email_verification_sent`), a change of address, a password reset, a captcha, or a customer
 * portal's own mail (`portal_customer_email_challenge_sent`).
 */
function namesAnEmailChallenge(words: readonly string[]): boolean {
  if (!words.some((w) => EMAIL_WORDS.has(w)) || words.some((w) => NOT_A_SIGN_IN_WORDS.has(w))) return false;
  if (!words.some((w) => SIGN_IN_CHECK_WORDS.has(w))) return false;
  return words.includes("challenge") || words.includes("challenged") || words.includes("verification");
}

/** How near a sign-in of the same account an email code is sent: the code comes while it signs in. */
const SIGN_IN_WINDOW_MS = 10 * 60_000;
/** The share of a key's events that must come that near a sign-in, where the log records sign-ins. */
const MIN_AT_SIGN_IN_SHARE = 0.5;

/**
 * The email-OTP action key to infer from its name: only when no event carries a configured key
 * (so a configured org is never second-guessed) and inference is on. A name is not enough where
 * the log records sign-ins: an email code is sent while its account signs in, so at least half of
 * the key's events must come within 10 minutes of a sign-in of the same account (a service desk's
 * codes to its callers, a CLI's device codes come in the middle of work). One key, the one most
 * often at a sign-in (the most used, without sign-ins in the log), so that a challenge logged twice
 * (issued, then passed) counts once.
 */
export function inferOtpActions(table: AccountTable, config: DetectionConfig): string[] {
  const c = table.coverage;
  if (c.otp > 0 || !config.inferEmailOtpActions) return [];
  const named = new Set<string>();
  for (const action of c.otpLikeActions.keys()) if (namesAnOtpChallenge(action)) named.add(action);
  if (named.size === 0) return [];
  const atSignIn = c.logins > 0 ? table.eventsNearSignIns(named, SIGN_IN_WINDOW_MS) : undefined;
  let best: string | undefined;
  let bestCount = 0;
  for (const action of named) {
    const total = c.otpLikeActions.get(action) as number;
    const count = atSignIn === undefined ? total : (atSignIn.get(action) ?? 0);
    if (atSignIn !== undefined && count < total * MIN_AT_SIGN_IN_SHARE) continue;
    if (count > bestCount || (count === bestCount && best !== undefined && action < best)) {
      best = action;
      bestCount = count;
    }
  }
  return best === undefined ? [] : [best];
}
