// Support agents under a short session policy (a sign-in, with an email code, every 15-40
// minutes, two-step verification off) whose week is not Monday to Friday (a six-day week, a
// part-time seven-day rota, a Wednesday-to-Sunday week that starts on the hour, 12-hour shifts
// on a 2-2-3 rota, 12-hour night shifts four on and four off), in a tiny org beside its few
// robots. None is a script.
import { describe, expect, it } from "vitest";
import { snapshotSchema, type Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, CLOUD, DAY, ev, explain, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, officeDays, perturbed, rawSnapshot, REF_MS, shift, token, tokenCall, type Perturb, type Raw, noLastActive, JUDGE_LOG_CHANGES } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
/** The judge's changes to a log: [name, event changes, whether last-active times are dropped]. */
const CHANGES = JUDGE_LOG_CHANGES;

interface Org {
  users: Raw[];
  events: Raw[];
  tokens: Raw[];
}

/**
 * A tiny org: four office workers and two robots (a headless browser that signs in with an email
 * code at 06:00 every day, a report script calling the API every 30 minutes from a cloud).
 */
function tinyOrg(seed: number): Org {
  const r = lcg(seed * 977);
  const org: Org = { users: [], events: [], tokens: [token("rep-t", "rep", REF_MS - HOUR, "reports")] };
  for (let i = 0; i < 4; i++) {
    org.users.push(account(`c${i}`, { name: `Colleague ${i}` }));
    org.events.push(...officeDays(lcg(Math.floor(r() * 1e9)), `c${i}`));
  }
  const robot = { managementSource: "invited", jobTitle: null, department: null, picture: null };
  org.users.push(account("sync", { name: "jira-sync", email: "jira-sync@acme.com", ...robot }));
  org.users.push(account("rep", { name: "Reporting", email: "reports@acme.com", ...robot, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: null }] }));
  for (let d = 35; d >= 1; d--) {
    const t = REF_MS - d * DAY + 6 * HOUR + Math.floor(r() * 60_000);
    org.events.push(ev("sync", t, { ip: CLOUD, userAgent: "HeadlessChrome/120" }), ev("sync", t + 20_000, { action: "email_otp_sent", ip: CLOUD, userAgent: "HeadlessChrome/120" }));
    for (let i = 1; i < 6; i++) org.events.push(ev("sync", t + i * MIN, { action: "issue_updated", ip: CLOUD, userAgent: "HeadlessChrome/120" }));
  }
  for (let t = REF_MS - 35 * DAY; t < REF_MS; t += 30 * MIN) org.events.push(tokenCall("rep", t + Math.floor(r() * 30_000), "rep-t", CLOUD, "python-requests/2.31"));
  return org;
}

/**
 * A support agent's shifts (account `p`): on each of the last 35 days that `on` allows (`d` days
 * ago), from `startH` (plus up to `spreadH`) for `lenH` hours, a sign-in from the office browser
 * with its email code every `gap` minutes (the 15-minute session policy) and three comments in it.
 */
function shifts(seed: number, on: (daysAgo: number) => boolean, startH: number, lenH: number, gap: readonly [number, number], spreadH: number): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    if (!on(d)) continue;
    const day = REF_MS - d * DAY;
    const end = day + (startH + lenH) * HOUR;
    for (let t = day + (startH + r() * spreadH) * HOUR; t < end && t < REF_MS; t += (gap[0] + r() * (gap[1] - gap[0])) * MIN) {
      out.push(ev("p", Math.floor(t), { ip: OFFICE, userAgent: BROWSER }), ev("p", Math.floor(t + 25_000), { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }));
      for (let a = 0; a < 3; a++) out.push(ev("p", Math.floor(t + (1 + a * 3) * MIN), { action: "comment_created", ip: OFFICE, userAgent: BROWSER }));
    }
  }
  return out;
}

/** The agent `p` (invited, a support agent's profile, 2SV off unless `overrides` say) in the tiny org. */
function agentOrg(seed: number, events: Raw[], overrides: Raw = {}): Org {
  const org = tinyOrg(seed);
  return { ...org, users: [account("p", { name: "Sam Ortega", jobTitle: "Support Agent", department: "Support", managementSource: "invited", ...overrides }), ...org.users], events: [...org.events, ...events] };
}

