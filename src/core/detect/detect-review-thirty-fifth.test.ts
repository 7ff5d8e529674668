// Robots that keep the org's own week (six days, or Sunday to Thursday), orgs whose week is read
// from accounts that are not its office's, and a person who opens the stand-up board at its minute.
import { describe, expect, it } from "vitest";
import type { Finding } from "./types.js";
import { account, BROWSER, CLOUD, DAY, EMPTY, ev, findingOf, HOUR, lcg, MIN, OFFICE, REF_MS, snapshotOf, token, tokenCall, type Raw, wrongRuns, isHuman, atLeastLikelyBot } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4] as const;
const MON_FRI = [1, 2, 3, 4, 5];
const MON_SAT = [1, 2, 3, 4, 5, 6];
const TUE_SAT = [2, 3, 4, 5, 6];
const SUN_THU = [0, 1, 2, 3, 4];
/** A VPN's pool of cloud egress addresses. */
const POOL = ["34.99.101.29", "34.99.79.177", "34.99.181.139", "35.199.36.253", "35.199.47.199"];
const poolAddress = (r: () => number): string => POOL[Math.floor(r() * POOL.length)] as string;

const SYNCED = { name: "Dana Levi" };
const INVITED = { name: "Dana Levi", managementSource: "invited", ...EMPTY };

/**
 * A person's weeks on `workdays` (account `id`): the first sign-in between 07:15 and 08:45 (at
 * 07:00 within two minutes on one day in ten), UI work every 4-40 minutes until about 15:30.
 */
function shiftWorker(seed: number, id: string, workdays: readonly number[], days: number, where: (r: () => number) => string): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  for (let d = days; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!workdays.includes(new Date(day).getUTCDay()) || r() < 0.04) continue;
    const at = { ip: where(r), userAgent: BROWSER };
    const start = day + (r() < 0.1 ? 7 * HOUR + (r() - 0.5) * 4 * MIN : (7.25 + r() * 1.5) * HOUR);
    out.push(ev(id, Math.floor(start), at));
    const end = day + (15 + r()) * HOUR;
    for (let t = start + 3 * MIN; t < end; t += (4 + r() * 36) * MIN) out.push(ev(id, Math.floor(t), { action: r() < 0.5 ? "issue_updated" : "issue_viewed", ...at }));
  }
  return out;
}

interface RobotRun {
  /** Minutes the start wanders by (a scheduler's random delay), in all. */
  jitterMin?: number;
  otp?: boolean;
  ip?: (r: () => number) => string;
  hour?: number;
}
/** A browser robot on `workdays` over 35 days (account `id`): a sign-in at `hour`, an email code it cannot answer (`otp`), three pages. */
function browserRobot(seed: number, id: string, workdays: readonly number[], { jitterMin = 1, otp = true, ip = () => OFFICE, hour = 6 }: RobotRun = {}): Raw[] {
  const r = lcg(seed * 31 + 7);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!workdays.includes(new Date(day).getUTCDay())) continue;
    const at = { ip: ip(r), userAgent: BROWSER };
    const t = Math.floor(day + hour * HOUR + (r() - 0.5) * jitterMin * MIN);
    out.push(ev(id, t, at));
    if (otp) out.push(ev(id, t + 20_000, { action: "email_otp_sent", ...at }));
    for (let i = 1; i <= 3; i++) out.push(ev(id, t + i * 40_000, { action: "page_viewed", ...at }));
  }
  return out;
}

/** A script's API token job on `workdays` over 35 days: four calls at 06:00 within a minute, from a cloud host, with an HTTP library's user agent. */
function tokenJob(seed: number, id: string, workdays: readonly number[]): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!workdays.includes(new Date(day).getUTCDay())) continue;
    const t = Math.floor(day + 6 * HOUR + r() * MIN);
    for (let i = 0; i < 4; i++) out.push(tokenCall(id, t + i * 5_000, "tk", CLOUD, "python-requests/2.31"));
  }
  return out;
}

