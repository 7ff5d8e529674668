// A robot that signs in through the browser when its desktop is unlocked (08:00 give or take half
// an hour) and polls with its token every 10 minutes until 18:00: one sign-in a day, every
// weekday, no work of a person's in the UI. Its name reads like a person's; a person's laptop
// tool whose day starts within one half-hour on most days is told from it by the owner's UI work
// through the day, which the robot does not do.
// A browser robot at the office whose owner signs in from three addresses (home, a phone, the
// office), in an org at UTC or far from it: the owner's sign-ins are a person's, but most of the
// account's work comes right after a sign-in, a robot's sittings, so its email codes stay a
// script's trace beside a bot-like word.
// People named like automation who are on call every day, weekends included, invited with 2SV,
// and a contractor on call every day in the "automation" group of the jobs they run: they look
// in from the office, home and a phone, so never resting is no script's trace for them.
import { describe, expect, it } from "vitest";
import type { Finding } from "./types.js";
import { snapshotSchema } from "../snapshot/schema.js";
import { account, atLeastLikelyBot, BROWSER, CLOUD, DAY, EMPTY, ev, findingOf, HOUR, isHuman, isWeekend, iso, lcg, MIN, OFFICE, officeColleagues, officeDays, perturbed, rawSnapshot, REF_MS, shift, snapshotOf, stripUserAgents, drop, token, tokenCall, wrongRuns, type Perturb, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const colleagues = (): Raw[] => Array.from({ length: 10 }, (_, i) => account(`col${i}`, { name: `Colleague ${i}` }));

/**
 * An RPA robot (account `p`) over `days` days: on each weekday its desktop is unlocked at 07:45
 * plus up to `wander` minutes; it signs in through the browser and then calls the API with its
 * token every 10 minutes (and a few seconds) until 18:00, from the office.
 */
function rpaRobot(seed: number, days: number, wander: number): Raw[] {
  const r = lcg(seed * 29 + 5);
  const out: Raw[] = [];
  for (let d = days; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const start = day + 7.75 * HOUR + r() * wander * MIN;
    const end = day + 18 * HOUR + r() * MIN;
    out.push(ev("p", Math.floor(start - 2 * MIN), { ip: OFFICE, userAgent: BROWSER }));
    for (let t = start; t < end; t += 10 * MIN + Math.floor(r() * 20) * 1000) out.push(tokenCall("p", Math.floor(t), "tk", OFFICE, "UiPath.Robot/23.10"));
  }
  return out;
}

describe("an RPA robot with a person's name, unlocked each morning", () => {
  for (const [label, user] of [
    ["IdP-synced", account("p", { name: "Robin Hayes", email: "robin.hayes@acme.com" })],
    ["invited, empty profile", account("p", { name: "Robin Hayes", email: "robin.hayes@acme.com", managementSource: "invited", ...EMPTY })],
  ] as const) {
    it(`${label}: is at least \`likely-bot\` when its start wanders within the hour`, () => {
      const wrong: string[] = [];
      for (const days of [28, 35]) {
        for (const [name, changes] of [["as recorded", []], ["no user agents", [stripUserAgents]], ["drop 30%", [drop(0.3)]]] as [string, Perturb[]][]) {
          wrong.push(
            ...wrongRuns(SEEDS, atLeastLikelyBot, (seed): Finding =>
              findingOf(snapshotOf([user, ...colleagues()], perturbed(rpaRobot(seed, days, 60), seed, changes), [token("tk", "p", REF_MS - DAY, "rpa")]), "p"),
            ).map((w) => `${days} days, ${name}: ${w}`),
          );
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});

/** A browser robot (account `p`): 1-4 sign-ins a weekday at 08:00-18:00, each with an email code and 2-4 pages within two minutes, over the last 35 days. */
function browserRobot(seed: number): Raw[] {
  const r = lcg(seed * 31 + 5);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (let k = 1 + Math.floor(r() * 4); k > 0; k--) {
      const t = Math.floor(day + (8 + r() * 10) * HOUR);
      out.push(ev("p", t - 20_000, { action: "email_otp_sent", ip: OFFICE, userAgent: BROWSER }), ev("p", t, { ip: OFFICE, userAgent: BROWSER }));
      for (let p = 2 + Math.floor(r() * 3); p > 0; p--) out.push(ev("p", t + p * (20_000 + Math.floor(r() * 30_000)), { action: r() < 0.5 ? "issue_viewed" : "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    }
  }
  return out;
}

/** The robot's owner on about half the weekdays: a sign-in with its code from home, a phone or the office, and an hour of updates. */
function ownerFromThreeAddresses(seed: number): Raw[] {
  const r = lcg(seed + 17);
  const ips = ["86.12.40.7", "92.40.181.3", OFFICE];
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.5) continue;
    const ip = ips[d % 3] as string;
    const t = Math.floor(day + (9 + r() * 6) * HOUR);
    out.push(ev("p", t - 20_000, { action: "email_otp_sent", ip, userAgent: BROWSER }), ev("p", t, { ip, userAgent: BROWSER }));
    for (let m = 5; m < 60; m += 5 + Math.floor(r() * 10)) out.push(ev("p", t + m * MIN, { action: "issue_updated", ip, userAgent: BROWSER }));
  }
  return out;
}

describe("a browser robot whose owner signs in from three addresses", () => {
  for (const [zone, hours] of [
    ["Singapore (UTC+8)", -8],
    ["Los Angeles (UTC-8)", 8],
    ["UTC", 0],
  ] as const) {
    for (const [name, email] of [["Invoice Runner", "invoice.runner@acme.com"], ["Dana Jenkins", "dana.jenkins@acme.com"]] as const) {
      it(`${name} in ${zone} is at least \`likely-bot\``, () => {
        const user = account("p", { name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - DAY) }] });
        const wrong = wrongRuns([1, 2, 3, 4], atLeastLikelyBot, (seed) => {
          const c = officeColleagues(seed);
          return findingOf(snapshotOf([user, ...c.users], shift(hours)([...c.events, ...browserRobot(seed), ...ownerFromThreeAddresses(seed)], seed)), "p");
        });
        expect(wrong).toEqual([]);
      });
    }
  }
});

/** A person on call: weekdays at the office, and one or two looks at the phone every day (weekends included) between 07:00 and 23:00. */
function onCall(seed: number): Raw[] {
  const r = lcg(seed * 7 + 11);
  const out = officeDays(r, "p");
  const phone = "Jira/9.0 (iPhone; iOS 17)";
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    for (let k = isWeekend(day) ? 1 + Math.floor(r() * 2) : Math.floor(r() * 2); k > 0; k--) {
      const t = day + (7 + r() * 16) * HOUR;
      out.push(ev("p", Math.floor(t), { ip: "92.40.181.3", userAgent: phone }), ev("p", Math.floor(t + 3 * MIN), { action: "issue_updated", ip: "92.40.181.3", userAgent: phone }));
    }
  }
  return out;
}

describe("a person named like automation, on call every day", () => {
  for (const [name, email] of [["Sarah Jenkins", "sarah.jenkins@acme.com"], ["Tariq Runner", "tariq.runner@acme.com"]] as const) {
    it(`${name}, an invited contractor with 2SV, is \`human\``, () => {
      const user = account("p", { name, email, managementSource: "invited", mfaEnabled: true });
      const wrong = wrongRuns([1, 2, 3, 4, 5, 6], isHuman, (seed) => {
        const c = officeColleagues(seed);
        return findingOf(snapshotOf([user, ...c.users], [...c.events, ...onCall(seed)]), "p");
      });
      expect(wrong).toEqual([]);
    });
  }
});

describe("an invited contractor in the group of the scripts they run, on call every day", () => {
  it("Priya Raman, with 2SV and an empty profile, in \"automation\" beside three report jobs, is `human`", () => {
    const wrong = wrongRuns([1, 2, 3, 4], isHuman, (seed) => {
      const c = officeColleagues(seed);
      const users: Raw[] = [account("p", { name: "Priya Raman", email: "priya.raman@acme.com", mfaEnabled: true, managementSource: "invited", ...EMPTY, groupIds: ["g1"] }), ...c.users];
      const events: Raw[] = [...c.events, ...onCall(seed)];
      const tokens: Raw[] = [];
      for (let b = 0; b < 3; b++) {
        users.push(account(`b${b}`, { name: `Job ${b}`, email: `job${b}@acme.com`, managementSource: "invited", ...EMPTY, groupIds: ["g1"], productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: null }] }));
        for (let t = REF_MS - 35 * DAY; t < REF_MS; t += 30 * MIN) events.push(tokenCall(`b${b}`, t + b * 1000, `t${b}`, CLOUD, "python-requests/2.31"));
        tokens.push(token(`t${b}`, `b${b}`, REF_MS - HOUR));
      }
      const raw = rawSnapshot(users, events, tokens);
      raw["groups"] = [{ id: "g1", name: "automation", description: null, managementSource: null }];
      return findingOf(snapshotSchema.parse(raw), "p");
    });
    expect(wrong).toEqual([]);
  });
});

describe("a team's mailbox named in another language", () => {
  // "Équipe Paie" at `equipe.paie2@`, kept by the IdP: an email bridge's token works for the
  // payroll team in working hours from a cloud address, and a teammate signed in two weeks ago.
  it("is reviewed as a shared account", () => {
    const c = officeColleagues(2);
    const user = account("p", { name: "Équipe Paie", email: "equipe.paie2@acme.fr", jobTitle: null, picture: null, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - 14 * DAY) }] });
    const events: Raw[] = [ev("p", REF_MS - 14 * DAY + 10 * HOUR, { ip: OFFICE, userAgent: BROWSER })];
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (let h = 9; h < 17; h += 2) events.push(tokenCall("p", day + h * HOUR + 7 * MIN, "tk", CLOUD, "Make/production"));
    }
    const f = findingOf(snapshotOf([user, ...c.users], [...c.events, ...events], [token("tk", "p", REF_MS - DAY, "email-bridge")]), "p");
    expect(f.verdict, f.signals.map((s) => `${s.id}:${s.weight}`).join(" ")).toBe("likely-bot");
    expect(f.signals.some((s) => s.id === "role-mailbox")).toBe(true);
  });
});
