// Attack on job-named idle accounts, display names ending in a machine account's title, region or
// city codes after a role word and the new role words, fewer sign-ins on a role address, staff
// plurals as team nouns, and initials with a chosen picture; both directions, with accounts an
// admin meets:
// (a) PEOPLE a first version reviewed (`likely-bot`): a role word before their own nickname, middle
//     initial or a surname the check dropped; a Chinese agent at `kefu.li@`; a one-person firm's
//     `biuro@` or `projects@`; a surname that is a staff word ("Crew", "Staff"); people on leave with
//     a token whose name is an initial and a list-word surname ("M. Sales", "JP Human"); a person
//     whose display name ends in a department that reads as a machine title ("Technical Accounts").
// (b) ACCOUNTS it meant to catch but missed in near variants: job names with other cadence or job
//     words, in German, French or Spanish, with a "DO NOT DELETE" note, a version, run together;
//     a machine title abbreviated or in another language; teams' addresses whose place code the
//     display name spells out, or whose front-desk word is in another language or spelling; teams
//     named for staff the list lacked.
// Each `it` states the verdict a careful admin wants. "(was right before)" marks a case the first
// version got wrong that the detector before it got right; "(gap before too)" one both got wrong.
// The last describe holds cases that guard the intent.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, EMPTY, ev, findingOf, HOUR, isWeekend, lcg, MIN, OFFICE, officeColleagues, REF_MS, snapshotOf, token, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const human = (v: Finding["verdict"]): boolean => v === "human";
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);

const HOME = "86.12.4.9";
const PHONE = "176.24.88.3";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
/** A person's UI use yesterday. */
const recentUi = { productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - DAY).toISOString() }] };

/** `user` (account `x`) among eight office colleagues (five weeks of sign-ins), judged. */
function judged(seed: number, user: Raw, events: Raw[] = [], apiTokens: Raw[] = []): Finding {
  const { users, events: theirs } = officeColleagues(seed);
  return findingOf(snapshotOf([...users, user], [...theirs, ...events], apiTokens), "x");
}

/**
 * A person's five weeks: on most weekdays a sign-in at 08:00-09:30 (from the office, from home on
 * about a third of the days) and work until 17:00-18:30; on one evening in five a look from the
 * phone. With `codes`, an email code before each sign-in (no 2SV, as for an invited guest); with
 * `officeOnly`, every sign-in from the office.
 */
function personDays(seed: number, { codes = false, officeOnly = false }: { codes?: boolean; officeOnly?: boolean } = {}): Raw[] {
  const r = lcg(seed * 31 + 7);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day) || r() < 0.05) continue;
    const ip = officeOnly || r() < 0.7 ? OFFICE : HOME;
    const start = day + (8 + r() * 1.5) * HOUR;
    const end = day + (17 + r() * 1.5) * HOUR;
    if (codes) out.push(ev("x", Math.floor(start - 30_000), { action: "email_otp_sent", ip, userAgent: BROWSER }));
    out.push(ev("x", Math.floor(start), { ip, userAgent: BROWSER }));
    for (let t = start + 4 * MIN; t < end; t += (5 + r() * 45) * MIN) out.push(ev("x", Math.floor(t), { action: r() < 0.5 ? "issue_updated" : "comment_created", ip, userAgent: BROWSER }));
    if (!officeOnly && r() < 0.2) out.push(ev("x", Math.floor(day + (20 + r()) * HOUR), { ip: PHONE, userAgent: IPHONE }));
  }
  return out;
}

/** A synced person with a full profile (Engineer, Platform, a photo) working as `personDays`. */
const person = (seed: number, name: string, email: string, fields: Raw = {}, opts: Parameters<typeof personDays>[1] = {}): Finding =>
  judged(seed, account("x", { name, email, ...recentUi, ...fields }), personDays(seed, opts));

