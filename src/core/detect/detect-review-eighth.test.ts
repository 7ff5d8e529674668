// People the audit could call `bot` in situations of a large org that earlier tests do not build:
// an audit-log export that cuts every time to the hour or records each event twice, and a Jira
// Automation rule whose actions the log records in the name of the person who owns it. Each test
// runs several instances with jitter and asserts the verdict.
import { describe, expect, it } from "vitest";
import { snapshotSchema, type Snapshot } from "../snapshot/schema.js";
import { detectionConfigSchema } from "./config.js";
import { auditSnapshot } from "./index.js";
import { account, dropIns, officeDays, BROWSER, DAY, EMPTY, ev, HOUR, iso, isWeekend, lcg, MIN, findingOf, OFFICE, rawSnapshot, REF_MS, runsWith, snap, token, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";

const INVITED = { managementSource: "invited", ...EMPTY };
const lastUi = (daysAgo: number | null, key = "jira-software"): Raw => ({ productAccess: [{ key, id: `ari:${key}`, lastActiveTimestamp: daysAgo === null ? null : iso(REF_MS - daysAgo * DAY) }] });
/** Product access with no last-active date at all: the source does not collect it. */
const UNRECORDED_UI = { productAccess: [{ key: "jira-software", id: "ari:jira" }] };
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const MORE_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
const OTP = "email_otp_sent";

/** The events with each time cut down to a whole `unit` (an export that keeps the hour only). */
const cut = (events: Raw[], unit: number): Raw[] => events.map((e) => ({ ...e, time: iso(Math.floor(Date.parse(String(e["time"])) / unit) * unit) }));
/** Each event twice, with its own id, at the same time (overlapping export pages). */
const twice = (events: Raw[]): Raw[] => events.flatMap((e) => [e, { ...e, id: `${String(e["id"])}-dup` }]);

/** CLI calls with the token `tk` every 3-30 minutes, 08:30-18:30 on weekdays (5% of days off), and for 1-3 hours from 10:00-12:00 on a `weekends` share of weekend days. */
function cliDays(r: () => number, id: string, weekends = 0): Raw[] {
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    const we = isWeekend(day);
    if ((we && r() > weekends) || r() < 0.05) continue;
    const from = day + (we ? 10 + r() * 2 : 8.5 + r() * 1.5) * HOUR;
    const to = we ? from + (1 + r() * 2) * HOUR : day + (17 + r() * 1.5) * HOUR;
    for (let t = from; t < to; t += (3 + r() * 27) * MIN) out.push(tokenCall(id, Math.floor(t), "tk"));
  }
  return out;
}

/** A sign-in with its email code once a day, every day of the week, at 07:00-09:00, and UI work for four hours after it. */
function everyMorning(r: () => number, id: string): Raw[] {
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (r() < 0.05) continue;
    const t = day + (7 + r() * 2) * HOUR;
    out.push(ev(id, Math.floor(t - 20_000), { action: OTP, ip: OFFICE, userAgent: BROWSER }));
    out.push(ev(id, Math.floor(t), { ip: OFFICE, userAgent: BROWSER }));
    for (let u = t + 3 * MIN; u < t + 4 * HOUR; u += (5 + r() * 50) * MIN) out.push(ev(id, Math.floor(u), { action: "issue_updated", ip: OFFICE, userAgent: BROWSER }));
  }
  return out;
}


/** A colleague with ordinary office days, so that the org has more than one account to read its log's grain from. */
const COLLEAGUE = account("c0", { name: "Ines Moreau" });
/** The events cut to `unit`, with the colleague's office days cut the same way. */
const cutOrg = (events: Raw[], unit: number): Raw[] => cut([...events, ...officeDays(lcg(99), "c0")], unit);

/** Ten colleagues with ordinary office days and no last-active dates (the source does not collect them), their times cut the same way. */
function colleagues(r: () => number, unit: number): { users: Raw[]; events: Raw[] } {
  const users: Raw[] = [];
  const events: Raw[] = [];
  for (let i = 0; i < 10; i++) {
    users.push(account(`q${i}`, UNRECORDED_UI));
    events.push(...officeDays(r, `q${i}`));
  }
  return { users, events: cut(events, unit) };
}

