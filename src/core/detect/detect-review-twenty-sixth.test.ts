// People the audit must never call `bot`: one IT person behind a team's address (`it-support@`,
// `helpdesk@`) who works office hours under a short session with an email code at each sign-in
// and is paged at night and at weekends, and people who work only from Atlassian's mobile apps
// (an okhttp-based Android agent or the iOS app, carrier addresses), with an email code at each
// of many short sessions a day, weekends too. Each is audited in a tiny org beside its robots,
// under the judge's changes to a log and two of an org's own (times rounded to the minute, each
// event recorded twice). The guards keep an admin's second account and an IT person paged rarely.
import { describe, expect, it } from "vitest";
import { account, BROWSER, CLOUD, DAY, ev, explain, HOUR, isWeekend, iso, lcg, MIN, OFFICE, REF_MS, shift, type Perturb, type Raw, type LogChange, judgedInTinyOrg, type TinyOrgCase, JUDGE_LOG_CHANGES } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const timeOf = (e: Raw): number => Date.parse(String(e["time"]));
/** A log that keeps whole minutes only. */
const roundToMinute: Perturb = (events) => events.map((e) => ({ ...e, time: iso(Math.floor(timeOf(e) / MIN) * MIN) }));
/** A log that records each event twice. */
const twice: Perturb = (events) => events.flatMap((e) => [e, { ...e, id: `${String(e["id"])}-dup` }]);
/** The changes to a log: [name, event changes, whether last-active times are dropped]. */
const CHANGES: readonly LogChange[] = [
  ...JUDGE_LOG_CHANGES,
  ["read 5 hours east", [shift(5)], false],
  ["read 7 hours west", [shift(-7)], false],
  ["rounded to the minute", [roundToMinute], false],
  ["each event twice", [twice], false],
];

/** The runs, under each change, in which `p` has the verdict `bad`. */
function runsWith(bad: Finding["verdict"], build: (seed: number) => TinyOrgCase): string[] {
  const out: string[] = [];
  for (const [name, changes, blank] of CHANGES)
    for (const seed of SEEDS) {
      const f = judgedInTinyOrg(seed, build(seed), changes, blank);
      if (f.verdict === bad) out.push(`${name}, run ${seed}: ${explain(f)}`);
    }
  return out;
}

/**
 * One IT person's 35 days (account `p`): on weekdays, office sign-ins every 40-120 minutes from
 * 08:30-09:30 to 17:30 (`officeEvery`), or one to three at random office hours; pages at night on
 * weekdays and at any hour at weekends (`pages`: [weekday max, weekend min, weekend max]), from
 * home. Each sign-in has its email code and one to four updates within 15 minutes.
 */
function onCall(seed: number, officeEvery: boolean, pages: readonly [number, number, number]): Raw[] {
  const r = lcg(seed * 71 + 9);
  const out: Raw[] = [];
  const signIn = (t: number, ip: string): void => {
    out.push(ev("p", Math.floor(t - 20_000), { action: "email_otp_sent", ip, userAgent: BROWSER }), ev("p", Math.floor(t), { ip, userAgent: BROWSER }));
    const acts = 1 + Math.floor(r() * 4);
    for (let i = 0; i < acts; i++) out.push(ev("p", Math.floor(t + (2 + i * 4) * MIN), { action: "issue_updated", ip, userAgent: BROWSER }));
  };
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    const weekend = isWeekend(day);
    if (!weekend && officeEvery) for (let t = day + (8.5 + r()) * HOUR; t < day + 17.5 * HOUR; t += (40 + r() * 80) * MIN) signIn(t, OFFICE);
    if (!weekend && !officeEvery) for (let k = 1 + Math.floor(r() * 3); k > 0; k--) signIn(day + (8.5 + r() * 9) * HOUR, OFFICE);
    const n = weekend ? pages[1] + Math.floor(r() * (pages[2] - pages[1] + 1)) : Math.floor(r() * (pages[0] + 1));
    for (let k = 0; k < n; k++) signIn(day + (weekend ? r() * 24 : r() < 0.5 ? r() * 7 : 19 + r() * 5) * HOUR, "92.40.10.5");
  }
  return out;
}
const itSupport = (o: Raw = {}): Raw => account("p", { name: "IT Support", email: "it-support@acme.com", managementSource: "invited", jobTitle: null, department: null, picture: null, ...o });

