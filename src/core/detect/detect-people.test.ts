import { describe, expect, it } from "vitest";
import { account as baseAccount, BROWSER, DAY, ev, explain, findingOf, HOUR, iso, lcg, MIN, REF_MS, snapshotOf, type Raw } from "../../../test/helpers/people-audit.js";
import type { Snapshot } from "../snapshot/schema.js";
import type { Finding } from "./types.js";

/** A service-desk agent: IdP-synced, full profile, used Jira Service Management yesterday. */
function user(accountId: string, overrides: Raw = {}): Raw {
  return baseAccount(accountId, { jobTitle: "Service Desk Agent", department: "Customer Support", productAccess: [{ key: "jira-servicedesk", id: "ari:jsm", lastActiveTimestamp: iso(REF_MS - DAY) }], ...overrides });
}

const snap = (users: Raw[], events: Raw[]): Snapshot => snapshotOf(users, events);
const ids = (f: Finding) => f.signals.map((s) => `${s.id}:${s.weight}`);

/**
 * A person on a non-persistent desktop (VDI or kiosk that clears cookies): every sitting is a new
 * sign-in, challenged by email when 2SV is off, followed by work in the UI. `at(day, i)` gives the
 * UTC ms of sitting i on the workday starting at `dayStart`, or null to skip it.
 */
function shifts(actorId: string, days: number, sittings: number, at: (dayStart: number, i: number) => number | null, ip = "81.2.69.160", weekends = false): Raw[] {
  const out: Raw[] = [];
  for (let d = days; d >= 1; d--) {
    const dayStart = REF_MS - d * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    if (!weekends && (weekday === 0 || weekday === 6)) continue;
    for (let i = 0; i < sittings; i++) {
      const ms = at(dayStart, i);
      if (ms === null) continue;
      out.push(ev(actorId, ms, { ip, userAgent: BROWSER }));
      out.push(ev(actorId, ms + 25_000, { action: "user_email_otp_challenge", ip, userAgent: BROWSER }));
      // Work in the UI for the rest of the sitting: an issue every 10-40 minutes for 3 hours.
      for (let t = ms + 2 * MIN; t < ms + 3 * HOUR; t += (10 + ((t / MIN) % 30)) * MIN) out.push(ev(actorId, t, { action: "issue_updated", ip, userAgent: BROWSER }));
    }
  }
  return out;
}


function agentTimes(seed: number, slots: [number, number][]) {
  const r = lcg(seed);
  return (d: number, i: number) => d + ((slots[i] as [number, number])[0] + Math.floor(r() * (slots[i] as [number, number])[1])) * MIN;
}
const EMPTY = { jobTitle: null, department: null, picture: null };
const NO_UI = { productAccess: [{ key: "jira-servicedesk", id: "ari:jsm", lastActiveTimestamp: null }] };


const account = (id: string, overrides: Raw): Raw => user(id, overrides);