describe("a log whose times are cut to the hour", () => {
  // Some SIEM and log-archive exports keep only the hour of each event: every gap between two
  // moments of a person's work becomes a whole number of hours, most of them exactly one.

  it("is named in the report's warnings, with the rules it silences; a log to the minute is not", () => {
    const warningsOf = (unit: number): string[] => {
      const r = lcg(3);
      const events: Raw[] = [];
      const users: Raw[] = [];
      for (let i = 0; i < 5; i++) {
        users.push(account(`w${i}`));
        events.push(...officeDays(r, `w${i}`));
      }
      return auditSnapshot(snapshotSchema.parse(rawSnapshot(users, cut(events, unit))), { detection: detectionConfigSchema.parse({}), allowlist: [], denylist: [], generatedAt: new Date(0) }).warnings;
    };
    expect(warningsOf(HOUR).join("\n")).toMatch(/records event times to the hour only.*activity-cadence, activity-schedule, login-fixed-cadence, login-schedule and login-daily-slots could not judge any account, nor could the reviews that read a start's minute \(a token's timer, punctual sign-ins, work through an unrecorded token at its minute\)/);
    expect(warningsOf(15 * MIN).join("\n")).toMatch(/to the quarter hour only/);
    expect(warningsOf(MIN).join("\n")).not.toMatch(/records event times to the/);
  });

  it("is read from its accounts: one job whose calls land on whole hours does not make the log coarse", () => {
    const r = lcg(5);
    const users: Raw[] = [];
    const events: Raw[] = [];
    for (let i = 0; i < 8; i++) {
      users.push(account(`w${i}`));
      events.push(...officeDays(r, `w${i}`));
    }
    users.push(account("sync", { name: "Sync Job", email: "hourly-sync@acme.com", ...INVITED, ...lastUi(null) }));
    for (let t = REF_MS - 20 * DAY; t < REF_MS; t += HOUR) events.push(tokenCall("sync", t, "tk-sync", "34.201.10.7", "python-requests/2.31"));
    const report = auditSnapshot(snapshotSchema.parse(rawSnapshot(users, events, [token("tk-sync", "sync", REF_MS - HOUR, "sync")])), { detection: detectionConfigSchema.parse({}), allowlist: [], denylist: [], generatedAt: new Date(0) });
    expect(report.warnings.join("\n")).not.toMatch(/records event times to the/);
    expect(report.findings.find((f) => f.accountId === "sync")?.signals.map((s) => s.id)).toContain("activity-cadence");
  });

  // A contractor (invited, no profile) who works through a CLI on weekdays and on some weekend
  // mornings, and has not opened the web UI for two months.
  it("an invited contractor with a CLI who also works some weekend mornings is not `bot`", () => {
    expect(
      runsWith("bot", SEEDS, "p", (seed) => snap("hour-cli-weekends", [COLLEAGUE, account("p", { ...INVITED, ...lastUi(60) })], cutOrg(cliDays(lcg(seed), "p", 0.5), HOUR), [token("tk", "p", REF_MS - DAY)])),
    ).toEqual([]);
  });

  // The same contractor where the export keeps times to the quarter hour.
  it("the same contractor in a log whose times are cut to the quarter hour is not `bot`", () => {
    expect(
      runsWith("bot", SEEDS, "p", (seed) => snap("quarter-cli-weekends", [COLLEAGUE, account("p", { ...INVITED, ...lastUi(60) })], cutOrg(cliDays(lcg(seed), "p", 0.5), 15 * MIN), [token("tk", "p", REF_MS - DAY)])),
    ).toEqual([]);
  });

  // A partner's service-desk lead who drops in five to eight times a workday under the 15-minute
  // external-user session, each visit verified by an email code, and used the UI yesterday.
  it("an invited lead who drops in five to eight times a workday is not `bot`", () => {
    expect(runsWith("bot", MORE_SEEDS, "p", (seed) => snap("hour-drop-in", [COLLEAGUE, account("p", { name: "Hana Kobayashi", ...INVITED, ...lastUi(1) })], cutOrg(dropIns(lcg(seed), "p", [5, 8]), HOUR)))).toEqual([]);
  });

  // A care worker who signs in once every morning of the week at 07:00-09:00 (email code each
  // time), in an org whose source collects no last-active dates and whose log keeps sign-ins and
  // their challenges only.
  it("a person who signs in once every morning, in a log of sign-ins only, is not `bot`", () => {
    expect(
      runsWith("bot", MORE_SEEDS, "p", (seed) => {
        const r = lcg(seed);
        const org = colleagues(r, HOUR);
        const own = cut(everyMorning(r, "p"), HOUR).filter((e) => e["action"] !== "issue_updated");
        return snap("hour-every-morning", [account("p", { ...INVITED, ...UNRECORDED_UI }), ...org.users], [...own, ...org.events]);
      }),
    ).toEqual([]);
  });

  // The same person whose work in the UI is in the log, with the last UI use left empty (null),
  // as the source of an earlier case did ("a person who signs in once a day, every day").
  it("a person who signs in once every morning and works in the UI, with the last UI use left empty, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "p", (seed) => snap("hour-every-morning-ui", [COLLEAGUE, account("p", { ...INVITED, ...lastUi(null) })], cutOrg(everyMorning(lcg(seed), "p"), HOUR)))).toEqual([]);
  });

  // The same on a source that records neither the IdP nor 2SV, with a full profile.
  it("an employee with a full profile who signs in once every morning, on a source that does not say who the IdP manages, is not `bot`", () => {
    expect(runsWith("bot", SEEDS, "p", (seed) => snap("hour-every-morning-silent", [COLLEAGUE, account("p", { managementSource: null, ...lastUi(null) })], cutOrg(everyMorning(lcg(seed), "p"), HOUR)))).toEqual([]);
  });

  // An ordinary IdP-synced office worker: every person in such an org is sent to review.
  it("an IdP-synced office worker is `human`", () => {
    const build = (seed: number): Snapshot => snap("hour-office", [COLLEAGUE, account("p", lastUi(1))], cutOrg(officeDays(lcg(seed), "p"), HOUR));
    expect([...runsWith("bot", SEEDS, "p", build), ...runsWith("likely-bot", SEEDS, "p", build)]).toEqual([]);
  });

  // A close call that holds today: an invited office worker challenged by email at each sign-in.
  it("the control, an invited office worker with an email code at each sign-in, is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "p", (seed) => snap("hour-office-invited", [COLLEAGUE, account("p", { ...INVITED, ...lastUi(1) })], cutOrg(officeDays(lcg(seed), "p", true), HOUR)))).toEqual([]);
  });
});

