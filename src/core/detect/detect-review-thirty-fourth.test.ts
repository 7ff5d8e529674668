// Robots that must stay at least `likely-bot` in a Sunday-to-Thursday week: a browser robot (RPA)
// that signs in at 08:00 sharp each workday and works through the day in short sittings till
// 17:00, from an office or a cloud address; and a browser robot signing in at 06:00 each workday
// with an email code on a person's account, from the person's own office address, in the whole
// log or in its last days.
import { describe, expect, it } from "vitest";
import type { Finding } from "./types.js";
import { account, BROWSER, CLOUD, DAY, EMPTY, ev, explain, HOUR, judgedInTinyOrg, lastDays, lcg, MIN, OFFICE, REF_MS, type Perturb, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3] as const;
const INVITED = { managementSource: "invited", ...EMPTY };
const dayOfWeek = (ms: number): number => new Date(ms).getUTCDay();
/** Israel's working week: Sunday to Thursday. */
const SUNDAY_TO_THURSDAY = [0, 1, 2, 3, 4];

/** The runs whose finding is `human`, with how it came about. */
function missed(build: (seed: number) => Finding): string[] {
  return SEEDS.flatMap((seed) => {
    const f = build(seed);
    return f.verdict === "human" ? [`run ${seed}: ${explain(f)}`] : [];
  });
}

/**
 * A browser robot (RPA) with a browser's user agent (account `id`, from `ip`): on each workday of a
 * Sunday-to-Thursday week for five weeks it signs in at 08:00 UTC within a minute, gets an email
 * code it cannot answer, and works a queue till 17:00: a sitting of 3-6 updates or reads every
 * 20-60 minutes.
 */
function workdayRpa(seed: number, id: string, ip: string): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  const where = { ip, userAgent: BROWSER };
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!SUNDAY_TO_THURSDAY.includes(dayOfWeek(day))) continue;
    let t = day + 8 * HOUR + Math.floor((r() - 0.5) * 2 * MIN);
    out.push(ev(id, t, where));
    out.push(ev(id, t + 20_000, { action: "email_otp_sent", ...where }));
    while (t < day + 17 * HOUR) {
      const n = 3 + Math.floor(r() * 4);
      for (let i = 1; i <= n; i++) out.push(ev(id, t + i * 40_000, { action: r() < 0.5 ? "issue_updated" : "issue_viewed", ...where }));
      t += Math.floor((20 + r() * 40) * MIN);
    }
  }
  return out;
}

/** A browser robot (account `id`, from `ip`) signing in at 06:00 UTC within a minute on each day of `week`, with an email code and three page reads. */
function morningRobot(seed: number, id: string, ip: string, week: readonly number[]): Raw[] {
  const r = lcg(seed + 31);
  const out: Raw[] = [];
  const where = { ip, userAgent: BROWSER };
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!week.includes(dayOfWeek(day))) continue;
    const t = day + 6 * HOUR + Math.floor((r() - 0.5) * 2 * MIN);
    out.push(ev(id, t, where));
    out.push(ev(id, t + 20_000, { action: "email_otp_sent", ...where }));
    for (let i = 1; i <= 3; i++) out.push(ev(id, t + i * 40_000, { action: "page_viewed", ...where }));
  }
  return out;
}

/** A person's Sunday-to-Thursday office days (account `id`): as `officeDays`, an email code before each sign-in, in Israel's week. */
function israeliOfficeDays(r: () => number, id: string): Raw[] {
  const out: Raw[] = [];
  const where = { ip: OFFICE, userAgent: BROWSER };
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!SUNDAY_TO_THURSDAY.includes(dayOfWeek(day)) || r() < 0.05) continue;
    const start = day + (8 + r() * 1.5) * HOUR;
    const end = day + (17 + r() * 1.5) * HOUR;
    const signIn = (t: number): void => {
      out.push(ev(id, Math.floor(t - 30_000), { action: "email_otp_sent", ...where }));
      out.push(ev(id, Math.floor(t), where));
    };
    signIn(start);
    if (r() < 0.5) signIn(day + (13 + r()) * HOUR);
    for (let t = start + 4 * MIN; t < end; t += (5 + r() * 45) * MIN) out.push(ev(id, Math.floor(t), { action: r() < 0.5 ? "issue_updated" : "comment_created", ...where }));
  }
  return out;
}

describe("a browser robot that signs in at 08:00 sharp each Sunday-to-Thursday workday and works a queue till 17:00", () => {
  // A punctual week is a timer's whichever five days it runs on: no Friday-Saturday rest days are fitted, so its Sunday sign-ins keep it on a schedule (fitted, it read as a person's shift and was human).
  it.each([
    ["an office", OFFICE],
    ["a cloud", CLOUD],
  ] as const)("stays at least likely-bot from %s address %s", (_where, ip) => {
    expect(missed((seed) => judgedInTinyOrg(seed, { user: account("p", { name: "Sam Reed", ...INVITED }), events: workdayRpa(seed, "p", ip) }, []))).toEqual([]);
  });
});

describe("a browser robot at 06:00 each Sunday-to-Thursday workday, with an email code, on a person's account from the person's office", () => {
  const person = (seed: number, changes: readonly Perturb[]): Finding =>
    judgedInTinyOrg(seed, { user: account("p", { name: "Ana Costa", ...INVITED }), events: [...israeliOfficeDays(lcg(seed), "p"), ...morningRobot(seed, "p", OFFICE, SUNDAY_TO_THURSDAY)] }, changes);

  // Its schedule of sign-ins and of bursts keeps it reviewed, though its codes, at a minority of the account's sign-ins, count as the person's.
  it("stays at least likely-bot over five weeks", () => {
    expect(missed((seed) => person(seed, []))).toEqual([]);
  });

  // In a 10-day log the same: the sign-in schedule and the burst schedule both count.
  it("stays at least likely-bot in the log's last 10 days", () => {
    expect(missed((seed) => person(seed, [lastDays(10)]))).toEqual([]);
  });
});
