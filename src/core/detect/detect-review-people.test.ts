import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { snapshotSchema, type Snapshot } from "../snapshot/schema.js";
import { account, BROWSER, DAY, ev, explain, findingOf, HOUR, iso, lcg, MIN, rawSnapshot, REF_MS, type Raw } from "../../../test/helpers/people-audit.js";

const OFFICE = "81.2.69.160";
const isWeekend = (ms: number): boolean => [0, 6].includes(new Date(ms).getUTCDay());

/** The snapshot of these accounts; with REVIEW_DUMP=dir, also written to dir/name.json for the command line. */
function snap(name: string, users: Raw[], events: Raw[], apiTokens: Raw[] = []): Snapshot {
  const raw = rawSnapshot(users, events, apiTokens);
  const dir = process.env["REVIEW_DUMP"];
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/${name}.json`, JSON.stringify(raw));
  }
  return snapshotSchema.parse(raw);
}

const token = (id: string, accountId: string, createdMs: number, lastMs: number): Raw => ({
  id,
  accountId,
  label: "jira-cli",
  status: "ALLOWED",
  createdAt: iso(createdMs),
  expiresAt: iso(REF_MS + 300 * DAY),
  lastActiveAt: iso(lastMs),
});

describe("a new joiner who creates an API token on the first day", () => {
  // Added on Friday morning, works in the UI all Friday, creates a token for the Jira CLI in the
  // afternoon and uses it until the evening; the snapshot is taken on Sunday at midnight.
  const added = REF_MS - 2 * DAY + 9 * HOUR - DAY; // Friday 09:00 UTC
  function joiner(name: string, overrides: Raw, addedMs = added): Snapshot {
    const events: Raw[] = [ev("new", addedMs + 10 * MIN, { ip: OFFICE, userAgent: BROWSER })];
    for (let t = addedMs + 20 * MIN; t < addedMs + 8 * HOUR; t += 25 * MIN) events.push(ev("new", t, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    for (let t = addedMs + 5 * HOUR; t < addedMs + 9 * HOUR; t += 7 * MIN) events.push(ev("new", t, { action: "issue_updated", tokenId: "tk", authType: "api-token", ip: OFFICE, userAgent: "jira-cli/1.5" }));
    const lastUi = iso(addedMs + 8 * HOUR);
    const u = account("new", { addedToOrg: iso(addedMs), productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: lastUi }], ...overrides });
    return snap(name, [u], events, [token("tk", "new", addedMs + 5 * HOUR, addedMs + 9 * HOUR)]);
  }

  it("an IdP-synced engineer with a full profile is human", () => {
    const f = findingOf(joiner("joiner-synced", {}), "new");
    expect(f.verdict, explain(f)).toBe("human");
  });

  it("an invited contractor (no profile collected) is never `bot`", () => {
    const f = findingOf(joiner("joiner-invited", { managementSource: "invited", jobTitle: null, department: null, picture: null }), "new");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("a contractor on a source that does not say who the IdP manages is never `bot`", () => {
    const f = findingOf(joiner("joiner-silent", { managementSource: undefined, jobTitle: undefined, department: undefined, picture: undefined }), "new");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("someone who joined this morning (the snapshot is the same evening) and uses a CLI is never `bot`", () => {
    const f = findingOf(joiner("joiner-today", { managementSource: "invited", jobTitle: null, department: null, picture: null }, REF_MS - 15 * HOUR), "new");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });
});

describe("a contractor who used the UI on the first day only and works through a CLI since", () => {
  // Invited 20 days ago for an operations team on a rotating shift (a week of early shifts
  // 06:00-14:00, a week of lates 14:00-22:00, a week of nights 22:00-06:00): signs in and works in
  // the UI on the first day, then creates an API token for a CLI on the team's cloud bastion host
  // (cloud addresses) and handles tickets through it since.
  function contractor(name: string, overrides: Raw): Snapshot {
    const r = lcg(11);
    const added = REF_MS - 20 * DAY + 8 * HOUR;
    const events: Raw[] = [ev("ops", added + 15 * MIN, { ip: OFFICE, userAgent: BROWSER })];
    for (let t = added + 30 * MIN; t < added + 6 * HOUR; t += 30 * MIN) events.push(ev("ops", t, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    for (let d = 19; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      const shiftStart = day + [6, 14, 22][Math.floor((19 - d) / 7) % 3]! * HOUR;
      for (let t = shiftStart + Math.floor(r() * 30) * MIN; t < shiftStart + 8 * HOUR; t += (20 + Math.floor(r() * 50)) * MIN) {
        events.push(ev("ops", t, { action: "issue_updated", tokenId: "tk", authType: "api-token", ip: "34.201.10.7", userAgent: "jira-cli/1.5" }));
      }
    }
    const lastToken = Math.max(...events.filter((e) => e["tokenId"]).map((e) => Date.parse(String(e["time"]))));
    const u = account("ops", { name: "Priya Natarajan", email: "priya.natarajan@acme.com", addedToOrg: iso(added), productAccess: [{ key: "jira-servicedesk", id: "ari:jsm", lastActiveTimestamp: iso(added + 6 * HOUR) }], ...overrides });
    return snap(name, [u], events, [token("tk", "ops", added + 5 * HOUR, lastToken)]);
  }

  it("an invited contractor (no profile collected) is never `bot`", () => {
    const f = findingOf(contractor("contractor-rota-invited", { managementSource: "invited", jobTitle: null, department: null, picture: null }), "ops");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("a contractor the source says no IdP manages (null), with a full profile, is never `bot`", () => {
    const f = findingOf(contractor("contractor-rota-null", { managementSource: null }), "ops");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });
});

describe("a script on a person's account, beside the person", () => {
  // A report job at 02:00 from Monday to Saturday (cron `0 2 * * 1-6`) on an engineer's token,
  // from a cloud machine; the engineer works in the UI on weekdays at wandering times.
  it("a Monday-to-Saturday 02:00 job on an engineer's token is still held for review while the engineer works in the UI", () => {
    const r = lcg(3);
    const events: Raw[] = [];
    for (let d = 42; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (new Date(day).getUTCDay() === 0) continue;
      // The job: a burst of token calls at 02:00-02:05.
      for (let k = 0; k < 6; k++) events.push(ev("eng", day + 2 * HOUR + (k * 40 + Math.floor(r() * 20)) * 1000, { action: "issue_updated", tokenId: "tk", authType: "api-token", ip: "34.201.10.7", userAgent: "python-requests/2.32" }));
      if (isWeekend(day)) continue;
      // The engineer: a sign-in and UI work between 08:30 and 17:00 at wandering times.
      const start = day + (8 * 60 + 30 + Math.floor(r() * 60)) * MIN;
      events.push(ev("eng", start, { ip: OFFICE, userAgent: BROWSER }));
      for (let t = start + 5 * MIN; t < day + 17 * HOUR; t += (20 + Math.floor(r() * 40)) * MIN) events.push(ev("eng", t, { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
    }
    const s = snap("person-with-nightly-job", [account("eng", { name: "Ana Costa" })], events, [token("tk", "eng", REF_MS - 200 * DAY, REF_MS - 2 * DAY)]);
    const f = findingOf(s, "eng");
    expect(f.verdict, explain(f)).not.toBe("human");
  });
});

describe("robots whose sittings leave no recorded work", () => {
  // An RPA robot that signs in three times a workday at fixed times; the source's audit log holds
  // its sign-ins and email-OTP challenges, not the product work done in between.
  function robot(name: string, user: Raw): Snapshot {
    const r = lcg(5);
    const events: Raw[] = [];
    for (let d = 42; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (const at of [8 * 60 + 10, 12 * 60 + 10, 16 * 60 + 10]) {
        const ms = day + (at + Math.floor(r() * 8)) * MIN;
        events.push(ev("rpa", ms, { ip: OFFICE, userAgent: BROWSER }));
        events.push(ev("rpa", ms + 20_000, { action: "user_email_otp_challenge", ip: OFFICE, userAgent: BROWSER }));
      }
    }
    return snap(name, [account("rpa", user)], events);
  }

  it("an invited robot on a person's name is at least held for review", () => {
    const f = findingOf(robot("robot-no-work", { name: "Dana Lima", managementSource: "invited", jobTitle: null, department: null, picture: null }), "rpa");
    expect(f.verdict, explain(f)).not.toBe("human");
  });
});

describe("bot-named accounts with a mailbox of two or three letters", () => {
  // A job's account named as one, its token in use, never in the UI, no sign-ins: the identity
  // lifts the holds. A mailbox of initials on a person's name must not lift them, but a bot's
  // name of two words is no person's name.
  function scriptAccount(name: string, displayName: string, email: string): Snapshot {
    const events: Raw[] = [];
    // A few calls a week: too few to time.
    for (const d of [12, 9, 5, 2]) {
      const day = REF_MS - d * DAY;
      events.push(ev("etl", day + (9 + (d % 5)) * HOUR + ((d * 17) % 50) * MIN, { action: "issue_updated", tokenId: "tk", authType: "api-token", ip: OFFICE }));
    }
    const u = account("etl", { name: displayName, email, managementSource: "invited", jobTitle: null, department: null, picture: null, productAccess: [{ key: "jira-software", id: "j", lastActiveTimestamp: null }] });
    return snap(name, [u], events, [token("tk", "etl", REF_MS - 300 * DAY, REF_MS - DAY)]);
  }

  it("`ETL Bot` <etl@> with a token in use and no UI stays `bot`", () => {
    const f = findingOf(scriptAccount("etl-bot", "ETL Bot", "etl@acme.com"), "etl");
    expect(f.verdict, explain(f)).toBe("bot");
  });

  it("`API Integration User` <api@> with a token in use and no UI stays `bot`", () => {
    const f = findingOf(scriptAccount("api-user", "API Integration User", "api@acme.com"), "etl");
    expect(f.verdict, explain(f)).toBe("bot");
  });
});

describe("people made to sign in at fixed times whose source records little besides the sign-in", () => {
  // An outsourced service-desk agent on a non-persistent desktop: sign-ins at shift start
  // (07:52-08:05) and after lunch (12:28-12:40) on workdays, each challenged by email. The source
  // names the challenge `mfa_challenge_sent` (not a configured email-OTP key, and no name the
  // inference reads), and records the agent's ticket work only now and then, hours later.
  function agent(name: string, challenge: string, work: boolean): Snapshot {
    const r = lcg(21);
    const events: Raw[] = [];
    for (let d = 42; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (const [at, spread] of [[7 * 60 + 55, 10], [12 * 60 + 28, 10], [15 * 60 + 13, 10]] as const) {
        const ms = day + (at + Math.floor(r() * spread)) * MIN;
        events.push(ev("agent", ms, { ip: OFFICE, userAgent: BROWSER }));
        events.push(ev("agent", ms + 25_000, { action: challenge, ip: OFFICE, userAgent: BROWSER }));
        if (work && r() < 0.3) events.push(ev("agent", ms + (60 + Math.floor(r() * 120)) * MIN, { action: "customer_request_resolved", ip: OFFICE, userAgent: BROWSER }));
      }
    }
    const u = account("agent", { name: "Joana Pereira", managementSource: "invited", jobTitle: null, department: null, picture: null, productAccess: [{ key: "jira-servicedesk", id: "ari:jsm", lastActiveTimestamp: null }] });
    return snap(name, [u], events);
  }

  it("a challenge under another name does not count as the agent's work, so the sign-in times alone make no `bot`", () => {
    const f = findingOf(agent("agent-mfa-named-otherwise", "mfa_challenge_sent", true), "agent");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("where the source records none of the agent's work, only the sign-in and its challenge, the timetable is weak evidence: review, never `bot`", () => {
    // The rule's own premise: without recorded work a person made to sign in at fixed times looks
    // like a robot (RPA), so the account is reviewed. A challenge logged under an unknown name is
    // no work either.
    const f = findingOf(agent("agent-mfa-named-otherwise-no-work", "mfa_challenge_sent", false), "agent");
    const slots = f.signals.find((x) => x.id === "login-daily-slots");
    expect(slots?.weight, explain(f)).toBeLessThan(2.5);
    expect(slots?.evidence).toMatch(/cannot be told/);
    expect(f.verdict, explain(f)).toBe("likely-bot");
  });

  it("the same agent on a desktop hosted in a cloud (cloud addresses) is not `bot`", () => {
    const s = agent("agent-vdi-cloud", "mfa_challenge_sent", false);
    const f = findingOf({ ...s, events: s.events.map((e) => ({ ...e, ip: "34.201.10.7" })) }, "agent");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });

  it("reads the same verdict from events in any order", () => {
    const s = agent("agent-unsorted", "mfa_challenge_sent", true);
    const sorted = findingOf(s, "agent");
    const reversed = findingOf({ ...s, events: [...s.events].reverse() }, "agent");
    expect(explain(reversed)).toBe(explain(sorted));
  });

  it("the same agent with the configured challenge key is not `bot`", () => {
    const f = findingOf(agent("agent-configured-otp", "user_email_otp_challenge", true), "agent");
    expect(f.verdict, explain(f)).not.toBe("bot");
  });
});