/** An invited guest (no profile, no 2SV): an email code before each sign-in, all from one office. */
const guest = (seed: number, name: string, email: string): Finding =>
  judged(seed, account("x", { name, email, managementSource: "invited", ...EMPTY, ...recentUi }), personDays(seed, { codes: true, officeOnly: true }));

/**
 * An account with nothing in five weeks of log, its UI last used 40 days ago and a token last used
 * 30 days ago: a person on leave, or a job run less often than the log is long. Invited with an
 * empty profile unless `fields` say otherwise.
 */
function idle(seed: number, fields: Raw): Finding {
  const user = account("x", { managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: new Date(REF_MS - 40 * DAY).toISOString() }], ...fields });
  return judged(seed, user, [], [token("t1", "x", REF_MS - 30 * DAY, "cli")]);
}

/** A team's account that several people sign in to on weekdays: 1-3 sign-ins a day from one of three addresses, an email code before each. */
function teamSignIns(seed: number): Raw[] {
  const addresses = ["81.2.69.160", "81.2.69.161", "92.40.12.7"];
  const r = lcg(seed * 7 + 1);
  const out: Raw[] = [];
  for (let d = 30; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    if (isWeekend(day)) continue;
    for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
      const ip = addresses[Math.floor(r() * addresses.length)] as string;
      const t = day + (8 + r() * 9) * HOUR;
      out.push(ev("x", Math.floor(t - 40_000), { action: "email_otp_sent", ip, userAgent: BROWSER }));
      out.push(ev("x", Math.floor(t), { ip, userAgent: BROWSER }));
      let w = t;
      for (let i = 1; i <= 3; i++) out.push(ev("x", Math.floor((w += (3 + r() * 40) * MIN)), { action: "issue_updated", ip, userAgent: BROWSER }));
    }
  }
  return out;
}
/** A team's shared account, synced, no title, picture or department, used as `teamSignIns`. */
const team = (seed: number, name: string, email: string): Finding =>
  judged(seed, account("x", { name, email, managementSource: "synced", jobTitle: null, department: null, picture: null, ...recentUi }), teamSignIns(seed));

// ---------------------------------------------------------------------------------------------
describe("(a) people at a role word and letters of their own that the check does not see as theirs", () => {
  // Synced, full profile, at work in the UI every weekday from the office, home some days and the
  // phone some evenings (three addresses): `ownLettersAfterRole` misses the letters, the mailbox
  // becomes a role address and three sign-in addresses make it `shared-use`.
  const cases: [string, string, string][] = [
    ["nickname after the role word (was right before)", "Daniel Ortega", "support.dan@acme.com"],
    ["nickname after the role word (was right before)", "Thomas Müller", "sales.tom@acme.de"],
    ["middle initial the display name leaves out (was right before)", "John Kay", "it.jmk@acme.com"],
    ["surname in capitals beside a team note: three capitals dropped as a region code (was right before)", "Jason LIM (Finance)", "finance.jl@acme.sg"],
    ["Ø, which has no plain letter, read as no initial; three addresses now enough (was right before)", "Øyvind Hansen", "it.oh@acme.no"],
    ["two-letter surname in capitals dropped as a country code; three addresses now enough (was right before)", "Wei NG", "it.wn@acme.sg"],
    // A test of odd characters in names, whose first word is a role word once its accents go.
    ["a four-letter word after a role word is no place's code", "Tëst Ñame", "test_name@acme.com"],
  ];
  it.each(cases)("%s: %s at %s stays human", (_why, name, email) => {
    none(wrongRuns(SEEDS, human, (seed) => person(seed, name, email)));
  });

  it("an invited consultant at support.dan@ whose sign-ins each take an email code, all from one office, stays human (was right before: one code is now enough)", () => {
    none(wrongRuns(SEEDS, human, (seed) => judged(seed, account("x", { name: "Daniel Ortega", email: "support.dan@partner.com", managementSource: "invited", ...recentUi }), personDays(seed, { codes: true, officeOnly: true }))));
  });
});

