// Actions read as the email OTP challenge from their names when no configured key occurs, and
// actions counted as a sign-in's own step rather than work: codes that are no sign-in's (a
// caller's identity code sent by a service desk, a code owner, a postcode) must not make a person
// a script, hide a true key, or hide a robot's work.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, ev, explain, findingOf, HOUR, isWeekend, lastDays, lcg, MIN, OFFICE, officeDays, perturbed, REF_MS, snapshotOf, stripUserAgents, token, tokenCall, type Perturb, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const INVITED = { managementSource: "invited", jobTitle: null, department: null, picture: null };
/** The judge's changes under which the shift worker's sign-in times stay fixed. */
const CHANGES: [string, Perturb[]][] = [
  ["as recorded", []],
  ["no user agents", [stripUserAgents]],
  ["last 14 days", [lastDays(14)]],
];
/** A code a service-desk agent sends a caller to check who is calling, before a password reset. */
const CALLER_CODE = "servicedesk.caller_identity.code_sent";

/** Eight office workers; their sign-ins bring an email code logged as `otpKey` (none when undefined). */
function colleagues(seed: number, otpKey?: string): [Raw[], Raw[]] {
  const users: Raw[] = [];
  const events: Raw[] = [];
  for (let i = 0; i < 8; i++) {
    users.push(account(`c${i}`, { name: `Colleague ${i}` }));
    const own = officeDays(lcg(seed * 31 + i), `c${i}`, otpKey !== undefined);
    events.push(...own.map((e) => (e["action"] === "email_otp_sent" && otpKey !== undefined ? { ...e, action: otpKey } : e)));
  }
  return [users, events];
}

/**
 * A service-desk agent (account `id`) on a shift: signed in at 08:00-08:10 and 13:00-13:10 (the
 * desk's desktops clear cookies at the start of the shift and after lunch) when `fixed`, else at
 * 08:00-09:30 and 12:30-13:30; a call every 10-35 minutes until 17:30, each a code sent to the
 * caller (`code`) and one to three updates within minutes.
 */
function agentDays(seed: number, id: string, code: string, fixed: boolean): Raw[] {
  const r = lcg(seed + 77);
  const events: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.05) continue;
    const first = day + (fixed ? 8 * HOUR + Math.floor(r() * 10) * MIN : (8 + r() * 1.5) * HOUR);
    const second = day + (fixed ? 13 * HOUR + Math.floor(r() * 10) * MIN : (12.5 + r()) * HOUR);
    events.push(ev(id, first, { ip: OFFICE, userAgent: BROWSER }), ev(id, second, { ip: OFFICE, userAgent: BROWSER }));
    for (let t = first + 5 * MIN; t < day + 17.5 * HOUR; t += (10 + r() * 25) * MIN) {
      if (t > day + 12 * HOUR && t < second) continue;
      events.push(ev(id, Math.floor(t), { action: code, ip: OFFICE, userAgent: BROWSER }));
      const updates = 1 + Math.floor(r() * 3);
      for (let k = 0; k < updates; k++) events.push(ev(id, Math.floor(t + (2 + k * 3 + r() * 3) * MIN), { action: k === 0 ? "issue_updated" : "comment_created", ip: OFFICE, userAgent: BROWSER }));
    }
  }
  return events;
}

/** The agent `p` with `profile` beside colleagues whose log records no email code. */
function serviceDesk(seed: number, profile: Raw, code = CALLER_CODE, fixed = true): Raw[][] {
  const [users, events] = colleagues(seed);
  return [[account("p", { name: "Dana Reyes", ...profile }), ...users], [...agentDays(seed, "p", code, fixed), ...events]];
}

const findingIn = ([users, events, tokens = []]: Raw[][], id: string, seed: number, changes: Perturb[] = []): Finding =>
  findingOf(snapshotOf(users as Raw[], perturbed(events as Raw[], seed, changes), tokens as Raw[]), id);

