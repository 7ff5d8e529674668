// An account named like automation whose job title says it is no person's ("Technical User"),
// kept by the identity provider with 2SV enrolled: a deployment plan signs in through a browser
// each night, at a different time each night (03:00 to 07:00), and now and then in the day. No
// token, no cloud address, no email code it cannot answer: none of a script's traces, so it was
// `human`. It rests on no day of the window, weekends included, as no rota does; that is a
// script's trace beside such a name. A person at work every day (a founder, an on-call lead) is
// no script for it, nor is a person named so who rests at weekends.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, ev, explain, findingOf, HOUR, iso, isWeekend, lcg, MIN, OFFICE, officeColleagues, officeDays, REF_MS, snap, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6] as const;

/** Nightly sign-ins at 03:00-07:00 with a few page updates, every day but about one in 25, and one or two sign-ins on weekdays. */
function nightlyPlan(seed: number, id: string): Raw[] {
  const r = lcg(seed * 7919);
  const out: Raw[] = [];
  for (let d = 60; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (r() >= 0.04) {
      const t = day + 3 * HOUR + Math.min(-Math.log(1 - r()) * 45, 240) * MIN;
      out.push(ev(id, Math.floor(t), { ip: OFFICE, userAgent: BROWSER }));
      for (let i = 1 + Math.floor(r() * 5); i > 0; i--) out.push(ev(id, Math.floor(t + (1 + r() * 39) * MIN), { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    }
    if (isWeekend(day)) continue;
    for (let i = Math.floor(r() * 3); i > 0; i--) out.push(ev(id, Math.floor(day + (8 + r() * 10) * HOUR), { ip: OFFICE, userAgent: BROWSER }));
  }
  return out;
}

const synced2sv = (name: string, email: string, jobTitle: string): Raw =>
  account("p", { name, email, jobTitle, department: "Engineering", picture: null, mfaEnabled: true, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - DAY + 4 * HOUR) }] });

/** A person who looks in every day, weekends too: the working week, and a short visit each weekend morning. */
function everyDayPerson(seed: number, id: string): Raw[] {
  const r = lcg(seed * 104729);
  const out = officeDays(r, id);
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (!isWeekend(day)) continue;
    const t = day + (9 + r() * 3) * HOUR;
    out.push(ev(id, Math.floor(t), { ip: "86.12.40.7", userAgent: BROWSER }), ev(id, Math.floor(t + 6 * MIN), { action: "comment_created", ip: "86.12.40.7", userAgent: BROWSER }));
  }
  return out;
}

describe("an account named like automation that rests on no day", () => {
  it("QA Automation, a Technical User with 2SV, signing in each night at changing times, is reviewed", () => {
    for (const seed of SEEDS) {
      const { users, events } = officeColleagues(seed);
      const f = findingOf(snap("nightly-plan", [synced2sv("QA Automation", "qa-automation@acme.example", "Technical User"), ...users], [...events, ...nightlyPlan(seed, "p")]), "p");
      expect(f.verdict, `run ${seed}: ${explain(f)}`).toBe("likely-bot");
      expect(f.signals.find((s) => s.id === "automation-identity")?.evidence, `run ${seed}`).toContain("activity on nearly every day, weekends included, signing in from one address at most");
    }
  });
});

describe("what still stays `human`", () => {
  it("a person with a person's title who looks in every day, weekends included", () => {
    for (const seed of SEEDS) {
      const { users, events } = officeColleagues(seed);
      const f = findingOf(snap("every-day", [synced2sv("Priya Raman", "priya.raman@acme.example", "Head of Support"), ...users], [...events, ...everyDayPerson(seed, "p")]), "p");
      expect(f.verdict, `run ${seed}: ${explain(f)}`).toBe("human");
    }
  });
  it("the nightly plan's account with a person's name and title: no name like automation's beside it", () => {
    // A person's account on which such a plan runs is judged on its timing alone, as before.
    for (const seed of SEEDS) {
      const { users, events } = officeColleagues(seed);
      const f = findingOf(snap("person-named", [synced2sv("Priya Raman", "priya.raman@acme.example", "Head of Support"), ...users], [...events, ...nightlyPlan(seed, "p")]), "p");
      expect(f.signals.some((s) => s.id === "automation-identity"), `run ${seed}: ${explain(f)}`).toBe(false);
    }
  });
  it("QA Automation at work in the working week only, resting at weekends, shows no such trace", () => {
    // Its title and name still make it a review case of their own (see detect-review-fortieth).
    for (const seed of SEEDS) {
      const { users, events } = officeColleagues(seed);
      const f = findingOf(snap("weekdays", [synced2sv("QA Automation", "qa-automation@acme.example", "Technical User"), ...users], [...events, ...officeDays(lcg(seed), "p")]), "p");
      expect(f.signals.map((s) => s.evidence).join(" "), `run ${seed}: ${explain(f)}`).not.toContain("activity on nearly every day");
    }
  });
  it("QA Automation with a person's title, at work in the working week only, is `human`", () => {
    for (const seed of SEEDS) {
      const { users, events } = officeColleagues(seed);
      const f = findingOf(snap("weekdays", [synced2sv("QA Automation", "qa-automation@acme.example", "QA Lead"), ...users], [...events, ...officeDays(lcg(seed), "p")]), "p");
      expect(f.signals.some((s) => s.id === "automation-identity"), `run ${seed}: ${explain(f)}`).toBe(false);
    }
  });
});