// ---------------------------------------------------------------------------------------------
describe("(a) people at the new role words (kefu, biuro, projects, logistics)", () => {
  it.each([
    ["李娜", "kefu.li@acme.cn", "a customer-service agent's own mailbox, her name in Chinese characters"],
    ["LI Na", "kefu.li@acme.cn", "the same agent, her pinyin surname in capitals"],
    ["Rajesh Iyer", "projects.raj@acme.com", "a project manager's own mailbox"],
    ["Benjamin Hart", "logistics.ben@acme.com", "a logistics coordinator's own mailbox"],
  ])("%s at %s (%s) stays human (was right before)", (name, email) => {
    none(wrongRuns(SEEDS, human, (seed) => person(seed, name, email)));
  });

  it.each([
    ["Jan Kowalski", "biuro@kowalski-it.pl", "a one-person Polish firm's only address"],
    ["Ravi Menon", "projects@menondesign.co", "a freelance designer's only address"],
  ])("an invited contractor %s at %s (%s), an email code at each sign-in, stays human (was right before)", (name, email) => {
    none(wrongRuns(SEEDS, human, (seed) => guest(seed, name, email)));
  });
});

// ---------------------------------------------------------------------------------------------
describe("(a) people whose surname is a staff word (team-named shared-use floor)", () => {
  // Invited, no profile or 2SV: an email code before each sign-in, so three codes come in a week.
  it.each([
    ["Rebecca Crew", "rebecca@crewdesign.co.uk", "her firm's domain carries the surname"],
    ["Ben Crew", "bcrew@acme.com", "initial and surname run together"],
    ["Mary Staff", "ms4471@acme.com", "an employee-number mailbox"],
  ])("%s at %s (%s) stays human (was right before)", (name, email) => {
    none(wrongRuns(SEEDS, human, (seed) => guest(seed, name, email)));
  });
});

// ---------------------------------------------------------------------------------------------
describe("(a) people on leave with a personal token whose name is an initial and a list-word surname (jobNamed)", () => {
  // Nothing in five weeks of log, the UI last used 40 days ago, a token last used 30 days ago.
  it.each([
    ["AJ Jenkins", "aj.jenkins@acme.com", {}],
    ["AJ Jenkins", "aj.jenkins@acme.com", { managementSource: "synced", department: "Finance", picture: null }],
    ["M. Sales", "msales@acme.com.br", {}],
    ["JP Human", "jp.human@acme.co.za", { managementSource: "synced", department: "Mining", picture: null }],
    ["H.-J. Kunde", "hj.kunde@acme.de", {}],
  ] as [string, string, Raw][])("%s at %s %j stays human (was right before)", (name, email, fields) => {
    none(wrongRuns(SEEDS, human, (seed) => idle(seed, { name, email, ...fields })));
  });
});

// ---------------------------------------------------------------------------------------------
describe("(a) a person whose display name ends in a department that reads as a machine title (machineNamed)", () => {
  it("Jo Lee - Technical Accounts (an insurer's technical-accounting team), at work every day, stays human (was right before)", () => {
    none(wrongRuns(SEEDS, human, (seed) => person(seed, "Jo Lee - Technical Accounts", "jo.lee@acme.co.uk", { department: "Technical Accounts", jobTitle: "Technical Accountant" })));
  });
});

