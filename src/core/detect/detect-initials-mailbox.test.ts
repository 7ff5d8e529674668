// People whose mailbox is their initials, where the initials are also a team's or a tool's address:
// Ian Tran at `it@` (a role address, "IT") and Cara Ivers at `ci@` (a bot-like word, "CI"), with a
// person's job title and their own sign-ins and UI work. A team's `it@` and a CI server's `ci@`
// are still what they were.
import { describe, expect, it } from "vitest";
import { account, ev, findingOf, HOUR, lcg, OFFICE, BROWSER, officeDays, REF_MS, snapshotOf, DAY, type Raw } from "../../../test/helpers/people-audit.js";

const SEEDS = [1, 2, 3] as const;

/** `p` beside four colleagues, with `events` of its own. */
function auditOf(user: Raw, events: (seed: number) => Raw[], seed: number) {
  const users = [user, ...[0, 1, 2, 3].map((i) => account(`c${i}`, { name: `Colleague ${i}` }))];
  const all = [...events(seed), ...[0, 1, 2, 3].flatMap((i) => officeDays(lcg(seed * 100 + i), `c${i}`))];
  return findingOf(snapshotOf(users, all), "p");
}

/** Office days with sign-ins from the office, home, a hotel and a phone: a director who travels. */
function travellingDays(seed: number): Raw[] {
  const r = lcg(seed * 37 + 1);
  const addresses = [OFFICE, "86.14.22.9", "77.20.4.18", "172.56.9.40", "92.40.1.7"];
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if ([0, 6].includes(new Date(day).getUTCDay()) || r() < 0.1) continue;
    const ip = addresses[Math.floor(r() * addresses.length)] as string;
    const start = day + (8 + r() * 2) * HOUR;
    out.push(ev("p", Math.floor(start), { ip, userAgent: BROWSER }));
    for (let k = 0; k < 6; k++) out.push(ev("p", Math.floor(start + (10 + r() * 400) * 60_000), { action: "issue_updated", ip, userAgent: BROWSER }));
  }
  return out;
}

describe("a person whose mailbox is their initials", () => {
  // `it@` was read as the IT team's address, signed in to from five addresses: sent to review as shared.
  it("Ian Tran, a synced director at `it@`, is human", () => {
    const user = account("p", { name: "Ian Tran", email: "it@acme.com", jobTitle: "Director", department: "Finance" });
    for (const seed of SEEDS) expect(auditOf(user, travellingDays, seed).verdict).toBe("human");
  });

  // `ci@` leads with a CI word; sign-ins without 2SV made it an automation identity under review.
  it("Cara Ivers, invited with a job title at `ci@`, is human", () => {
    const user = account("p", { name: "Cara Ivers", email: "ci@acme.com", managementSource: "invited", jobTitle: "Product Designer", department: "Design" });
    for (const seed of SEEDS) expect(auditOf(user, (s) => officeDays(lcg(s * 7 + 3), "p"), seed).verdict).toBe("human");
  });

  // Guard: the IT team's own `it@`, named "IT Team", signed in to from five addresses, is reviewed as shared.
  it("`it@` named for its team is still reviewed", () => {
    const user = account("p", { name: "IT Team", email: "it@acme.com", jobTitle: null, department: "IT", picture: null });
    for (const seed of SEEDS) expect(auditOf(user, travellingDays, seed).verdict).toBe("likely-bot");
  });

  // Guard: a CI server's `ci@` named "CI Server" with no profile, signing in without 2SV, is reviewed.
  it("`ci@` named for a CI server is still reviewed", () => {
    const user = account("p", { name: "CI Server", email: "ci@acme.com", managementSource: "invited", jobTitle: null, department: null, picture: null });
    for (const seed of SEEDS) expect(auditOf(user, (s) => officeDays(lcg(s * 7 + 3), "p"), seed).verdict).not.toBe("human");
  });

  // The review's reason names what raised it: the sign-ins without 2SV, not an empty profile it does not have.
  it("a titled `deploy@` raised for its sign-ins says so", () => {
    const user = account("p", { name: "Deploy Runner", email: "deploy@acme.com", managementSource: "invited", jobTitle: "Release Engineering", department: "Platform" });
    const f = auditOf(user, (s) => officeDays(lcg(s * 7 + 3), "p"), 1);
    expect(f.verdict).toBe("likely-bot");
    const floor = f.signals.find((s) => s.id === "automation-identity")?.evidence ?? "";
    expect(floor).toContain("sign-ins without two-step verification");
    expect(floor).not.toContain("empty profile suffice");
  });
});
