// People and inactive accounts under the workday timetable, the browser-robot floor in short logs
// and without email codes, and the plan for suspended accounts whose script may or may not still
// run: a developer whose only API use is a CLI before the stand-up and at the end of the day; a
// partner's lead who drops in several times a day under a 15-minute session; a suspended person
// who took a leave before leaving; suspended accounts whose script's runs the log does not show.
// Each test builds the events, perturbs them (drop, jitter, strip, rename, cut) and asserts the
// verdict or the plan over several runs.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, CLOUD, DAY, drop, dropIns, EMPTY, ev, explain, findingOf, HOUR, ideDays, isWeekend, iso, jitter, lastDays, lcg, MIN, OFFICE, perturbed, REF_MS, runsWith, snap, stripOtp, token, tokenCall, BROWSER, type Perturb, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const INVITED = { managementSource: "invited", ...EMPTY };
const SUSPENDED = { accountStatus: "inactive", status: "suspended" };
const lastUi = (daysAgo: number | null): Raw => ({ productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: daysAgo === null ? null : iso(REF_MS - daysAgo * DAY) }] });
const colleagues = (): Raw[] => Array.from({ length: 10 }, (_, i) => account(`col${i}`, { name: `Colleague ${i}` }));
/** The colleagues' morning sign-ins on workdays, so that the log is seen to record sign-ins. */
function colleagueSignIns(): Raw[] {
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (let i = 0; i < 10; i++) out.push(ev(`col${i}`, Math.floor(day + (8 + i * 0.3) * HOUR), { ip: OFFICE, userAgent: BROWSER }));
  }
  return out;
}
const has = (f: Finding, id: string): boolean => f.signals.some((s) => s.id === id);
/** The runs whose finding of `id` is `likely-bot` with `signal` among its signals (or its evidence). */
function reviewedOn(signal: string, id: string, build: (seed: number) => Snapshot): string[] {
  const out: string[] = [];
  for (const seed of SEEDS) {
    const f = findingOf(build(seed), id);
    if (f.verdict === "likely-bot" && (has(f, signal) || f.signals.some((s) => s.evidence.includes(signal)))) out.push(`run ${seed}: ${explain(f)}`);
  }
  return out;
}
/** The runs whose finding of `id` is (`planned` true) or is not planned: a recommendation other than none. */
function runsPlanned(planned: boolean, id: string, build: (seed: number) => Snapshot): string[] {
  const out: string[] = [];
  for (const seed of SEEDS) {
    const f = findingOf(build(seed), id);
    if ((f.recommendation !== "none") === planned) out.push(`run ${seed}: ${f.recommendation} ${explain(f)}`);
  }
  return out;
}

describe("a developer whose API use is a CLI before the 09:30 stand-up and to log work at 17:00, IdP-synced with a full profile, the web UI used 60 days ago", () => {
  // On 90% of workdays a few jira-cli calls at 09:00-09:30, on 85% a few at 17:00-17:30, on 10% one more burst at random office hours.
  function standup(seed: number, user: Raw, changes: readonly Perturb[]): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day) || r() < 0.05) continue;
      const starts: number[] = [];
      if (r() < 0.9) starts.push(day + (9 + r() * 0.5) * HOUR);
      if (r() < 0.85) starts.push(day + (17 + r() * 0.5) * HOUR);
      if (r() < 0.1) starts.push(day + (10 + r() * 6) * HOUR);
      for (const t of starts) {
        let x = t;
        for (let i = 0, n = 2 + Math.floor(r() * 5); i < n; i++, x += (1 + r() * 5) * MIN) events.push(tokenCall("p", Math.floor(x), "tk", OFFICE, "jira-cli/1.5.1"));
      }
    }
    const u = account("p", { name: "Maya Fischer", email: "maya.fischer@acme.com", ...lastUi(60), ...user });
    return snap("standup-cli", [u, ...colleagues()], perturbed(events, seed, changes), [token("tk", "p", REF_MS - DAY)]);
  }
  // 30% lost: the workday timetable (two half-hours, 90% of the bursts) fires activity-schedule (+2) and silences working-hours-only (-3), so channel-divergence sends the person to review.
  it("with 30% of its events lost, is never reviewed on a workday timetable", () => {
    expect(reviewedOn("activity-schedule", "p", (s) => standup(s, {}, [drop(0.3)]))).toEqual([]);
  });
  // Times jittered by 1-10 minutes: the same, the two half-hours still hold 90% of the bursts.
  it("with times jittered by 1-10 minutes, is never reviewed on a workday timetable", () => {
    expect(reviewedOn("activity-schedule", "p", (s) => standup(s, {}, [jitter(1, 10)]))).toEqual([]);
  });
  // Two-step verification enrolled, every event kept: the same.
  it("with two-step verification enrolled, is never reviewed on a workday timetable", () => {
    expect(reviewedOn("activity-schedule", "p", (s) => standup(s, { mfaEnabled: true }, []))).toEqual([]);
  });
  // Close call: whatever the timetable adds, only weak machine evidence fires and the IdP provisions the account.
  it("the control, with 30% lost, is never `bot` (close call)", () => {
    expect(runsWith("bot", SEEDS, "p", (s) => standup(s, {}, [drop(0.3)]))).toEqual([]);
  });
});

