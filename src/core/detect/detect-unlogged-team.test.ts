// A team's account the audit log records nothing of. Many exports keep the sign-ins of some
// accounts only (a sample, or the products that log them), so a team's account in UI use yesterday
// may have no event at all while its colleagues have weeks of them: nothing then shows the several
// people, or the script, that share it, and its name or role address is all there is to go on.
import { describe, expect, it } from "vitest";
import { account, EMPTY } from "../../../test/helpers/people-audit.js";
import { judged, person, recentUi, team } from "../../../test/helpers/name-attacks.js";

const SEEDS = [1, 2, 3] as const;
const unloggedAccount = (seed: number, name: string, email: string, fields = {}) =>
  judged(seed, account("x", { name, email, managementSource: "invited", ...EMPTY, ...recentUi, ...fields }));

describe("a team's account with nothing of its own in the audit log", () => {
  const teams: [string, string][] = [
    ["Studio Team", "studio@agency.example"],
    ["Front Desk", "reception@agency.example"],
    ["Social Desk", "social@agency.example"],
    ["Production Team", "production@agency.example"],
  ];
  for (const [name, email] of teams) {
    it(`reviews "${name}" at ${email} as shared, saying the log records nothing it did`, () => {
      for (const seed of SEEDS) {
        const f = unloggedAccount(seed, name, email);
        expect(f.verdict, `seed ${seed}`).toBe("likely-bot");
        const shared = f.signals.find((s) => s.id === "shared-use");
        expect(shared?.evidence).toMatch(/records nothing it did/);
      }
    });
  }

  it("reviews a synced one too: the IdP lists teams' mailboxes as well", () => {
    const f = unloggedAccount(1, "Studio Team", "studio@agency.example", { managementSource: "synced" });
    expect(f.verdict).toBe("likely-bot");
  });
});

describe("people with nothing of their own in the audit log", () => {
  // A surname that is a team's word, at the person's own mailbox: nothing but the name, and the
  // mailbox says whose it is.
  const people: [string, string][] = [
    ["Anna Hub", "anna.hub@acme.example"],
    ["Jan Pool", "jan.pool@acme.example"],
    ["Amy Reception", "amy@brightsmiles.example"],
    ["Koen Desk", "kdesk@acme.example"],
    ["Maria Santos", "maria.santos@acme.example"],
    ["Tom Labs", "tom.labs@acme.example"],
  ];
  for (const [name, email] of people) {
    it(`leaves ${name} at ${email} human`, () => {
      for (const seed of SEEDS) expect(unloggedAccount(seed, name, email).verdict, `seed ${seed}`).toBe("human");
    });
  }
});

describe("an account nothing ever used", () => {
  // A token made for a yearly campaign and never used, no event in five weeks of log and no UI use
  // ever (the product access is there, its last-active time empty).
  const neverUsedAccount = (seed: number, fields: Record<string, unknown>) =>
    judged(seed, account("x", { managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: null }], ...fields }), [], [{ id: "t1", accountId: "x", label: "readonly-2025", status: "ALLOWED", createdAt: "2025-08-02T19:50:27.000Z", expiresAt: null, lastActiveAt: null }]);

  it("is reviewed when named like automation at a mailbox that is no person's (`wiki-sync@`, `hotline-sync@`)", () => {
    for (const seed of SEEDS) {
      expect(neverUsedAccount(seed, { name: "Wiki Sync", email: "wiki-sync@uni.example" }).verdict, `seed ${seed}`).toBe("likely-bot");
      expect(neverUsedAccount(seed, { name: "Clearing Hotline Bot", email: "hotline-sync@uni.example" }).verdict, `seed ${seed}`).toBe("likely-bot");
    }
  });

  it("leaves a person's account with a job title, or with no bot-like word, `human`", () => {
    for (const seed of SEEDS) {
      expect(neverUsedAccount(seed, { name: "Sarah Jenkins", email: "sarah.jenkins@uni.example", jobTitle: "Lecturer", department: "Physics" }).verdict).toBe("human");
      expect(neverUsedAccount(seed, { name: "Maria Santos", email: "maria.santos@uni.example" }).verdict).toBe("human");
    }
  });
});

describe("a team's account named with a help desk's word run together", () => {
  it("reviews \"IT Helpdesk 2\" at `eng-automation+helpdesk2@` that several people sign in to", () => {
    for (const seed of SEEDS) expect(team(seed, "IT Helpdesk 2", "eng-automation+helpdesk2@acme.example").verdict, `seed ${seed}`).toBe("likely-bot");
  });
  it("leaves a person whose team is written after their name at their own mailbox, \"Anna Berg Servicedesk\" at `anna.berg@`, `human`", () => {
    for (const seed of SEEDS) expect(person(seed, "Anna Berg Servicedesk", "anna.berg@acme.example").verdict, `seed ${seed}`).toBe("human");
  });
});
