// The org's own working week, read from its log: in a six-day or a Sunday-to-Thursday org, a
// person at work on Saturday or Sunday keeps the org's week, not a job's. People whose punctual
// start of day is their only machine-like trait were reviewed there for their weekend work; robots
// at work on the org's rest days, or every day, keep it as evidence.
import { describe, expect, it } from "vitest";
import type { Finding } from "./types.js";
import { orgRestDays } from "./features/events.js";
import { weekdayOfDay } from "./time.js";
import { account, BROWSER, CLOUD, DAY, ev, findingOf, HOUR, lcg, MIN, OFFICE, REF_MS, snapshotOf, type Raw, wrongRuns, isHuman, atLeastLikelyBot } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4] as const;
const MON_FRI = [1, 2, 3, 4, 5];
const MON_SAT = [1, 2, 3, 4, 5, 6];
const SUN_THU = [0, 1, 2, 3, 4];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const bit = (days: readonly number[]): number => days.reduce((mask, d) => mask | (1 << d), 0);

/**
 * A person's five weeks on `workdays` (UTC weekdays; account `id`, at the office): on `punctual`
 * of them the first sign-in is at 07:00 within two minutes (a shift's bell), otherwise between
 * 07:15 and 08:45; UI work every 4-40 minutes until about 15:30; a day off now and then.
 */
function shiftWorker(seed: number, id: string, workdays: readonly number[], punctual: number): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  const where = { ip: OFFICE, userAgent: BROWSER };
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!workdays.includes(new Date(day).getUTCDay()) || r() < 0.04) continue;
    const start = day + (r() < punctual ? 7 * HOUR + (r() - 0.5) * 4 * MIN : (7.25 + r() * 1.5) * HOUR);
    out.push(ev(id, Math.floor(start), where));
    const end = day + (15 + r()) * HOUR;
    for (let t = start + 3 * MIN; t < end; t += (4 + r() * 36) * MIN) out.push(ev(id, Math.floor(t), { action: r() < 0.5 ? "issue_updated" : "issue_viewed", ...where }));
  }
  return out;
}

/**
 * A browser robot on `workdays` (account `id`, from `ip`): it signs in at `hour` (06:00) within
 * `spreadMinutes` (one minute), gets an email code it cannot answer and reads three pages.
 */
function browserRobot(seed: number, id: string, workdays: readonly number[], ip: string, spreadMinutes = 1, hour = 6): Raw[] {
  const r = lcg(seed * 31 + 7);
  const out: Raw[] = [];
  const where = { ip, userAgent: BROWSER };
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!workdays.includes(new Date(day).getUTCDay())) continue;
    const t = Math.floor(day + hour * HOUR + (r() - 0.5) * spreadMinutes * MIN);
    out.push(ev(id, t, where));
    out.push(ev(id, t + 20_000, { action: "email_otp_sent", ...where }));
    for (let i = 1; i <= 3; i++) out.push(ev(id, t + i * 40_000, { action: "page_viewed", ...where }));
  }
  return out;
}

/** Account `p` (`user`, `events`) judged beside 24 colleagues who work `week` at the same office. */
function judgedInOrg(seed: number, week: readonly number[], user: Raw, events: Raw[]) {
  const r = lcg(seed * 7919);
  const users: Raw[] = [user];
  const all: Raw[] = [...events];
  for (let i = 0; i < 24; i++) {
    users.push(account(`c${i}`, { name: `Colleague ${i}` }));
    all.push(...shiftWorker(Math.floor(r() * 1e9), `c${i}`, week, 0.1));
  }
  return findingOf(snapshotOf(users, all), "p");
}

