// People whose only visit of the day is a few minutes at one time outside office hours, from an
// office, a home or a phone, and people who run their own CLI at the office at one minute each
// morning: no job's daily run, they stay human.
import { describe, expect, it } from "vitest";
import type { Finding } from "./types.js";
import { account, BROWSER, DAY, drop, EMPTY, ev, findingOf, HOUR, lastDays, lcg, MIN, OFFICE, REF_MS, snapshotOf, stripUserAgents, token, tokenCall, type Perturb, type Raw, wrongRuns, isHuman } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4] as const;
const MON_FRI = [1, 2, 3, 4, 5];

/** A mobile carrier's addresses, one a day. */
const mobile = (r: () => number): string => `100.${64 + Math.floor(r() * 60)}.${Math.floor(r() * 250)}.${Math.floor(r() * 250)}`;

/**
 * A person's days on `workdays` over `days` days (account `id`): the first sign-in at 07:00
 * within two minutes on one day in ten, otherwise between `startH` hours; UI work every 4-40
 * minutes until `endH` hours; a day off now and then.
 */
function shiftWorker(seed: number, id: string, workdays: readonly number[], days: number, startH: readonly [number, number] = [7.25, 8.75], endH: readonly [number, number] = [15, 16]): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  for (let d = days; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!workdays.includes(new Date(day).getUTCDay()) || r() < 0.04) continue;
    const at = { ip: OFFICE, userAgent: BROWSER };
    const start = day + (r() < 0.1 ? 7 * HOUR + (r() - 0.5) * 4 * MIN : (startH[0] + r() * (startH[1] - startH[0])) * HOUR);
    out.push(ev(id, Math.floor(start), at));
    const end = day + (endH[0] + r() * (endH[1] - endH[0])) * HOUR;
    for (let t = start + 3 * MIN; t < end; t += (4 + r() * 36) * MIN) out.push(ev(id, Math.floor(t), { action: r() < 0.5 ? "issue_updated" : "issue_viewed", ...at }));
  }
  return out;
}

/**
 * A person's short visit on `workdays` over 35 days (account `id`, from `where`): an email code
 * and a sign-in at `hour` within `spreadMin` minutes in all, then 2-4 pages within two minutes;
 * a day off in twenty.
 */
function visits(seed: number, id: string, workdays: readonly number[], hour: number, spreadMin: number, where: (r: () => number) => string = () => OFFICE): Raw[] {
  const r = lcg(seed * 17 + 3);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!workdays.includes(new Date(day).getUTCDay()) || r() < 0.05) continue;
    const at = { ip: where(r), userAgent: BROWSER };
    const t = Math.floor(day + hour * HOUR + (r() - 0.5) * spreadMin * MIN);
    out.push(ev(id, t - 30_000, { action: "email_otp_sent", ...at }), ev(id, t, at));
    const n = 2 + Math.floor(r() * 3);
    for (let i = 1; i <= n; i++) out.push(ev(id, t + Math.floor(i * (20 + r() * 30) * 1000), { action: i % 2 ? "dashboard_viewed" : "issue_viewed", ...at }));
  }
  return out;
}

/** A token's calls on weekdays over 35 days (account `id`): `calls` calls seconds apart at `hour` within `spreadMin` minutes in all; a day off in twenty. */
function tokenRuns(seed: number, id: string, hour: number, spreadMin: number, ip: string, userAgent: string, calls: number): Raw[] {
  const r = lcg(seed * 5 + 1);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!MON_FRI.includes(new Date(day).getUTCDay()) || r() < 0.05) continue;
    const t = Math.floor(day + hour * HOUR + (r() - 0.5) * spreadMin * MIN);
    for (let i = 0; i < calls; i++) out.push(tokenCall(id, t + i * Math.floor((2 + r() * 6) * 1000), "tk", ip, userAgent));
  }
  return out;
}