// ---------------------------------------------------------------------------------------------
describe("(b) idle job accounts the job-name check misses (gap before too)", () => {
  // Same account as "Weekly KPI Report" in detect-job-names.test.ts: invited, no profile, nothing
  // in the log, a token last used 30 days ago, the UI 40 days ago. Reviewed under that name.
  it.each([
    ["Fortnightly Status Report", "another cadence word"],
    ["Timesheet Reminder", "another job word"],
    ["Datensicherung Confluence", "German for backup"],
    ["Rapport Hebdomadaire", "French for weekly report"],
    ["Weekly KPI Report - DO NOT DELETE", "an admin's note in capitals after a dash"],
    ["Weekly KPI Report v2", "a version"],
    ["ConfluenceBackup", "words run together"],
  ])("%s (%s) is not human", (name) => {
    none(wrongRuns(SEEDS, notHuman, (seed) => idle(seed, { name, email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}@acme.com` })));
  });

  it("Weekly KPI Report with the job title 'Scheduled Job' is not human", () => {
    none(wrongRuns(SEEDS, notHuman, (seed) => idle(seed, { name: "Weekly KPI Report", email: "kpi-report@acme.com", jobTitle: "Scheduled Job" })));
  });
});

// ---------------------------------------------------------------------------------------------
describe("(b) machine-account titles in the display name that machineNamed misses (gap before too)", () => {
  // Idle as above, department IT: "Payroll (Technical User)" is reviewed at HEAD.
  it.each([
    ["Payroll (Tech. User)", "abbreviated with a dot"],
    ["Rechnungsexport (Technischer Nutzer)", "German, Nutzer for Benutzer"],
    ["Payroll_ServiceAccount", "joined by an underscore"],
  ])("%s (%s) is not human", (name) => {
    none(wrongRuns(SEEDS, notHuman, (seed) => idle(seed, { name, email: `acct-${name.length}@acme.com`, department: "IT" })));
  });
});

// ---------------------------------------------------------------------------------------------
describe("(b) teams' shared addresses with a place code or front-desk word the change misses (gap before too)", () => {
  // Synced, no profile, one to three sign-ins a weekday from three addresses, an email code each.
  it.each([
    ["Sales New York City", "sales.nyc@acme.com", "the code spelled out: its initials read as a person's"],
    ["Finance Zug", "finance.zug@acme.ch", "a three-letter city read as a person's name"],
    ["Front Desk", "front.desk@acme.com", "front-desk with a dot"],
    ["Segreteria Milano", "segreteria.mi@acme.it", "Italian secretariat"],
  ])("%s at %s (%s) is reviewed", (name, email) => {
    none(wrongRuns(SEEDS, (v) => v === "likely-bot", (seed) => team(seed, name, email)));
  });

  it.each([
    ["Pharmacy Techs", "pharmacy@hospital.org"],
    ["Ward 7 Midwives", "ward7@hospital.org"],
  ])("a team named for staff the list lacks, %s at %s, is reviewed", (name, email) => {
    none(wrongRuns(SEEDS, (v) => v === "likely-bot", (seed) => team(seed, name, email)));
  });
});

// ---------------------------------------------------------------------------------------------
describe("guards: cases the change gets right (pass at HEAD)", () => {
  it("people whose letters after a role word the check does see stay human", () => {
    none(wrongRuns(SEEDS, human, (seed) => person(seed, "Tom Baker", "hr.tom@acme.com")));
    none(wrongRuns(SEEDS, human, (seed) => person(seed, "Li Na", "kefu.li@acme.cn")));
    none(wrongRuns(SEEDS, human, (seed) => guest(seed, "Rebecca Crew", "r.crew@acme.com")));
  });

  it("a region-coded team, a staff-named team and an idle job account are reviewed", () => {
    none(wrongRuns(SEEDS, (v) => v === "likely-bot", (seed) => team(seed, "Finance MEA", "finance.mea@acme.com")));
    none(wrongRuns(SEEDS, (v) => v === "likely-bot", (seed) => team(seed, "Pharmacy Technicians", "pharmacy@hospital.org")));
    none(wrongRuns(SEEDS, notHuman, (seed) => idle(seed, { name: "Weekly KPI Report (DO NOT DELETE)", email: "kpi-report@acme.com" })));
    none(wrongRuns(SEEDS, notHuman, (seed) => idle(seed, { name: "Payroll (Servicekonto)", email: "payroll-sk@acme.de", department: "IT" })));
  });
});