describe("one IT person behind a team's address, on call at night and at weekends, with an email code at each sign-in", () => {
  // Office sign-ins every 40-120 minutes, up to two night pages a weekday, two to five a weekend
  // day: email-otp (an OTP flood), every-day, login-fixed-cadence (in-session) and
  // login-round-the-clock, round-the-clock in some runs: `bot` in 49 of 65 runs.
  it("`it-support@` (invited, no profile) paged most nights is never bot", () => {
    expect(runsWith("bot", (seed) => ({ user: itSupport(), events: onCall(seed, true, [2, 2, 5]) }))).toEqual([]);
  });

  // Paged less (a night in two, one to three pages a weekend day): email-otp (a flood) and
  // login-fixed-cadence alone, two strong rules of the sign-ins of one session policy: `bot` in 19 of 65.
  it("`it-support@` paged a night in two is never bot", () => {
    expect(runsWith("bot", (seed) => ({ user: itSupport(), events: onCall(seed, true, [1, 1, 3]) }))).toEqual([]);
  });

  // One to three sign-ins at random office hours, paged most nights: round-the-clock, every-day
  // and login-round-the-clock (no timer's regularity, but a role address with no person's profile
  // and no long sittings), or with each event recorded twice an OTP flood alone: `bot` in 16 of 65.
  it("`it-support@` signing in a few times a day, paged most nights, is never bot", () => {
    expect(runsWith("bot", (seed) => ({ user: itSupport(), events: onCall(seed, false, [2, 2, 5]) }))).toEqual([]);
  });

  // `helpdesk@`, IdP-synced, department IT: the same strong rules, `bot` in 54 of 65 runs.
  it("`helpdesk@` kept by the IdP, paged most nights, is never bot", () => {
    expect(runsWith("bot", (seed) => ({ user: itSupport({ name: "Helpdesk", email: "helpdesk@acme.com", managementSource: "synced", department: "IT" }), events: onCall(seed, true, [2, 2, 5]) }))).toEqual([]);
  });

  // Not a team's address: a named IT engineer kept by the IdP with a person's profile, the same
  // days: the same strong rules, `bot` in 43 of 65 runs.
  it("a synced IT engineer with a full profile, paged most nights, is never bot", () => {
    expect(runsWith("bot", (seed) => ({ user: account("p", { name: "Ravi Patel", email: "ravi.patel@acme.com", jobTitle: "IT Support Engineer", department: "IT" }), events: onCall(seed, true, [2, 2, 5]) }))).toEqual([]);
  });

  // Guard: signing in a few times a day and paged rarely, the address is reviewed, never `bot`.
  it("`it-support@` signing in a few times a day and paged rarely is not bot", () => {
    expect(runsWith("bot", (seed) => ({ user: itSupport(), events: onCall(seed, false, [1, 1, 3]) }))).toEqual([]);
  });
});

const ANDROID = "okhttp/4.12.0";
const CONFLUENCE_ANDROID = "Confluence/8.2.0 (Android 14; Pixel 8)";
const IPHONE = "Jira/5.14.0 (iPhone; iOS 17.4; Scale/3.00)";

/**
 * A person who works only from a phone (account `p`): `perDay` short sessions a day (half on a
 * weekend day, seven weekend days in ten) at 07:00-23:00, each from a carrier's address with a
 * sign-in, its email code and one to three views or comments.
 */