describe("a log that records every event twice", () => {
  // The export was paged with overlapping pages (or two connectors forward the same stream).
  // A partner's lead who drops in three to five times a workday becomes six to ten sign-ins.
  // A close call that holds today: the same lead at five to eight visits is reviewed, never `bot`.
  it("the control, five to eight visits a workday, is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "p", (seed) => snap("twice-drop-in-8", [account("p", { name: "Hana Kobayashi", ...INVITED, ...lastUi(1) })], twice(dropIns(lcg(seed), "p", [5, 8]))))).toEqual([]);
  });
});

describe("a Jira Automation rule whose actions the log records in its owner's name", () => {
  // The rule runs every hour, day and night, with "run as: rule owner"; each run updates an issue
  // from Atlassian's addresses and the audit log names the owner as the actor.
  const rule = (r: () => number, id: string, every = 60): Raw[] => {
    const out: Raw[] = [];
    for (let t = REF_MS - 35 * DAY + r() * HOUR; t < REF_MS; t += every * MIN + r() * 40_000) out.push(ev(id, Math.floor(t), { action: "issue_updated", ip: "18.184.99.10", userAgent: "Atlassian-Automation/1.0" }));
    return out;
  };

  // A close call that holds today: the owner works in the web UI every weekday.
  it("the control, an invited lead who works in the web UI, is never `bot`", () => {
    expect(runsWith("bot", SEEDS, "p", (seed) => {
      const r = lcg(seed);
      return snap("rule-ui", [account("p", { ...INVITED, ...lastUi(1) })], [...officeDays(r, "p"), ...rule(r, "p")]);
    })).toEqual([]);
  });
});

describe("an automation rule that runs in its owner's name with an app's credential", () => {
  // The rule runs every hour, day and night; the log names the owner as the actor and records the
  // rule's org credential (`authType: container-token`, no token id). The owner, an invited
  // contractor, works through a CLI with a personal token on weekdays.
  const rule = (r: () => number, id: string): Raw[] => {
    const out: Raw[] = [];
    for (let t = REF_MS - 35 * DAY + r() * HOUR; t < REF_MS; t += HOUR + r() * 40_000) out.push(ev(id, Math.floor(t), { action: "issue_updated", authType: "container-token" }));
    return out;
  };

  it("does not lend the rule's timing to the owner's account", () => {
    expect(
      runsWith("bot", SEEDS, "p", (seed) => {
        const r = lcg(seed);
        return snap("rule-container-cli", [account("p", { name: "Tomás Herrera", ...INVITED, ...lastUi(60) })], [...cliDays(r, "p"), ...rule(r, "p")], [token("tk", "p", REF_MS - DAY)]);
      }),
    ).toEqual([]);
  });

  it("still times a token's calls that name the token, whatever auth type the log gives them", () => {
    const r = lcg(4);
    const events: Raw[] = [];
    for (let t = REF_MS - 20 * DAY; t < REF_MS; t += HOUR + r() * 30_000) events.push(ev("job", Math.floor(t), { action: "issue_updated", tokenId: "tk-job", authType: "container-token", ip: "34.201.10.7" }));
    const f = findingOf(snap("container-token-job", [account("job", { name: "Nightly Sync", email: "nightly-sync@acme.com", ...INVITED, ...lastUi(null) })], events, [token("tk-job", "job", REF_MS - HOUR, "sync")]), "job");
    expect(f.signals.map((s) => s.id)).toContain("round-the-clock");
    expect(f.verdict).toBe("bot");
  });
});