describe("codes that are no sign-in's, in a log without a configured email-OTP key", () => {
  // An outsourced service-desk agent (invited, empty profile) made to sign in at 08:00 and 13:00,
  // who sends each caller an identity code: the codes, read as OTP challenges, flood (3) and mark
  // every update as right after a "sign-in", so the long sittings pass for a robot's timetable
  // (login-daily-slots 2.5): `bot` 7.5, migrated and suspended. A desk that logs the caller's
  // "verification code" is read the same way (a name alone cannot tell it from a sign-in's).
  for (const code of [CALLER_CODE, "servicedesk.caller_verification_code_sent"])
    it(`a service-desk agent who sends callers codes (${code}) is not a bot`, () => {
      const runs: string[] = [];
      for (const [name, changes] of CHANGES)
        for (const seed of SEEDS) {
          const f = findingIn(serviceDesk(seed, INVITED, code), "p", seed, changes);
          if (f.verdict !== "human") runs.push(`${name}, run ${seed}: ${explain(f)}`);
        }
      expect(runs).toEqual([]);
    });

  // The same agent synced from the IdP with a full profile: sent to review (likely-bot 4 on
  // email-otp 3 and login-daily-slots 2.5).
  it("an IdP-synced service-desk agent who sends callers identity codes is not sent to review", () => {
    const runs: string[] = [];
    for (const [name, changes] of CHANGES)
      for (const seed of SEEDS) {
        const f = findingIn(serviceDesk(seed, {}), "p", seed, changes);
        if (f.verdict !== "human") runs.push(`${name}, run ${seed}: ${explain(f)}`);
      }
    expect(runs).toEqual([]);
  });

  // The org's true key `login_email_code_issued` (each colleague's sign-in) beside three agents'
  // caller codes, which are more: only the most used key is read, so the colleagues' true codes are
  // dropped and their enable-2sv advice is lost (human, none).
  it("a true OTP key outvoted by caller codes still gives its people the enable-2sv advice", () => {
    const missing: string[] = [];
    for (const seed of SEEDS) {
      const [users, events] = colleagues(seed, "login_email_code_issued");
      for (let a = 0; a < 3; a++) {
        users.push(account(`a${a}`, { name: `Agent ${a}` }));
        events.push(...agentDays(seed * 10 + a, `a${a}`, CALLER_CODE, false));
      }
      const f = findingIn([users, events], "c0", seed);
      if (f.recommendation !== "enable-2sv") missing.push(`run ${seed}: ${f.recommendation} ${explain(f)}`);
    }
    expect(missing).toEqual([]);
  });

  // A developer whose CLI signs in through the OAuth device flow every hour
  // (`identity.oauth.device_code.issued`, no email involved): the device codes flood as email OTP
  // challenges (email-otp 3, working-hours-only lost) and the developer is told to enable 2SV for
  // email codes they never get.
  it("a developer's CLI device codes are no email codes", () => {
    const runs: string[] = [];
    for (const seed of SEEDS) {
      const [users, events] = colleagues(seed);
      const r = lcg(seed + 9);
      const own = officeDays(lcg(seed), "p");
      for (let d = 35; d >= 1; d--) {
        const day = REF_MS - d * DAY;
        if (isWeekend(day)) continue;
        for (let h = 9; h < 17; h++) {
          const t = day + h * HOUR + Math.floor(r() * 20) * MIN;
          own.push(ev("p", t, { action: "identity.oauth.device_code.issued", ip: OFFICE, userAgent: "acli/1.2" }));
          for (let k = 1; k < 4; k++) own.push(tokenCall("p", t + k * 7 * MIN, "tk", OFFICE, "acli/1.2"));
        }
      }
      const f = findingIn([[account("p", { name: "Dana Reyes" }), ...users], [...own, ...events], [token("tk", "p", REF_MS - DAY)]], "p", seed);
      if (f.verdict !== "human" || f.recommendation !== "none") runs.push(`run ${seed}: ${f.recommendation} ${explain(f)}`);
    }
    expect(runs).toEqual([]);
  });

  // Guard: the same agent whose calls are logged without a code stays a person, with no advice.
  it("the agent whose calls are logged as identity checks stays human", () => {
    for (const seed of SEEDS) {
      const f = findingIn(serviceDesk(seed, INVITED, "servicedesk.caller_identity.checked"), "p", seed);
      expect([seed, f.verdict, f.recommendation], explain(f)).toEqual([seed, "human", "none"]);
    }
  });

  // Guard: the org's true key alone is read, and gives the advice.
  it("a true OTP key alone gives its people the enable-2sv advice", () => {
    for (const seed of SEEDS) {
      const [users, events] = colleagues(seed, "login_email_code_issued");
      const f = findingIn([users, events], "c0", seed);
      expect([seed, f.recommendation], explain(f)).toEqual([seed, "enable-2sv"]);
    }
  });
});

/**
 * A browser robot (RPA, account `p`, invited, "Security Triage") that signs in four times a
 * workday at random times in office hours, each with an email code (the configured key), and
 * does three to six steps (`step`) within ten minutes.
 */
function robot(seed: number, step: string): Raw[][] {
  const [users, events] = colleagues(seed, "email_otp_sent");
  const r = lcg(seed + 55);
  const own: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (let k = 0; k < 4; k++) {
      const t = day + (8 * 60 + Math.floor(r() * 9 * 60)) * MIN + Math.floor(r() * 50_000);
      own.push(ev("p", t - 20_000, { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }), ev("p", t, { ip: OFFICE, userAgent: BROWSER }));
      const steps = 3 + Math.floor(r() * 4);
      for (let s = 1; s <= steps; s++) own.push(ev("p", t + s * 90_000 + Math.floor(r() * 30_000), { action: step, ip: OFFICE, userAgent: BROWSER }));
    }
  }
  return [[account("p", { name: "Security Triage", email: "sec-triage@acme.com", ...INVITED }), ...users], [...own, ...events]];
}

describe("a robot's work named after a code", () => {
  // A triage robot whose steps assign a finding's code owner (`security_finding_code_owner_assigned`)
  // or an HR robot's that update a postcode (`identity_record_postcode_updated`): "security" or
  // "identity" anywhere before "code" now makes each step a sign-in's own, the robot records no
  // work, and the floor for robots that sign in, do their steps and leave no longer holds: `human`.
  for (const step of ["security_finding_code_owner_assigned", "identity_record_postcode_updated"])
    it(`a browser robot whose steps are ${step} is at least likely-bot`, () => {
      const runs: string[] = [];
      for (const seed of SEEDS) {
        const f = findingIn(robot(seed, step), "p", seed);
        if (f.verdict === "human") runs.push(`run ${seed}: ${explain(f)}`);
      }
      expect(runs).toEqual([]);
    });

  // Guard: the same robot whose steps name no code is reviewed.
  it("the robot whose steps name no code is likely-bot", () => {
    for (const seed of SEEDS) {
      const f = findingIn(robot(seed, "security_finding_owner_assigned"), "p", seed);
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });
});
