// Robots that must stay at least `likely-bot`: a browser robot signing in at one minute each
// workday of a Sunday-to-Thursday week with an email code it cannot answer (alone, or on a person's
// account beside the person), and scripts whose calls the log records with no address, client,
// token or credential type (an exporter that keeps addresses for sign-ins only), on an account of
// their own that signs in now and then or on a person's account.
import { describe, expect, it } from "vitest";
import type { Finding } from "./types.js";
import { account, BROWSER, CLOUD, DAY, EMPTY, ev, explain, HOUR, judgedInTinyOrg, lcg, MIN, OFFICE, officeDays, REF_MS, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3] as const;
const INVITED = { managementSource: "invited", ...EMPTY };
/** Israel's working week: Sunday to Thursday. */
const sundayToThursday = (ms: number): boolean => ![5, 6].includes(new Date(ms).getUTCDay());

/** The runs whose finding is `human`, with how it came about. */
function missed(build: (seed: number) => Finding): string[] {
  return SEEDS.flatMap((seed) => {
    const f = build(seed);
    return f.verdict === "human" ? [`run ${seed}: ${explain(f)}`] : [];
  });
}

/**
 * A browser robot with a browser's user agent (account `id`, from `ip`): on each day of a
 * Sunday-to-Thursday week for five weeks it signs in at 06:00 UTC within `spreadMinutes` (a timer
 * with a random delay), gets an email code it cannot answer and reads three pages.
 */
function sundayToThursdayRobot(seed: number, id: string, ip: string, spreadMinutes: number): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  const where = { ip, userAgent: BROWSER };
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!sundayToThursday(day)) continue;
    const t = day + 6 * HOUR + Math.floor((r() - 0.5) * spreadMinutes * MIN);
    out.push(ev(id, t, where));
    out.push(ev(id, t + 20_000, { action: "email_otp_sent", ...where }));
    for (let i = 1; i <= 3; i++) out.push(ev(id, t + i * 40_000, { action: "page_viewed", ...where }));
  }
  return out;
}

/**
 * A script's calls on account `id` every `everyMinutes` (round the clock, or 07:00-19:00 on
 * weekdays when `officeHours`), recorded with no address, user agent, token or credential type.
 */
function bareCalls(seed: number, id: string, everyMinutes: number, officeHours = false): Raw[] {
  const r = lcg(seed * 13 + 1);
  const out: Raw[] = [];
  for (let t = REF_MS - 35 * DAY; t < REF_MS; t += everyMinutes * MIN) {
    const hour = new Date(t).getUTCHours();
    if (officeHours && (hour < 7 || hour >= 19 || [0, 6].includes(new Date(t).getUTCDay()))) continue;
    out.push(ev(id, Math.floor(t + r() * 20_000), { action: r() < 0.5 ? "issue_updated" : "issue_viewed" }));
  }
  return out;
}

/** A sign-in from a browser once a week at 09:00-17:00 (an owner checking on the account), from `ip`. */
function weeklySignIns(seed: number, id: string, ip: string): Raw[] {
  const r = lcg(seed + 5);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d -= 7) out.push(ev(id, Math.floor(REF_MS - d * DAY + (9 + r() * 8) * HOUR), { ip, userAgent: BROWSER }));
  return out;
}

describe("a browser robot at one minute of each Sunday-to-Thursday workday, with an email code it cannot answer", () => {
  // Its punctual week is a robot's burst of minutes, not a person's day: no Friday-Saturday rest days are fitted, so its Sunday runs keep it on a schedule.
  it.each([
    ["an office", OFFICE, 10],
    ["an office", OFFICE, 20],
    ["a cloud", CLOUD, 10],
  ] as const)("stays at least likely-bot from %s address %s, started within %s minutes", (_where, ip, spread) => {
    expect(missed((seed) => judgedInTinyOrg(seed, { user: account("p", { name: "Daily Report", ...INVITED }), events: sundayToThursdayRobot(seed, "p", ip, spread) }, []))).toEqual([]);
  });

  // On an invited person's account beside their office days with codes: the robot's scheduled sign-ins from a cloud address of its own keep its codes counting.
  it("stays at least likely-bot on a person's account beside the person", () => {
    expect(
      missed((seed) =>
        judgedInTinyOrg(seed, { user: account("p", { name: "Ana Costa", ...INVITED }), events: [...officeDays(lcg(seed), "p", true), ...sundayToThursdayRobot(seed, "p", CLOUD, 2)] }, []),
      ),
    ).toEqual([]);
  });
});

describe("a script whose calls carry no address, client, token or credential type", () => {
  // One browser sign-in a week beside round-the-clock calls with no source: the calls are the account's timing, not taken for an automation rule's runs.
  it("stays at least likely-bot on an account of its own with a person's name, calling every 15 minutes round the clock", () => {
    expect(missed((seed) => judgedInTinyOrg(seed, { user: account("p", { name: "Dana Price", ...INVITED }), events: [...weeklySignIns(seed, "p", CLOUD), ...bareCalls(seed, "p", 15)] }, []))).toEqual([]);
  });

  // The same calls every 10 minutes in office hours, with weekly sign-ins from the office.
  it("stays at least likely-bot on an account of its own calling every 10 minutes in office hours", () => {
    expect(missed((seed) => judgedInTinyOrg(seed, { user: account("p", { name: "Dana Price", ...INVITED }), events: [...weeklySignIns(seed, "p", OFFICE), ...bareCalls(seed, "p", 10, true)] }, []))).toEqual([]);
  });

  // A script calling every 15 minutes round the clock on a person's account, not hidden behind the person's sign-ins.
  it("stays at least likely-bot on a person's account beside the person's office days", () => {
    expect(missed((seed) => judgedInTinyOrg(seed, { user: account("p", { name: "Ana Costa" }), events: [...officeDays(lcg(seed), "p"), ...bareCalls(seed, "p", 15)] }, []))).toEqual([]);
  });
});