/** The runs of `judge` whose verdict `want` refuses, with how each came about. */
const wrong = (want: (verdict: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);
const human = isHuman;
const atLeastLikely = atLeastLikelyBot;

describe("orgRestDays: the org's rest days from the accounts at work on each day of the week", () => {
  /** Per weekday, the accounts at work on each of `weeks` weeks: `busy` on `workdays`, `quiet` on the others. */
  function tally(workdays: readonly number[], busy: number, quiet: number, firstDay: number, days: number): Int32Array {
    const out = new Int32Array(7);
    for (let d = firstDay; d < firstDay + days; d++) {
      const w = weekdayOfDay(d);
      out[w]! += workdays.includes(w) ? busy : quiet;
    }
    return out;
  }
  const first = 20_000;

  it.each([
    ["Monday to Friday", MON_FRI, bit([0, 6])],
    ["Monday to Saturday", MON_SAT, bit([0])],
    ["Sunday to Thursday", SUN_THU, bit([5, 6])],
    ["Saturday to Thursday", [6, 0, 1, 2, 3, 4], bit([5])],
  ])("reads a %s week", (_name, workdays, mask) => {
    expect(orgRestDays(tally(workdays, 40, 6, first, 35), first, first + 34, 50)).toBe(mask);
  });

  it.each([
    ["an org at work every day", tally(EVERY_DAY, 40, 40, first, 35), 35, 50],
    ["a quiet midweek day beside the weekend", tally([1, 2, 4, 5], 40, 6, first, 35), 35, 50],
    ["two quiet days apart", tally([1, 2, 4, 5, 6], 40, 6, first, 35), 35, 50],
    ["a log of 10 days", tally(SUN_THU, 40, 6, first, 10), 10, 50],
    ["an org of 12 accounts", tally(SUN_THU, 10, 1, first, 35), 35, 12],
    ["a Saturday that a shop team works beside an office", tally(MON_FRI, 40, 6, first, 35).map((n, w) => (w === 6 ? n * 4 : n)), 35, 50],
  ])("keeps Saturday and Sunday for %s", (_name, days, span, accounts) => {
    expect(orgRestDays(days, first, first + span - 1, accounts)).toBe(bit([0, 6]));
  });
});

describe("a person whose punctual start of day is the only machine-like trait, in an org whose week includes a weekend day", () => {
  it.each([
    ["Sunday to Thursday", SUN_THU],
    ["Monday to Saturday", MON_SAT],
  ])("is human in a %s org, starting at the bell every day", (_name, week) => {
    for (const profile of [{ jobTitle: "Dispatcher", department: "Operations" }, { managementSource: "invited" }]) {
      expect(wrong(human, (seed) => judgedInOrg(seed, week, account("p", { name: "Noa Mizrahi", ...profile }), shiftWorker(seed, "p", week, 1)))).toEqual([]);
    }
  });
});

describe("browser robots at work on the org's rest days, or once a day at one minute, stay at least likely-bot", () => {
  it.each([
    ["Sunday to Thursday", SUN_THU],
    ["Monday to Saturday", MON_SAT],
    ["Monday to Friday", MON_FRI],
  ])("a browser robot every day of the week in a %s org", (_name, week) => {
    expect(wrong(atLeastLikely, (seed) => judgedInOrg(seed, week, account("p", { name: "Daily Report", managementSource: "invited", jobTitle: null, department: null, picture: null }), browserRobot(seed, "p", EVERY_DAY, CLOUD)))).toEqual([]);
  });

  it("a browser robot on Sunday to Thursday in a Monday-to-Friday org", () => {
    expect(wrong(atLeastLikely, (seed) => judgedInOrg(seed, MON_FRI, account("p", { name: "Daily Report", managementSource: "invited", jobTitle: null, department: null, picture: null }), browserRobot(seed, "p", SUN_THU, OFFICE)))).toEqual([]);
  });

  // Its sittings are minutes long, its sign-ins at one minute: the codes it cannot answer are a daily job's, whatever profile the account has.
  it.each([
    ["Monday to Friday", "a cloud", MON_FRI, CLOUD],
    ["Sunday to Thursday", "a cloud", SUN_THU, CLOUD],
    ["Monday to Saturday", "an office", MON_SAT, OFFICE],
  ])("a browser robot on the workdays of a %s org, from %s address, on an account the IdP keeps with a person's profile", (_name, _where, week, ip) => {
    expect(wrong(atLeastLikely, (seed) => judgedInOrg(seed, week, account("p", { name: "Daily Report" }), browserRobot(seed, "p", week, ip)))).toEqual([]);
  });
});

describe("a browser robot's daily run from a data centre outside office hours, minutes long with a code it cannot answer", () => {
  // A timer in a data centre, with a random delay or none, keeps its half-hour outside the hours people keep: reviewed, whatever profile the account has.
  it.each([
    ["06:00", 2, "a cloud", 6, CLOUD],
    ["06:00", 20, "a cloud", 6, CLOUD],
    ["21:00", 20, "a cloud", 21, CLOUD],
  ])("stays at least likely-bot at %s within %s minutes from %s address, on an account the IdP keeps with a person's profile", (_at, spread, _where, hour, ip) => {
    expect(wrong(atLeastLikely, (seed) => judgedInOrg(seed, MON_FRI, account("p", { name: "Daily Report" }), browserRobot(seed, "p", MON_FRI, ip, spread, hour)))).toEqual([]);
  });

  // The same minutes-long visit from the office is a person's habit: the board before the 09:00 stand-up, or before the early shift.
  it.each([
    ["09:00 within 10 minutes", 9, 10],
    ["08:30 within 2 minutes", 8.5, 2],
    ["06:15 within 10 minutes", 6.25, 10],
    ["21:00 within 20 minutes", 21, 20],
  ])("a person who opens the board at %s each workday with a code stays human", (_at, hour, spread) => {
    expect(wrong(human, (seed) => judgedInOrg(seed, MON_FRI, account("p", { name: "Dana Levi" }), browserRobot(seed, "p", MON_FRI, OFFICE, spread, hour)))).toEqual([]);
  });
});
