// People whose surname is a bot-like word (Jenkins, Sync, Runner, Cron, Service), invited to the
// org without 2SV, at work from the office, from home and on the road: each of their sign-ins
// brings an email code, as everyone's does in an org that does not enforce 2SV. Their own
// sign-ins explain the codes, which are no script's trace beside a surname (they were reviewed as
// "named like automation"); an account named from a bot-like word, or whose sign-ins are not a
// person's, is still reviewed.
import { describe, expect, it } from "vitest";
import { account, EMPTY, explain, findingOf, lcg, officeDays, REF_MS, DAY, HOUR, iso, snap, ev, OFFICE, BROWSER, token, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6] as const;
const ADDRESSES = [OFFICE, "86.12.40.7", "92.40.181.3", OFFICE, "86.12.40.7"];
/** An office worker's weekdays, each day from the office, home or a phone's network. */
const roamingDays = (seed: number): Raw[] => officeDays(lcg(seed), "p", true).map((e) => ({ ...e, ip: ADDRESSES[Math.floor(Date.parse(String(e["time"])) / DAY) % ADDRESSES.length] }));
const colleagues = () => Array.from({ length: 10 }, (_, i) => account(`col${i}`, { name: `Colleague ${i}` }));
const invited = (name: string, email: string) => account("p", { name, email, managementSource: "invited", mfaEnabled: false, jobTitle: "Analyst", department: null, picture: null, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - DAY) }] });

describe("a person with a bot-like surname who answers an email code at each sign-in", () => {
  for (const [name, email] of [["Isla Jenkins", "isla.jenkins@acme.example"], ["Jack Sync", "jack.sync@acme.example"], ["Mei Runner", "mei.runner@acme.example"], ["Lily Cron", "lily.cron@acme.example"], ["Nina Service", "nina.service@acme.example"]] as const) {
    it(`${name} is \`human\` and told to enable 2SV`, () => {
      for (const seed of SEEDS) {
        const f = findingOf(snap("surname", [invited(name, email), ...colleagues()], roamingDays(seed)), "p");
        expect(f.verdict, `run ${seed}: ${explain(f)}`).toBe("human");
        expect(f.recommendation, `run ${seed}`).toBe("enable-2sv");
      }
    });
  }
});

describe("what the floor still reviews", () => {
  // "API User" at `api-user@`: every word of it bot-like or a team's, so no person's name written
  // given name first (as `api.nugroho@` is Api Nugroho's); its owner signs in now and then, the
  // token was used today, and the log keeps sign-ins only. It was `human`.
  it("an integration account named API User, signed in to by its owner now and then", () => {
    const user = account("p", { name: "API User", email: "api-user@acme.example", managementSource: "invited", mfaEnabled: false, ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - 6 * DAY) }] });
    const events = [33, 25, 22, 6].map((d) => ev("p", REF_MS - d * DAY + 20 * 3_600_000, { ip: OFFICE, userAgent: BROWSER }));
    const f = findingOf(snap("api-user", [user, ...colleagues()], events, [token("tk", "p", REF_MS - HOUR, "integration")]), "p");
    expect(f.verdict, explain(f)).toBe("likely-bot");
    expect(f.signals.find((s) => s.id === "automation-identity")?.evidence).toContain("api-user@");
  });
  it("the same people signing in from the office's one address only (as a robot on a host there does)", () => {
    for (const seed of SEEDS) {
      const f = findingOf(snap("one-address", [invited("Isla Jenkins", "isla.jenkins@acme.example"), ...colleagues()], officeDays(lcg(seed), "p", true)), "p");
      expect(f.verdict, `run ${seed}: ${explain(f)}`).toBe("likely-bot");
    }
  });
  it("a mailbox named from a bot-like word (`sync.payroll@`) with email codes at a person's sign-ins", () => {
    for (const seed of SEEDS) {
      const u = { ...invited("Payroll", "sync.payroll@acme.example"), ...EMPTY };
      const f = findingOf(snap("leading", [u, ...colleagues()], roamingDays(seed)), "p");
      expect(f.verdict, `run ${seed}: ${explain(f)}`).toBe("likely-bot");
    }
  });
  it("a surname-like word on an account with two sign-ins in five weeks, each with an email code", () => {
    const events = [3, 17].flatMap((d) => {
      const t = REF_MS - d * DAY + 9 * 3_600_000;
      return [ev("p", t - 30_000, { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }), ev("p", t, { ip: OFFICE, userAgent: BROWSER }), ev("p", t + 120_000, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER })];
    });
    const f = findingOf(snap("two-sign-ins", [invited("Isla Jenkins", "isla.jenkins@acme.example"), ...colleagues()], events), "p");
    expect(f.verdict, explain(f)).toBe("likely-bot");
    expect(f.signals.find((s) => s.id === "automation-identity")?.evidence).toContain("email OTP challenges without two-step verification");
  });
});
