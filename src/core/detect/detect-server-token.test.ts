// A token that a scripting client uses from cloud addresses while the account signs in from an
// office or a home: a script on a server runs as the account, whoever signs in to it.
import { describe, expect, it } from "vitest";
import { account, BROWSER, CLOUD, DAY, ev, explain, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, officeDays, REF_MS, snapshotOf, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3, 4, 5] as const;
const INVITED = { managementSource: "invited", jobTitle: null, department: null, picture: null };

/** A webhook's handler: token calls when people work (workdays 08:00-18:00, 2-8 bursts a day, 1-6 calls each), from `ip` with `userAgent`. */
function webhookCalls(seed: number, id: string, ip: string, userAgent: string): Raw[] {
  const r = lcg(seed);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    const bursts = 2 + Math.floor(r() * 7);
    for (let b = 0; b < bursts; b++) {
      const at = day + (8 + r() * 10) * HOUR;
      const calls = 1 + Math.floor(r() * 6);
      for (let c = 0; c < calls; c++) out.push(tokenCall(id, Math.floor(at + c * 20_000), "hook-t", ip, userAgent));
    }
  }
  return out;
}

/** An owner's sign-ins by hand, twice a week, from `ip`, the UI used yesterday. */
function ownerVisits(seed: number, id: string, ip: string): Raw[] {
  const r = lcg(seed + 9);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.6) continue;
    const at = day + (9 + r() * 7) * HOUR;
    out.push(ev(id, Math.floor(at), { ip, userAgent: BROWSER }), ev(id, Math.floor(at + 5 * MIN), { action: "issue_updated", ip, userAgent: BROWSER }));
  }
  return out;
}

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