interface Org {
  /** The log's change, over the whole org. */
  perturb?: Perturb;
  apiTokens?: Raw[];
  /** The colleagues' days (a shift worker's on the org's week unless told). */
  colleague?: (seed: number, id: string) => Raw[];
}
/** Account `p` judged beside 24 colleagues at work on `week` (35 days), the log changed by `perturb`. */
function judgedInOrg(seed: number, week: readonly number[], user: Raw, events: Raw[], org: Org = {}) {
  const r = lcg(seed * 7919);
  const users: Raw[] = [user];
  let all: Raw[] = [...events];
  for (let i = 0; i < 24; i++) {
    users.push(account(`c${i}`, { name: `Colleague ${i}` }));
    const s = Math.floor(r() * 1e9);
    all.push(...(org.colleague ? org.colleague(s, `c${i}`) : shiftWorker(s, `c${i}`, week, 35)));
  }
  if (org.perturb) all = org.perturb(all, seed);
  return findingOf(snapshotOf(users, all, org.apiTokens ?? []), "p");
}

/** The runs of `judge` whose verdict `want` refuses, with how each came about. */
const wrong = (want: (verdict: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);
const human = isHuman;

const synced = (jobTitle: string): Raw => account("p", { name: "Dana Levi", jobTitle, department: "Operations" });
const INVITED = account("p", { name: "Dana Levi", managementSource: "invited", ...EMPTY });

describe("a person whose one visit a day is minutes long, with an email code, outside office hours, stays human", () => {
  // From an office, a home or a phone, a minutes-long visit at one time of day is a person's as often as a job's: the daily-run floor asks for a data centre.
  it.each([
    ["an early-shift supervisor who checks the board at 06:15 within five minutes either way", synced("Shift Supervisor"), 6.25, 10, undefined],
    ["an early-shift supervisor who checks the board at 06:15 within twenty minutes either way", synced("Shift Supervisor"), 6.25, 40, undefined],
    ["a contractor on an invited account who checks the board at 06:15 within five minutes either way", INVITED, 6.25, 10, undefined],
    ["a night nurse who checks the rota at 22:00 within ten minutes either way", synced("Night Nurse"), 22, 20, undefined],
    ["an analyst in another time zone whose mid-morning is the org's 04:00", synced("Analyst"), 4, 30, undefined],
    ["a site manager on a phone (a browser's user agent, a carrier's addresses) at 06:30", synced("Site Manager"), 6.5, 20, mobile],
    ["a site manager on a phone (a browser's user agent, a carrier's addresses) at 19:30", synced("Site Manager"), 19.5, 20, mobile],
  ])("%s, five weeks of weekdays", (_name, user, hour, spread, where) => {
    expect(wrong(human, (seed) => judgedInOrg(seed, MON_FRI, user, visits(seed, "p", MON_FRI, hour, spread, where)))).toEqual([]);
  });

  // The same under a lost share of the log, no user agents or a short log.
  it.each([
    ["30% of the log lost", drop(0.3)],
    ["no user agents", stripUserAgents],
    ["the last 14 days", lastDays(14)],
    ["the last 21 days", lastDays(21)],
  ])("an early-shift supervisor at 06:15, %s", (_name, perturb) => {
    expect(wrong(human, (seed) => judgedInOrg(seed, MON_FRI, synced("Shift Supervisor"), visits(seed, "p", MON_FRI, 6.25, 10), { perturb }))).toEqual([]);
  });
});

describe("a person who runs the team's CLI by hand at one minute each morning stays human", () => {
  // A token's calls at one minute with no sign-in are a job's run only from a cloud host: a CLI at the office is its owner's.
  it.each([
    ["08:59 (the shell profile at login before the 09:00 stand-up)", 8.98, undefined],
    ["06:45 (an early starter's shell profile)", 6.75, undefined],
    ["08:59, 30% of the log lost", 8.98, drop(0.3)],
    ["08:59, the last 14 days", 8.98, lastDays(14)],
  ])("jira-cli from the office at %s on an invited account", (_name, hour, perturb) => {
    expect(wrong(human, (seed) => judgedInOrg(seed, MON_FRI, INVITED, tokenRuns(seed, "p", hour, 2, OFFICE, "jira-cli/1.5", 3), { perturb, apiTokens: [token("tk", "p", REF_MS - DAY)] }))).toEqual([]);
  });
});
