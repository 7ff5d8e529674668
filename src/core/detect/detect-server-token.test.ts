// A token that a scripting client uses from cloud addresses while the account signs in from an
// office or a home: a script on a server runs as the account, whoever signs in to it.
import { describe, expect, it } from "vitest";
import { account, CLOUD, explain, findingOf, HOUR, lcg, OFFICE, officeDays, REF_MS, snapshotOf, token, type Raw, webhookCalls, ownerVisits } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const INVITED = { managementSource: "invited", jobTitle: null, department: null, picture: null };

const colleagues = (seed: number): [Raw[], Raw[]] => {
  const users: Raw[] = [];
  const events: Raw[] = [];
  for (let i = 0; i < 6; i++) {
    users.push(account(`c${i}`, { name: `Colleague ${i}` }));
    events.push(...officeDays(lcg(seed * 17 + i), `c${i}`));
  }
  return [users, events];
};

function org(seed: number, p: Raw, events: Raw[]) {
  const [users, others] = colleagues(seed);
  return snapshotOf([p, ...users], [...events, ...others], [token("hook-t", "p", REF_MS - HOUR, "do not delete")]);
}

describe("a token used from cloud addresses by a scripting client", () => {
  // A webhook's handler on a cloud server, on an account whose owner signs in from the office: was `human`.
  it("while the account signs in from the office, is reviewed", () => {
    for (const seed of SEEDS) {
      const p = account("p", { name: "Admin Tool", email: "admin-tool@acme.com", ...INVITED });
      const f = findingOf(org(seed, p, [...webhookCalls(seed, "p", CLOUD, "okhttp/4.12.0"), ...ownerVisits(seed, "p", OFFICE)]), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
      expect(f.signals.find((s) => s.id === "script-in-use")?.evidence).toContain("from cloud addresses");
    }
  });

  // The same where the log records no user agents.
  it("while the account signs in from the office, is reviewed without user agents too", () => {
    for (const seed of SEEDS) {
      const p = account("p", { name: "Admin Tool", email: "admin-tool@acme.com", ...INVITED });
      const events = [...webhookCalls(seed, "p", CLOUD, "okhttp/4.12.0"), ...ownerVisits(seed, "p", OFFICE)].map(({ userAgent: _u, ...e }) => e);
      const f = findingOf(org(seed, p, events), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "likely-bot"]);
    }
  });

  // Behind a cloud-hosted VPN, a developer's sign-ins and CLI calls both leave from cloud addresses.
  it("where the account signs in from cloud addresses too (a VPN), names no server", () => {
    for (const seed of SEEDS) {
      const p = account("p", { name: "Dana Reyes" });
      const f = findingOf(org(seed, p, [...webhookCalls(seed, "p", CLOUD, "python-requests/2.32"), ...ownerVisits(seed, "p", CLOUD)]), "p");
      expect(f.signals.map((s) => s.evidence).join("\n"), explain(f)).not.toContain("while its");
    }
  });

  // The same calls from the office network are a developer's own scripts at her desk.
  it("from the office network, is a person's", () => {
    for (const seed of SEEDS) {
      const p = account("p", { name: "Dana Reyes" });
      const f = findingOf(org(seed, p, [...webhookCalls(seed, "p", OFFICE, "python-requests/2.32"), ...ownerVisits(seed, "p", OFFICE)]), "p");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});
