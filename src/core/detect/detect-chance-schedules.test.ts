// Sign-ins that line up at one time of day by chance: a person who starts a shift at about the
// same time signs in within a few minutes of it now and then, among many other sign-ins. A login
// schedule must recur on a quarter of the days with a sign-in before it is read as a job's,
// unless the account works from cloud addresses. Each test asserts the right verdict.
import { describe, expect, it } from "vitest";
import { account, BROWSER, CLOUD, DAY, EMPTY, ev, explain, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, REF_MS, snap, type Raw } from "../../../test/helpers/people-audit.js";

const HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36";

/** A sign-in answered with an emailed code, and the work of the next minutes. */
function sitting(events: Raw[], id: string, at: number, r: () => number, ip: string, userAgent: string, steps: number): void {
  events.push(ev(id, at, { ip, userAgent }), ev(id, at + 30_000, { action: "user_email_otp_challenge", ip, userAgent }));
  for (let s = 1, t = at; s <= steps; s++) {
    t += (4 + Math.floor(r() * 40)) * MIN;
    events.push(ev(id, t, { action: "issue_commented", ip, userAgent }));
  }
}

/**
 * A help-desk agent on a 24x7 rota: a week of early shifts (04:00 UTC), a week of late ones
 * (12:00), a week of nights (20:00), five shifts on and two off; signs in within a quarter of an
 * hour of the shift's start, and again twice in the shift when the session ends.
 */
function rotaAgent(id: string, seed: number): Raw[] {
  const r = lcg(seed);
  const events: Raw[] = [];
  const starts = [4, 12, 20];
  for (let d = 60; d >= 1; d--) {
    const week = Math.floor(d / 7);
    if (d % 7 >= 5) continue;
    const start = REF_MS - d * DAY + (starts[week % 3] as number) * HOUR;
    sitting(events, id, start + Math.floor((r() - 0.5) * 30 * MIN), r, OFFICE, BROWSER, 4);
    for (const h of [3, 6]) sitting(events, id, start + h * HOUR + Math.floor(r() * 90) * MIN, r, OFFICE, BROWSER, 4);
  }
  return events;
}

describe("sign-ins that line up by chance", () => {
  it("a help-desk agent on a 24x7 rota, whose shift starts line up now and then among 120 sign-ins, is `human` and asked to enable 2SV", () => {
    for (const seed of [3, 8, 21]) {
      const user = account("agent", { name: "Kavya Sharma", email: "kavya.sharma@acme.com", managementSource: "invited", ...EMPTY });
      const f = findingOf(snap("rota-agent", [user], rotaAgent("agent", seed)), "agent");
      expect(f.signals.map((s) => s.id), explain(f)).not.toContain("login-schedule");
      expect(f.verdict, explain(f)).toBe("human");
      expect(f.recommendation, explain(f)).toBe("enable-2sv");
    }
  });

  it("a job that signs in at 02:10 on half of the days with a sign-in is still read as a login schedule", () => {
    // The same agent's account, with a job that signs in at 02:10 UTC on 30 nights as well.
    const r = lcg(4);
    const events = rotaAgent("agent", 3);
    for (let d = 30; d >= 1; d--) sitting(events, "agent", REF_MS - d * DAY + 2 * HOUR + 10 * MIN + Math.floor(r() * 60_000), r, OFFICE, BROWSER, 1);
    const f = findingOf(snap("rota-agent-with-job", [account("agent", { name: "Kavya Sharma", email: "kavya.sharma@acme.com", managementSource: "invited", ...EMPTY })], events), "agent");
    expect(f.signals.map((s) => s.id), explain(f)).toContain("login-schedule");
  });

  it("a headless test runner from cloud addresses, run by a pipeline in working hours and on a few nights, is not `human`, though few of its sign-ins line up", () => {
    // An end-to-end suite on an account named after the engineer who set it up: four runs a
    // weekday at any working hour, an email code at each sign-in, from a cloud runner; a nightly
    // run at 01:00 UTC on five of the 22 working days.
    const r = lcg(9);
    const events: Raw[] = [];
    let nights = 0;
    for (let d = 30; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      if (d % 4 === 0 && nights++ < 5) sitting(events, "qa", day + HOUR + Math.floor(r() * 4 * MIN), r, CLOUD, HEADLESS, 3);
      for (let k = 0; k < 4; k++) sitting(events, "qa", day + 7 * HOUR + Math.floor(r() * 11 * 60) * MIN, r, CLOUD, HEADLESS, 3);
    }
    const user = account("qa", { name: "Maya Ortiz", email: "maya.ortiz2@acme.com", managementSource: "invited", ...EMPTY });
    const f = findingOf(snap("headless-qa", [user], events), "qa");
    expect(f.signals.map((s) => s.id), explain(f)).toContain("login-schedule");
    expect(f.verdict, explain(f)).not.toBe("human");
  });
});