describe("people whose sign-ins keep fixed times of day", () => {
  // A service-desk agent on a non-persistent desktop: the shift starts at 08:00 and the lunch
  // break ends at 12:30 (a workforce plan sets both), so each workday has a sign-in at 07:52-08:05
  // and one at 12:28-12:40, each followed by hours of work in the UI.
  const agent = agentTimes(1, [[7 * 60 + 52, 14], [12 * 60 + 28, 13]]);

  it("an outsourced agent (invited, no profile) is never `bot` when the source records no product activity", () => {
    const f = findingOf(snap([account("agent", { managementSource: "invited", ...EMPTY, ...NO_UI })], shifts("agent", 42, 2, agent)), "agent");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("an outsourced agent is never `bot` when the audit does not hold UI users back for review", () => {
    const f = findingOf(snap([account("agent", { managementSource: "invited", ...EMPTY })], shifts("agent", 42, 2, agent)), "agent", { reviewWhileUiActive: false });
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("an IdP-synced agent with a full profile who works in the UI keeps the evidence of a person", () => {
    const f = findingOf(snap([account("agent", {})], shifts("agent", 42, 2, agent)), "agent");
    expect(ids(f), explain(f)).toEqual(expect.arrayContaining(["working-hours-only:-3", "recent-ui-activity:-2"]));
    expect(f.verdict, explain(f)).toBe("human");
  });

  it("a team mailbox several people sign in to for a 10:00 stand-up and a 15:00 hand-over is never `bot`", () => {
    const meet = lcg(9);
    const ips = ["81.2.69.160", "92.40.1.7", "81.2.69.161"];
    const events = shifts("desk", 42, 2, (d, i) => d + ((i === 0 ? 9 * 60 + 55 : 14 * 60 + 55) + Math.floor(meet() * 10)) * MIN).map((e, k) => ({ ...e, ip: ips[Math.floor(k / 7) % 3] }));
    const f = findingOf(snap([account("desk", { name: "Service Desk Team", email: "servicedesk@acme.com", managementSource: null, ...EMPTY, ...NO_UI })], events), "desk");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("a robot that signs in at the same times, works for a minute and leaves, is still not `human`", () => {
    // What a fix must keep: the same timetable, but each sitting is a minute of UI steps.
    const robot = agentTimes(1, [[8 * 60 + 10, 8], [12 * 60 + 10, 8], [16 * 60 + 10, 8]]);
    const events: Raw[] = [];
    for (let d = 42; d >= 1; d--) {
      const dayStart = REF_MS - d * DAY;
      const weekday = new Date(dayStart).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      for (let i = 0; i < 3; i++) {
        const ms = robot(dayStart, i);
        events.push(ev("rpa", ms, { ip: "81.2.69.160", userAgent: BROWSER }));
        events.push(ev("rpa", ms + 20_000, { action: "user_email_otp_challenge", ip: "81.2.69.160", userAgent: BROWSER }));
        for (let k = 1; k <= 3; k++) events.push(ev("rpa", ms + k * 30_000, { action: "issue_updated", ip: "81.2.69.160", userAgent: BROWSER }));
      }
    }
    const f = findingOf(snap([account("rpa", { name: "Dana Lima", managementSource: "invited", ...EMPTY })], events), "rpa");
    expect(ids(f)).toContain("login-daily-slots:2.5");
    expect(f.verdict, explain(f)).not.toBe("human");
  });
});

describe("weak machine evidence and what the source says about the identity provider", () => {
  // A CLI on a cloud machine: token calls on workdays with a few early and late ones, no UI for
  // two months, no profile collected.
  const events: Raw[] = [];
  for (let d = 21; d >= 1; d--) {
    const dayStart = REF_MS - d * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const hour of [9 + (d % 4), 14 + (d % 3)]) events.push(ev("dev", dayStart + hour * HOUR + ((d * 13) % 50) * MIN, { action: "issue_updated", tokenId: "t1", authType: "api-token", ip: "34.201.10.7" }));
    if (d % 5 === 0) events.push(ev("dev", dayStart + 4 * HOUR + d * MIN, { action: "issue_viewed", tokenId: "t1", authType: "api-token", ip: "34.201.10.7" }));
    if (d % 5 === 1) events.push(ev("dev", dayStart + 22 * HOUR + 30 * MIN, { action: "issue_viewed", tokenId: "t1", authType: "api-token", ip: "34.201.10.7" }));
  }
  const cli = (managementSource: unknown, name = "Rahul Rao", email = "rahul.rao@acme.com", lastUi: string | null = iso(REF_MS - 60 * DAY)) => {
    const u = account("dev", { name, email, managementSource, jobTitle: undefined, department: undefined, picture: undefined, productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: lastUi }] });
    const s = snap([u], events.map((e) => ({ ...e })));
    return { ...s, apiTokens: [{ id: "t1", accountId: "dev", label: "jira-cli", status: "ALLOWED", createdAt: iso(REF_MS - 200 * DAY), expiresAt: iso(REF_MS + 100 * DAY), lastActiveAt: iso(REF_MS - DAY) }] } as Snapshot;
  };

  it("cloud addresses alone hold a developer's CLI back, whatever the source says about the IdP", () => {
    for (const source of [undefined, null, "invited", "synced"]) {
      const f = findingOf(cli(source), "dev");
      expect(f.verdict, `${String(source)}: ${explain(f)}`).toBe("likely-bot");
    }
    expect(findingOf(cli("invited"), "dev").signals.find((s) => s.id === "not-bot")?.evidence).toContain("the only machine evidence is cloud addresses");
  });

  it("does not lift the hold for a mailbox of initials that happen to spell an automation word", () => {
    // Robert P. Anderson's mailbox is rpa@; he never used the UI and runs a CLI from a cloud machine.
    const named = findingOf(cli(undefined, "Rahul Rao", "rahul.rao@acme.com", null), "dev");
    const initials = findingOf(cli(undefined, "Robert P. Anderson", "rpa@acme.com", null), "dev");
    expect(named.verdict, explain(named)).toBe("likely-bot");
    expect(initials.verdict, explain(initials)).toBe("likely-bot");
  });
});

describe("UI use that stopped long ago, where the source does not say who the IdP manages", () => {
  // A developer who moved to a CLI in the spring: token calls on workdays in office hours, the UI
  // last used 200 days ago. The source records neither managementSource nor profile fields.
  function developer(managementSource: unknown, seed: number): Snapshot {
    const r = lcg(seed);
    const events: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if ([0, 6].includes(new Date(day).getUTCDay())) continue;
      for (let k = 0; k < 6; k++) events.push(ev("dev", day + 9 * HOUR + r() * 8 * HOUR, { action: "issue_updated", tokenId: "t1", authType: "api-token", ip: "81.2.69.160", userAgent: "jira-cli/1.5" }));
    }
    const u = account("dev", { name: "Pavel Moreau", email: "pavel.moreau@acme.com", managementSource, jobTitle: undefined, department: undefined, picture: undefined, productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: iso(REF_MS - 200 * DAY) }] });
    const s = snap([u], events);
    return { ...s, apiTokens: [{ id: "t1", accountId: "dev", label: "cli", status: "ALLOWED", createdAt: iso(REF_MS - 300 * DAY), expiresAt: iso(REF_MS + 100 * DAY), lastActiveAt: iso(REF_MS - DAY) }] } as Snapshot;
  }

  it("is not read as someone who left: the IdP may still provision the account", () => {
    for (const seed of [1, 2, 3]) {
      const f = findingOf(developer(undefined, seed), "dev");
      expect(f.signals.map((s) => s.id), explain(f)).not.toContain("departed-with-live-token");
      expect(f.verdict, explain(f)).not.toBe("bot");
    }
  });

  it("is, where the source says the IdP does not manage it", () => {
    for (const source of ["invited", null]) {
      const f = findingOf(developer(source, 1), "dev");
      expect(f.signals.map((s) => s.id), explain(f)).toContain("departed-with-live-token");
    }
  });
});
