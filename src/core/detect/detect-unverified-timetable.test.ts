// Logs that record sign-ins only. A robot (RPA) that opens a browser at fixed times of day looks
// like a person made to sign in at fixed times (a desktop that clears cookies at shift start and
// after lunch): whether its sittings are short cannot be told without recorded work. The timetable
// is then weak evidence: with the email challenges it cannot answer it sends the robot to review,
// and it never makes a person `bot`.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, DAY, EMPTY, ev, explain, findingOf, isWeekend, lcg, MIN, OFFICE, REF_MS, snap, type Raw } from "../../../test/helpers/people-audit.js";

/**
 * Sign-ins at `slots` (minutes after midnight UTC) on weekdays for 30 days, each up to `jitter`
 * minutes late, from the office with a browser; with `otp`, an email challenge after each.
 */
function timetable(name: string, user: Raw, slots: readonly number[], jitter: number, otp: boolean, seed = 5): Snapshot {
  const r = lcg(seed);
  const events: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (const slot of slots) {
      const at = day + (slot + Math.floor(r() * jitter)) * MIN + Math.floor(r() * 50_000);
      events.push(ev("a", at, { ip: OFFICE, userAgent: BROWSER }));
      if (otp) events.push(ev("a", at + 30_000, { action: "user_email_otp_challenge", ip: OFFICE, userAgent: BROWSER }));
    }
  }
  return snap(name, [account("a", user)], events);
}

const ROBOT = { name: "Invoice Robot", managementSource: "invited", ...EMPTY };
const signals = (id: string, s: Snapshot) => findingOf(s, id).signals.map((x) => x.id);

describe("a robot's timetable of sign-ins in a log without its work", () => {
  it("an invited robot signing in at 08:10 and 13:40 and challenged by email each time is held for review", () => {
    const s = timetable("rpa-otp", ROBOT, [8 * 60 + 10, 13 * 60 + 40], 4, true);
    const f = findingOf(s, "a");
    expect(f.verdict, explain(f)).toBe("likely-bot");
    const slots = f.signals.find((x) => x.id === "login-daily-slots");
    expect(slots, explain(f)).toBeDefined();
    expect(slots?.evidence).toMatch(/no work of the account's is recorded/);
  });

  it("the timetable alone weighs less than one with short sittings recorded", () => {
    const unverified = findingOf(timetable("rpa-otp", ROBOT, [8 * 60 + 10, 13 * 60 + 40], 4, true), "a");
    // The same robot with its work recorded: three edits within five minutes of each sign-in.
    const r = lcg(5);
    const events: Raw[] = [];
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (const slot of [8 * 60 + 10, 13 * 60 + 40]) {
        const at = day + (slot + Math.floor(r() * 4)) * MIN + Math.floor(r() * 50_000);
        events.push(ev("a", at, { ip: OFFICE, userAgent: BROWSER }));
        events.push(ev("a", at + 30_000, { action: "user_email_otp_challenge", ip: OFFICE, userAgent: BROWSER }));
        for (let k = 1; k <= 3; k++) events.push(ev("a", at + k * 60_000, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
      }
    }
    const verified = findingOf(snap("rpa-work", [account("a", ROBOT)], events), "a");
    const weight = (f: typeof verified) => f.signals.find((x) => x.id === "login-daily-slots")?.weight ?? 0;
    expect(weight(unverified)).toBeGreaterThan(0);
    expect(weight(unverified)).toBeLessThan(weight(verified));
    expect(verified.verdict, explain(verified)).not.toBe("human");
  });
});

describe("a person made to sign in at fixed times, in a log without their work", () => {
  it("a synced employee with a full profile whose desktop signs in at 09:00 and 13:30 is not `bot`", () => {
    const f = findingOf(timetable("cookies-cleared", {}, [9 * 60, 13 * 60 + 30], 6, false), "a");
    expect(f.verdict, explain(f)).not.toBe("bot");
    expect(f.verdict, explain(f)).not.toBe("likely-bot");
  });

  it("the same employee challenged by email at every sign-in is not `bot`", () => {
    const f = findingOf(timetable("cookies-cleared-otp", {}, [9 * 60, 13 * 60 + 30], 6, true), "a");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("across twenty timetables with email challenges, an invited contractor is never `bot`", () => {
    const bots: string[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const f = findingOf(timetable(`contractor-${seed}`, { managementSource: "invited", ...EMPTY }, [8 * 60 + 30, 13 * 60], 10, true, seed), "a");
      if (f.verdict === "bot") bots.push(`${seed}: ${explain(f)}`);
    }
    expect(bots).toEqual([]);
  });

  it("sign-ins that wander through the morning are no timetable", () => {
    const s = timetable("wandering", ROBOT, [8 * 60, 13 * 60], 90, true);
    expect(signals("a", s)).not.toContain("login-daily-slots");
  });
});