function phoneOnly(seed: number, userAgent: string, perDay: readonly [number, number]): Raw[] {
  const r = lcg(seed * 131 + 5);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    const weekend = isWeekend(day);
    if (weekend && r() < 0.3) continue;
    const n = (weekend ? 0.5 : 1) * (perDay[0] + r() * (perDay[1] - perDay[0]));
    for (let k = 0; k < n; k++) {
      const t = day + (7 + r() * 16) * HOUR;
      const ip = `172.56.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`;
      out.push(ev("p", Math.floor(t - 15_000), { action: "email_otp_sent", ip, userAgent }), ev("p", Math.floor(t), { ip, userAgent }));
      for (let i = 1 + Math.floor(r() * 3); i > 0; i--) out.push(ev("p", Math.floor(t + (i - 0.5) * MIN), { action: r() < 0.5 ? "issue_viewed" : "comment_created", ip, userAgent }));
    }
  }
  return out;
}
const fieldWorker = account("p", { name: "Luis Ramos", managementSource: "invited", jobTitle: null, department: null, picture: null });

describe("a person who works only from Atlassian's mobile apps, an email code at each short session", () => {
  // The Confluence Android app's own user agent (no HTTP library's): the same rules, `bot` in 37 of 65.
  it("an invited field worker on the Confluence Android app is never bot", () => {
    expect(runsWith("bot", (seed) => ({ user: fieldWorker, events: phoneOnly(seed, CONFLUENCE_ANDROID, [6, 10]) }))).toEqual([]);
  });

  // The Jira Android app speaks through okhttp, an HTTP library's agent: with an OTP flood and
  // every-day, `bot` in 37 of 65 runs. Its sign-ins come from a new carrier address most times.
  it("an invited field worker on the Android app (okhttp) is never bot", () => {
    expect(runsWith("bot", (seed) => ({ user: fieldWorker, events: phoneOnly(seed, ANDROID, [6, 10]) }))).toEqual([]);
  });

  // Guard: the same Android worker kept by the IdP with a person's profile is reviewed at most.
  it("a synced field worker with a full profile on the Android app is not bot", () => {
    expect(runsWith("bot", (seed) => ({ user: account("p", { name: "Luis Ramos" }), events: phoneOnly(seed, ANDROID, [6, 10]) }))).toEqual([]);
  });

  // The iOS app, 8-14 sessions a day: with 30% of the events lost the login flood goes and the
  // OTP flood with every-day is `bot` (3 of 65 runs).
  it("an invited field worker on the iPhone app is never bot", () => {
    expect(runsWith("bot", (seed) => ({ user: fieldWorker, events: phoneOnly(seed, IPHONE, [8, 14]) }))).toEqual([]);
  });
});

describe("an admin's second account, used for admin actions only", () => {
  const adminActions = ["user_invited", "group_member_added", "user_role_updated", "policy_updated", "site_setting_updated"];
  /** On three workdays in ten, one or two visits at 09:00-17:00 from a jump host in a cloud, each a sign-in with its email code and two to six admin actions. */
  function adminVisits(seed: number): Raw[] {
    const r = lcg(seed * 31 + 7);
    const out: Raw[] = [];
    for (let d = 35; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day) || r() > 0.3) continue;
      for (let v = 1 + Math.floor(r() * 2); v > 0; v--) {
        const t = day + (9 + r() * 8) * HOUR;
        out.push(ev("p", Math.floor(t - 20_000), { action: "email_otp_sent", ip: CLOUD, userAgent: BROWSER }), ev("p", Math.floor(t), { ip: CLOUD, userAgent: BROWSER }));
        for (let i = 2 + Math.floor(r() * 5); i > 0; i--) out.push(ev("p", Math.floor(t + i * 1.5 * MIN), { action: adminActions[Math.floor(r() * 5)], ip: CLOUD, userAgent: BROWSER }));
      }
    }
    return out;
  }
  // Guard: "Jane Doe (admin)" at `jane-admin@`, invited, no 2SV, no profile, from a cloud jump host.
  it("`jane-admin@` from a jump host in a cloud is not bot", () => {
    const user = account("p", { name: "Jane Doe (admin)", email: "jane-admin@acme.com", managementSource: "invited", jobTitle: null, department: null, picture: null, productAccess: [{ key: "jira-admin", id: "ari:adm", lastActiveTimestamp: iso(REF_MS - 3 * DAY) }] });
    expect(runsWith("bot", (seed) => ({ user, events: adminVisits(seed) }))).toEqual([]);
  });
});