function judged(org: Org, seed: number, changes: Perturb[], blank: boolean): Finding {
  const raw = rawSnapshot(blank ? org.users.map(noLastActive) : org.users, perturbed(org.events, seed, changes), org.tokens);
  return findingOf(snapshotSchema.parse(raw) as Snapshot, "p");
}

/** The runs, under each of the judge's changes, in which `p` has the verdict `bad`. */
function runsWith(bad: Finding["verdict"], build: (seed: number) => Org): string[] {
  const out: string[] = [];
  for (const [name, changes, blank] of CHANGES)
    for (const seed of SEEDS) {
      const f = judged(build(seed), seed, changes, blank);
      if (f.verdict === bad) out.push(`${name}, run ${seed}: ${explain(f)}`);
    }
  return out;
}

describe("a support agent under a 15-minute session policy whose week is not Monday to Friday", () => {
  // Six days a week (Thursday off), 08:00-09:00 to 17:00, a sign-in every 15-40 minutes:
  // login-fixed-cadence, login-flood and email-otp (one code a sign-in), with every-day and
  // activity-schedule in some runs; weekends at work, so no working-week hold: `bot` in 31 of 45.
  it("an agent on a six-day week is never bot", () => {
    expect(runsWith("bot", (seed) => agentOrg(seed, shifts(seed, (d) => d % 7 !== 2, 8, 9, [15.5, 40], 1)))).toEqual([]);
  });

  // The same agent with two-step verification enrolled and no profile filled in: `bot` in 31 of 45.
  it("an agent on a six-day week with 2SV on and an empty profile is never bot", () => {
    expect(runsWith("bot", (seed) => agentOrg(seed, shifts(seed, (d) => d % 7 !== 2, 8, 9, [15.5, 40], 1), { mfaEnabled: true, jobTitle: null, department: null }))).toEqual([]);
  });

  // Part-time, six hours every day of the week from 08:00: every-day and the login timer rules,
  // `bot` in 35 of 45 runs (all but the jittered and the 7-day ones).
  it("a part-time agent on a seven-day rota is never bot", () => {
    expect(runsWith("bot", (seed) => agentOrg(seed, shifts(seed, () => true, 8, 6, [15.5, 18.5], 0.3)))).toEqual([]);
  });

  // Wednesday to Sunday (Monday and Tuesday off), the shift started within 18 minutes of 08:00:
  // the start keeps "a timer's week", so the rest days are not fitted and every-day fires: `bot`
  // in 35 of 45 runs.
  // (With a start that wanders over an hour the rest days fit and it is reviewed.)
  it("an agent on a Wednesday-to-Sunday week who starts the shift on time is never bot", () => {
    expect(runsWith("bot", (seed) => agentOrg(seed, shifts(seed, (d) => d % 7 < 5, 8, 9, [15.5, 18.5], 0.3)))).toEqual([]);
  });

  // 12-hour nights, four on and four off, 19:00-07:00 in New York (00:00-12:00 UTC): the
  // "working hours only" hold is lost and the agent is `bot` in 35 of 45 runs, on the same
  // signals and score that are held back when the same nights are logged in UTC (or 7 hours
  // earlier); `bot` when logged 2, 3, 4, 5, 6, 8 or 10 hours later.
  it("a night-shift agent four on and four off, five hours behind UTC, is never bot", () => {
    expect(runsWith("bot", (seed) => agentOrg(seed, perturbed(shifts(seed, (d) => d % 8 < 4, 19, 12, [15.5, 18.5], 0.3), seed, [shift(5)])))).toEqual([]);
  });

  // 12-hour day shifts on a 2-2-3 rota (the "Panama" pattern: two on, two off, three on, every
  // other weekend at work), 07:00-19:00 with a sign-in every 15-25 minutes: `bot` in 30 of 45.
  it("an agent on a 2-2-3 rota of 12-hour day shifts is never bot", () => {
    const rota = [1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0];
    expect(runsWith("bot", (seed) => agentOrg(seed, shifts(seed, (d) => rota[d % 14] === 1, 7, 12, [15.5, 25.5], 0.3)))).toEqual([]);
  });

  // Guard: the same agent on a Monday-to-Friday week is held back (reviewed) today.
  it("an agent on a Monday-to-Friday week is never bot", () => {
    expect(runsWith("bot", (seed) => agentOrg(seed, shifts(seed, (d) => !isWeekend(REF_MS - d * DAY), 7, 8, [15.5, 18.5], 0.3)))).toEqual([]);
  });
});