describe("a developer who works through a CLI all day, IdP-synced with a full profile, the web UI used 40 days ago", () => {
  // Calls every 2-22 minutes (no silence of half an hour) in blocks that each start within `spread` hours of a fixed hour, on workdays, a day off in twenty.
  function blocks(seed: number, hours: readonly (readonly [number, number, number])[], changes: readonly Perturb[]): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day) || r() < 0.05) continue;
      for (const [from, spread, to] of hours) {
        const end = day + (to + r() * 0.5) * HOUR;
        for (let t = day + (from + r() * spread) * HOUR; t < end; t += (2 + r() * 20) * MIN) events.push(tokenCall("x", Math.floor(t), "tk", OFFICE, "jira-cli/1.5"));
      }
    }
    const u = account("x", { name: "Ravi Kumar", email: "ravi.kumar@acme.com", ...lastUi(40) });
    return snap("cli-all-day", [u, ...colleagues()], perturbed(events, seed, changes), [token("tk", "x", REF_MS - DAY)]);
  }
  // 08:45-09:15 to noon, back from lunch 13:00-13:25 to 17:00: two bursts a day, both in a fixed half-hour, make a workday timetable, and channel-divergence sends the person to review.
  it("in at 09:00 and back from lunch at 13:00, is never reviewed on a workday timetable", () => {
    expect(reviewedOn("activity-schedule", "x", (s) => blocks(s, [[8.75, 0.5, 12], [13, 0.4, 17]], []))).toEqual([]);
  });
  // A night shift, 22:00-22:25 to 01:30 and 02:30-02:55 to 05:30 (UTC): the same.
  it("on a night shift with a break at 01:30, is never reviewed on a workday timetable", () => {
    expect(reviewedOn("activity-schedule", "x", (s) => blocks(s, [[22, 0.4, 25.5], [26.5, 0.4, 29.5]], []))).toEqual([]);
  });
  // A part-timer's three blocks, 09:00, 11:00 and 14:00, each an hour and a half, in a 14-day window.
  it("a part-timer in three blocks a day, in a 14-day window, is never reviewed on a workday timetable", () => {
    expect(reviewedOn("activity-schedule", "x", (s) => blocks(s, [[9, 0.5, 10.5], [11, 0.45, 12.5], [14, 0.45, 15.5]], [lastDays(14)]))).toEqual([]);
  });
});

describe("a partner's lead who drops in three to five times a workday under a 15-minute session, each visit verified by an email code", () => {
  // `dropIns`: a sign-in, its email code and one to three comments within ten minutes, 08:00-17:30 on workdays; invited, the web UI used yesterday.
  function lead(seed: number, user: Raw, ip: string, changes: readonly Perturb[]): Snapshot {
    let events = dropIns(lcg(seed), "m", [3, 5]);
    if (ip !== OFFICE) events = events.map((e) => ({ ...e, ip }));
    const u = account("m", { name: "Hana Kobayashi", email: "hana.kobayashi@partner.example", ...INVITED, ...lastUi(1), ...user });
    return snap("drop-in-lead", [u, ...colleagues()], perturbed(events, seed, changes));
  }
  const FLOOR = "a browser robot's sittings";
  // A 10-day window: the robot-sittings floor now needs 5 days of sittings, not 10, and the lead's short visits with their codes meet it.
  it("in a 10-day window, is never reviewed on the browser-robot floor", () => {
    expect(reviewedOn(FLOOR, "m", (s) => lead(s, {}, OFFICE, [lastDays(10)]))).toEqual([]);
  });
  // A 7-day window: 4 days of sittings are enough.
  it("in a 7-day window, is never reviewed on the browser-robot floor", () => {
    expect(reviewedOn(FLOOR, "m", (s) => lead(s, {}, OFFICE, [lastDays(7)]))).toEqual([]);
  });
  // From a cloud desktop, with the email codes stripped: the floor takes cloud addresses for the missing codes (its note still says it answered "0" codes).
  it("from a cloud desktop, with the email codes stripped, is not `likely-bot`", () => {
    expect(runsWith("likely-bot", SEEDS, "m", (s) => lead(s, {}, CLOUD, [stripOtp]))).toEqual([]);
  });
});