interface Org {
  /** Days of the log. */
  days?: number;
  /** Colleagues' sign-in address (the office unless told). */
  where?: (r: () => number) => string;
  users?: Raw[];
  events?: Raw[];
  apiTokens?: Raw[];
}
/** Account `p` judged beside 24 colleagues at work on `week`, plus any other accounts. */
function judgedInOrg(seed: number, week: readonly number[], user: Raw, events: Raw[], org: Org = {}) {
  const r = lcg(seed * 7919);
  const users: Raw[] = [user, ...(org.users ?? [])];
  const all: Raw[] = [...events, ...(org.events ?? [])];
  for (let i = 0; i < 24; i++) {
    users.push(account(`c${i}`, { name: `Colleague ${i}` }));
    all.push(...shiftWorker(Math.floor(r() * 1e9), `c${i}`, week, org.days ?? 35, org.where ?? (() => OFFICE)));
  }
  return findingOf(snapshotOf(users, all, org.apiTokens ?? []), "p");
}

/** The runs of `judge` whose verdict `want` refuses, with how each came about. */
const wrong = (want: (verdict: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);
const human = isHuman;
const atLeastLikely = atLeastLikelyBot;

describe("robots that keep the org's own week, at one time of the day, stay at least likely-bot", () => {
  // A job's run at one time of day is no person's working day: its Sunday or Saturday runs keep it on a schedule.
  it.each([
    ["Sunday to Thursday", SUN_THU],
    ["Monday to Saturday", MON_SAT],
  ])("a token job at 06:00 on the workdays of a %s org, from a cloud host, on an invited account with no profile", (_name, week) => {
    expect(wrong(atLeastLikely, (seed) => judgedInOrg(seed, week, account("p", INVITED), tokenJob(seed, "p", week), { apiTokens: [token("tk", "p", REF_MS - 2 * DAY)] }))).toEqual([]);
  });

  // No sign-in at all: its token's calls at one minute of each workday are a job's run, its one line of timing.
  it("a token job at 06:00 on the workdays of a Monday-to-Friday org, from a cloud host, on an invited account with no profile", () => {
    expect(wrong(atLeastLikely, (seed) => judgedInOrg(seed, MON_FRI, account("p", INVITED), tokenJob(seed, "p", MON_FRI), { apiTokens: [token("tk", "p", REF_MS - 2 * DAY)] }))).toEqual([]);
  });

  it.each([
    ["Sunday to Thursday", SUN_THU],
    ["Monday to Saturday", MON_SAT],
  ])("a browser robot with an email code at 06:00 within ten minutes either way on the workdays of a %s org, on an invited account with no profile", (_name, week) => {
    expect(wrong(atLeastLikely, (seed) => judgedInOrg(seed, week, account("p", INVITED), browserRobot(seed, "p", week, { jitterMin: 20 })))).toEqual([]);
  });

  // Its burst of minutes at 06:00 keeps no person's working day, whichever days the org works.
  it.each([
    ["Sunday to Thursday", SUN_THU],
    ["Monday to Saturday", MON_SAT],
  ])("a browser robot without a code at 06:00 to the minute on the workdays of a %s org, from a cloud host, on an account the IdP keeps with a person's profile", (_name, week) => {
    expect(wrong(atLeastLikely, (seed) => judgedInOrg(seed, week, account("p", SYNCED), browserRobot(seed, "p", week, { otp: false, ip: () => CLOUD })))).toEqual([]);
  });
});

describe("a Monday-to-Friday office whose Saturdays other accounts keep busy: its six-day robots stay at least likely-bot", () => {
  /** 24 shop staff at work from Tuesday to Saturday. */
  function shop(seed: number): Org {
    const r = lcg(seed * 4451);
    const users: Raw[] = [];
    const events: Raw[] = [];
    for (let i = 0; i < 24; i++) {
      users.push(account(`s${i}`, { name: `Shop ${i}`, jobTitle: "Sales associate", department: "Retail" }));
      events.push(...shiftWorker(Math.floor(r() * 1e9), `s${i}`, TUE_SAT, 35, () => OFFICE));
    }
    return { users, events };
  }
  /** 30 robots at work from Monday to Saturday, each at its own hour. */
  function robots(seed: number): Org {
    const users: Raw[] = [];
    const events: Raw[] = [];
    for (let i = 0; i < 30; i++) {
      users.push(account(`b${i}`, { name: `Robot ${i}` }));
      events.push(...browserRobot(seed * 100 + i, `b${i}`, MON_SAT, { otp: false, hour: 1 + (i % 20), ip: () => CLOUD }));
    }
    return { users, events };
  }

  // Half the org at work on Saturday leaves the week unclear: Saturday stays a rest day.
  it("a robot at 06:00 to the minute from Monday to Saturday, no code, beside a shop team at work from Tuesday to Saturday", () => {
    expect(wrong(atLeastLikely, (seed) => judgedInOrg(seed, MON_FRI, account("p", SYNCED), browserRobot(seed, "p", MON_SAT, { otp: false }), shop(seed)))).toEqual([]);
  });

  // Half the org at work on Saturday leaves the week unclear: Saturday stays a rest day.
  it("a robot with an email code at 06:00 within ten minutes either way from Monday to Saturday, beside a shop team at work from Tuesday to Saturday", () => {
    expect(wrong(atLeastLikely, (seed) => judgedInOrg(seed, MON_FRI, account("p", INVITED), browserRobot(seed, "p", MON_SAT, { jitterMin: 20 }), shop(seed)))).toEqual([]);
  });

  // A robot's minutes at one time of day are no day at work: the org's week is read from its people's days.
  it("a robot at 06:00 to the minute from Monday to Saturday, no code, in an org whose log is mostly six-day robots'", () => {
    expect(wrong(atLeastLikely, (seed) => judgedInOrg(seed, MON_FRI, account("p", SYNCED), browserRobot(seed, "p", MON_SAT, { otp: false }), robots(seed)))).toEqual([]);
  });
});

describe("a person who opens the board when the daily stand-up starts, with an email code each morning, stays human", () => {
  /**
   * Weekdays over `days` days (account `id`, from `where`): an email code and a sign-in at 08:30
   * within a minute either way (the stand-up's start), then the board 2-4 times within two minutes;
   * a day off in twenty.
   */
  function standUp(seed: number, id: string, days: number, where: (r: () => number) => string = () => OFFICE): Raw[] {
    const r = lcg(seed * 17 + 3);
    const out: Raw[] = [];
    for (let d = days; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if ([0, 6].includes(new Date(day).getUTCDay()) || r() < 0.05) continue;
      const at = { ip: where(r), userAgent: BROWSER };
      const t = Math.floor(day + 8.5 * HOUR + (r() - 0.5) * 2 * MIN);
      out.push(ev(id, t - 30_000, { action: "email_otp_sent", ...at }), ev(id, t, at));
      const views = 2 + Math.floor(r() * 3);
      for (let i = 1; i <= views; i++) out.push(ev(id, t + Math.floor(i * (20 + r() * 30) * 1000), { action: "dashboard_viewed", ...at }));
    }
    return out;
  }

  // Sign-ins at one minute inside office hours, each a couple of minutes long: a person's habit, not a daily job's run.
  it("on an account the IdP keeps with a person's profile, five weeks at the office", () => {
    expect(wrong(human, (seed) => judgedInOrg(seed, MON_FRI, account("p", { ...SYNCED, jobTitle: "Scrum Master", department: "Delivery" }), standUp(seed, "p", 35)))).toEqual([]);
  });

  // Sign-ins at one minute inside office hours, each a couple of minutes long: a person's habit, not a daily job's run.
  it("on an account the IdP keeps with a person's profile, a log of 14 days", () => {
    expect(wrong(human, (seed) => judgedInOrg(seed, MON_FRI, account("p", { ...SYNCED, jobTitle: "Scrum Master", department: "Delivery" }), standUp(seed, "p", 14), { days: 14 }))).toEqual([]);
  });

  // Sign-ins at one minute inside office hours, each a couple of minutes long: a person's habit, not a daily job's run.
  it("on an account the IdP keeps with a person's profile, the whole org behind a VPN's egress pool", () => {
    expect(wrong(human, (seed) => judgedInOrg(seed, MON_FRI, account("p", { ...SYNCED, jobTitle: "Scrum Master", department: "Delivery" }), standUp(seed, "p", 35, poolAddress), { where: poolAddress }))).toEqual([]);
  });
});
