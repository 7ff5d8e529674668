// People who start work at the same minute most days, in an org without an identity provider:
// invited, no profile, no 2SV, so an email code follows each of their sign-ins. Their punctual
// morning sign-in (and a Saturday's at the same time) reads as a login schedule, weak evidence;
// the codes that follow every sign-in of theirs are a person's, not a job's it cannot answer.
import { describe, expect, it } from "vitest";
import { account, BROWSER, CLOUD, DAY, EMPTY, ev, explain, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, REF_MS, snapshotOf, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6] as const;

/** Israel's working week: Sunday to Thursday; Friday and Saturday are the weekend. */
const restDay = (ms: number): boolean => [5, 6].includes(new Date(ms).getUTCDay());

/**
 * A person's five weeks in Israel (UTC+3; account `id`): on `punctualShare` of the workdays (Sunday
 * to Thursday) the first sign-in is at 07:30 local within two minutes (the bus, the shift bell),
 * otherwise 07:00-08:30; one Friday morning at the same 07:30; a second sign-in after lunch on half
 * the days; an email code 30 s before each sign-in; UI work every 5-50 minutes until 16:00-17:30.
 */
function punctualDays(seed: number, id: string, punctualShare: number): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  const where = { ip: OFFICE, userAgent: BROWSER };
  const fridayNumber = 1 + Math.floor(r() * 4);
  let fridays = 0;
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY - 3 * HOUR;
    const workday = !restDay(day + 12 * HOUR);
    const extra = new Date(day + 12 * HOUR).getUTCDay() === 5 && ++fridays === fridayNumber;
    if (!(workday || extra) || r() < 0.05) continue;
    const start = day + (!workday || r() < punctualShare ? 7.5 * HOUR + (r() - 0.5) * 4 * MIN : (7 + r() * 1.5) * HOUR);
    const end = workday ? day + (16 + r() * 1.5) * HOUR : start + 2 * HOUR;
    const signIn = (t: number): void => {
      out.push(ev(id, Math.floor(t - 30_000), { action: "email_otp_sent", ...where }));
      out.push(ev(id, Math.floor(t), where));
    };
    signIn(start);
    if (workday && r() < 0.5) signIn(day + (12 + r()) * HOUR);
    for (let t = start + 4 * MIN; t < end; t += (5 + r() * 45) * MIN) out.push(ev(id, Math.floor(t), { action: r() < 0.5 ? "issue_updated" : "comment_created", ...where }));
  }
  return out;
}

function judged(seed: number, punctualShare: number) {
  const users = [account("p", { name: "Freya Patel", managementSource: "invited", mfaEnabled: false, ...EMPTY }), account("q", { name: "Office Colleague" })];
  const events = [...punctualDays(seed, "p", punctualShare), ...punctualDays(seed + 100, "q", 0)];
  return findingOf(snapshotOf(users, events), "p", {});
}

describe("a person who starts work at the same minute on many days, an email code at each sign-in, in an org without an IdP", () => {
  // The schedule is real and weak; the codes follow the person's every sign-in, so they are no job's codes: a person told to enable 2SV.
  it("is human and told to enable 2SV when 45% of the workdays start at 07:30 sharp", () => {
    const wrong = SEEDS.map((seed) => ({ seed, f: judged(seed, 0.45) }))
      .filter(({ f }) => f.verdict !== "human" || f.recommendation !== "enable-2sv")
      .map(({ seed, f }) => `seed ${seed}: ${explain(f)} ${f.recommendation}`);
    expect(wrong).toEqual([]);
  });

  // The schedule the test relies on is there: without it the case would prove nothing.
  it("keeps its login schedule as evidence", () => {
    const fired = SEEDS.filter((seed) => judged(seed, 0.6).signals.some((s) => s.id === "login-schedule"));
    expect(fired.length).toBeGreaterThanOrEqual(3);
  });
});

/**
 * A headless browser's weekday report (account `id`): it signs in from a cloud address at 06:00
 * UTC within two minutes, gets an email code it cannot answer, and reads a few pages.
 */
function weekdayReport(seed: number, id: string): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  const where = { ip: CLOUD, userAgent: BROWSER };
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const t = day + 6 * HOUR + Math.floor((r() - 0.5) * 4 * MIN);
    out.push(ev(id, t, where));
    out.push(ev(id, t + 20_000, { action: "email_otp_sent", ...where }));
    for (let i = 1; i <= 3; i++) out.push(ev(id, t + i * 40_000, { action: "page_viewed", ...where }));
  }
  return out;
}

describe("a job's schedule with an email code at each of its sign-ins", () => {
  // The same weak schedule on a robot nobody works beside: it stays reviewed on its schedule. (In one
  // run of six the start's jitter leaves no schedule at all, as before: a weekday job at one
  // minute is a punctual person's trace too.)
  it("keeps a headless weekday report at likely-bot or above in five runs of six", () => {
    const wrong = SEEDS.map((seed) => {
      const users = [account("p", { name: "Daily Report", managementSource: "invited", ...EMPTY }), account("q", { name: "Office Colleague" })];
      return { seed, f: findingOf(snapshotOf(users, [...weekdayReport(seed, "p"), ...punctualDays(seed + 100, "q", 0)]), "p") };
    })
      .filter(({ f }) => f.verdict === "human")
      .map(({ seed, f }) => `seed ${seed}: ${explain(f)}`);
    expect(wrong.length).toBeLessThanOrEqual(1);
  });
});

describe("a job whose every sign-in keeps one minute, with an email code each", () => {
  // Four to six sign-ins at 09:02 within a minute, one of them on a weekend: the schedule is all of its sign-ins, no person's routine among others, so its codes stay machine evidence.
  it("keeps its email codes as evidence", () => {
    const weights = SEEDS.map((seed) => {
      const r = lcg(seed);
      const events: Raw[] = [];
      const where = { ip: OFFICE, userAgent: BROWSER };
      for (const d of [29, 22, 15, 8, 7, 1].slice(0, 4 + (seed % 3))) {
        const t = REF_MS - d * DAY + 9 * HOUR + 2 * MIN + Math.floor(r() * 40_000);
        events.push(ev("p", t, where), ev("p", t + 20_000, { action: "email_otp_sent", ...where }));
      }
      const f = findingOf(snapshotOf([account("p", { name: "Payroll Sync", managementSource: "invited", ...EMPTY }), account("q", { name: "Office Colleague" })], [...events, ...punctualDays(seed + 100, "q", 0)]), "p");
      return f.signals.find((s) => s.id === "email-otp")?.weight ?? null;
    });
    expect(weights.filter((w) => w === null || w <= 0)).toEqual([]);
  });
});