describe("a suspended developer who took a two-week leave, came back and left eight days ago", () => {
  // `ideDays` (an IDE token and a CLI token) on the workdays 30-24 and 10-8 days ago; both tokens last used on the last day; the web UI used 100 days ago.
  function leftAfterLeave(seed: number, user: Raw): Snapshot {
    const events = ideDays(lcg(seed), "d", 30, { on: (day, d) => !isWeekend(day) && (d >= 24 || (d <= 10 && d >= 8)) });
    const u = account("d", { name: "Ola Berg", email: "ola.berg@acme.com", ...SUSPENDED, ...lastUi(100), ...user });
    const last = REF_MS - 8 * DAY + 17 * HOUR;
    return snap("left-after-leave", [u, ...colleagues()], [...colleagueSignIns(), ...events], [token("ide", "d", last, "intellij"), token("cli", "d", last)]);
  }
  // The leave's 13-day silence is taken for the script's longest pause between runs, so a token last used 8 days ago counts as still in use and the account is planned (review).
  it("invited, is not planned", () => {
    expect(runsPlanned(true, "d", (s) => leftAfterLeave(s, INVITED))).toEqual([]);
  });
  it("IdP-synced with a full profile, is not planned", () => {
    expect(runsPlanned(true, "d", (s) => leftAfterLeave(s, {}))).toEqual([]);
  });
});

describe("a suspended account whose workday script's runs the log does not show", () => {
  // Invited, the web UI used 200 days ago; its token's last use, in the token list, Friday evening (about 30 hours before the Sunday snapshot).
  function suspended(seed: number, log: boolean): Snapshot {
    const u = account("s", { name: "Mark Olsen", email: "mark.olsen@acme.com", ...SUSPENDED, ...INVITED, ...lastUi(200) });
    return snap("suspended-unlogged-script", [u, ...colleagues()], log ? colleagueSignIns() : [], [token("tk", "s", REF_MS - 30 * HOUR - seed * MIN)]);
  }
  // A log of sign-ins only: no run is seen, so the longest pause is taken as a day and a token used 30 hours ago counts as stopped.
  it("in a log of sign-ins only, is planned", () => {
    expect(runsPlanned(false, "s", (s) => suspended(s, true))).toEqual([]);
  });
  // No audit log at all: the same.
  it("in a snapshot without an audit log, is planned", () => {
    expect(runsPlanned(false, "s", (s) => suspended(s, false))).toEqual([]);
  });
});

describe("a suspended account whose weekly Monday 06:00 job still runs", () => {
  // Five python calls from a cloud at 06:00 each Monday; the token list's last use last Monday.
  function weekly(seed: number, changes: readonly Perturb[]): Snapshot {
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (new Date(day).getUTCDay() !== 1) continue;
      for (let i = 0; i < 5; i++) events.push(tokenCall("s", day + 6 * HOUR + i * 20_000 + seed * 1000, "tk", CLOUD, "python-requests/2.31"));
    }
    const u = account("s", { name: "Mark Olsen", email: "mark.olsen@acme.com", ...SUSPENDED, ...INVITED, ...lastUi(200) });
    return snap("suspended-weekly", [u, ...colleagues()], [...colleagueSignIns(), ...perturbed(events, seed, changes)], [token("tk", "s", REF_MS - 6 * DAY + 6 * HOUR + 2 * MIN)]);
  }
  // A 10-day window holds one Monday: no pause between runs is seen, a day stands in for it, and the job last seen six days ago counts as stopped.
  it("in a 10-day window, is planned", () => {
    expect(runsPlanned(false, "s", (s) => weekly(s, [lastDays(10)]))).toEqual([]);
  });
  // Close call: the whole month shows the week's pause, and the job is planned.
  it("the control, over the whole month, is planned (close call)", () => {
    expect(runsPlanned(false, "s", (s) => weekly(s, []))).toEqual([]);
  });
});
