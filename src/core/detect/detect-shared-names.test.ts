// Accounts that a utility's and a drug maker's exports hold and that were `human`: lab and
// control-room accounts that people share from one office, named so ("Labor Gemeinsam Basel",
// "Laboratorio Control de Calidad", "Stormdesk"); a plant's shopfloor terminal; a month-end job
// calling from python-requests where the log ties no call to a token; classroom training
// accounts; robots on a person's name that sign in at four fixed times of day in a log that
// records sign-ins only. And the people each rule must leave alone.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, EMPTY, ev, HOUR, lcg, MIN, OFFICE, REF_MS, isWeekend, token, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import { ADDRESSES, judged, person, personDays, recentUi, monthEndCalls, shiftStartSignIns, teamSignIns } from "../../../test/helpers/name-attacks.js";
import type { Finding } from "./types.js";

const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const SEEDS = [1, 2, 3] as const;

/** Who were judged otherwise than `want`, over `SEEDS`. */
const wrong = (want: (v: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);

/** People at work in a shared account from the office (single sign-on: no email codes), as one person would be. */
const labAccount = (seed: number, name: string, email: string, fields: Raw = {}): Finding =>
  judged(seed, account("x", { name, email, managementSource: null, mfaEnabled: false, ...EMPTY, ...recentUi, ...fields }), personDays(seed, { officeOnly: true }));

describe("accounts whose name says they are shared", () => {
  it.each([
    ["Labor Gemeinsam Basel", "labor.basel@pharma.example"],
    ["Laboratorio Control de Calidad", "lab.cc.juncos@pharma.example"],
    ["Shared Lab Boston", "lab.boston@pharma.example"],
    ["QC Lab (Shared)", "qc.lab@pharma.example"],
    ["Bureau partagé Lyon", "bureau.lyon@pharma.example"],
    ["Escala FNC", "station.fnc@airline.example"],
    ["IT Helpdesk Mailbox", "ithelpdeskmail@airline.example"],
    ["Lost & Found Mailbox", "lostfoundmailb@airline.example"],
    ["Postfach Vertrieb", "vertrieb@pharma.example"],
  ])("%s at %s, at work from one office, is reviewed", (name, email) => {
    expect(wrong(notHuman, (seed) => labAccount(seed, name, email))).toEqual([]);
  });

  it("says so in its finding", () => {
    const f = labAccount(1, "Labor Gemeinsam Basel", "labor.basel@pharma.example");
    expect(f.verdict).toBe("likely-bot");
    expect(f.signals.find((s) => s.id === "shared-use")?.evidence).toMatch(/its name says several people share it/);
  });

  it.each([
    ["Lucie Partage", "lucie.partage@acme.example"],
    ["Sharon Sharedian", "sharon.sharedian@acme.example"],
    ["Anna Labor", "anna.labor@acme.example"],
    ["Maricel Buzon", "maricel.buzon@acme.example"],
    ["Tom Mailer", "tom.mailer@acme.example"],
  ])("leaves %s at %s human", (name, email) => {
    expect(wrong((v) => v === "human", (seed) => person(seed, name, email))).toEqual([]);
  });

  it("leaves a lab's own manager, titled so, human", () => {
    expect(wrong((v) => v === "human", (seed) => labAccount(seed, "Laboratorio Central", "lab.central@pharma.example", { jobTitle: "Lab Manager", department: "Quality", picture: "https://avatar/x.png", managementSource: "synced" }))).toEqual([]);
  });
});

describe("control rooms', desks' and classrooms' mailboxes that several people sign in to", () => {
  const team = (seed: number, name: string, email: string): Finding =>
    judged(seed, account("x", { name, email, managementSource: "invited", ...EMPTY, ...recentUi }), teamSignIns(seed, ADDRESSES, true));
  it.each([
    ["Salle de conduite", "control.room@utility.example"],
    ["Control Room", "control.room@utility.example"],
    ["Stormdesk", "stormdesk@utility.example"],
    ["Newsdesk", "newsdesk@media.example"],
    ["Trainee 01", "trainee01@utility.example"],
  ])("%s at %s is reviewed", (name, email) => {
    expect(wrong(notHuman, (seed) => team(seed, name, email))).toEqual([]);
  });

  it.each([
    ["Koen Desk", "kdesk@acme.example"],
    ["Anna Desk", "annadesk@acme.example"],
  ])("leaves %s at %s (a surname) human", (name, email) => {
    expect(wrong((v) => v === "human", (seed) => person(seed, name, email))).toEqual([]);
  });
});

describe("a shopfloor terminal", () => {
  it("named a terminal, is reviewed", () => {
    expect(wrong(notHuman, (seed) => judged(seed, account("x", { name: "Juncos Fill-Finish Terminal", email: "jnc-ff-term@pharma.example", managementSource: "invited", ...EMPTY, ...recentUi }), shiftStartSignIns(seed)))).toEqual([]);
  });
});

describe("work from scripting clients only", () => {
  const noUiRecorded = { productAccess: [{ key: "jira-software", id: "ari:jira" }] };

  it("a month-end job's account, invited, its token last used three weeks ago, is reviewed", () => {
    const f = (seed: number) =>
      judged(seed, account("x", { name: "CREG Returns", email: "creg.returns@utility.example", managementSource: "invited", jobTitle: null, department: "IT", picture: null, ...noUiRecorded }), monthEndCalls(seed), [token("t1", "x", REF_MS - 20 * DAY, "month-end")]);
    expect(wrong(notHuman, f)).toEqual([]);
  });

  it("says its work came from scripting clients alone", () => {
    const f = judged(1, account("x", { name: "CREG Returns", email: "creg.returns@utility.example", managementSource: "invited", jobTitle: null, department: "IT", picture: null, ...noUiRecorded }), monthEndCalls(1), [token("t1", "x", REF_MS - 20 * DAY, "month-end")]);
    expect(f.signals.find((s) => s.id === "script-in-use")?.evidence).toMatch(/all \d+ events with a user agent came from scripting clients \(e\.g\. python-requests\/2\.32\.3\) and it never signed in/);
  });

  it("a developer the IdP keeps with a full profile, working from a CLI alone, is not reviewed for it", () => {
    const f = (seed: number) => judged(seed, account("x", { name: "Ian Eze", email: "ian.eze@uni.example", ...noUiRecorded }), monthEndCalls(seed, "jira-cli/1.5"), [token("t1", "x", REF_MS - 20 * DAY)]);
    expect(wrong((v) => v === "human", f)).toEqual([]);
  });
});

describe("a robot's timetable of sign-ins on a person's name, in a log that records sign-ins only", () => {
  /** Sign-ins at 04:00, 08:00, 12:00 and 16:00 (within five minutes) on every weekday of four weeks, from two hosts of the RPA farm. */
  function fourSlots(seed: number, missShare = 0): Raw[] {
    const r = lcg(seed * 17 + 1);
    const out: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day)) continue;
      for (const h of [4, 8, 12, 16]) {
        if (r() < missShare) continue;
        out.push(ev("x", Math.floor(day + h * HOUR + (r() - 0.5) * 10 * MIN), { ip: r() < 0.5 ? "195.243.26.59" : "195.243.26.60" }));
      }
    }
    return out;
  }
  it("an invited account with no profile, its UI last used today, is reviewed", () => {
    expect(wrong(notHuman, (seed) => judged(seed, account("x", { name: "Mustafa Kraus", email: "mustafa.kraus@bank.example", managementSource: "invited", mfaEnabled: true, ...EMPTY, ...recentUi }), fourSlots(seed)))).toEqual([]);
  });
  it("says the timetable is weak evidence and never makes it `bot`", () => {
    const f = judged(1, account("x", { name: "Mustafa Kraus", email: "mustafa.kraus@bank.example", managementSource: "invited", mfaEnabled: true, ...EMPTY, ...recentUi }), fourSlots(1));
    expect(f.verdict).toBe("likely-bot");
    expect(f.signals.find((s) => s.id === "login-daily-slots")?.evidence).toMatch(/no work of the account's is recorded/);
    expect(f.signals.find((s) => s.id === "script-in-use")?.evidence).toMatch(/its sign-ins keep 4 fixed times of day on \d+ of its \d+ sign-in days or more, with no person's job title or full profile/);
  });
  it("the same sign-ins on a synced account with a person's full profile stay `human`", () => {
    expect(wrong((v) => v === "human", (seed) => judged(seed, account("x", { name: "Mustafa Kraus", email: "mustafa.kraus@bank.example", ...recentUi }), fourSlots(seed)))).toEqual([]);
  });
});

describe("labs named with their place, code-named test users, machines' subdomains and tools' names", () => {
  it.each([
    ["QC Lab Ringaskiddy", "qclab.ringaskiddy@pharma.example"],
    ["Micro Lab Juncos", "microlab.juncos@pharma.example"],
    ["Lab Support Boston", "labsupport.boston@pharma.example"],
  ])("%s at %s, at work from one office, is reviewed", (name, email) => {
    expect(wrong(notHuman, (seed) => labAccount(seed, name, email))).toEqual([]);
  });

  it.each([
    ["Koh Lab", "koh.lab@uni.example"],
    ["Jane Doe Lab", "jdoe@uni.example"],
  ])("leaves %s at %s, a person whose lab the directory appends, human", (name, email) => {
    expect(wrong((v) => v === "human", (seed) => person(seed, name, email))).toEqual([]);
  });

  /** An idle account with a token made a year ago and never used, nothing in the log, the UI not recorded. */
  const idle = (seed: number, name: string, email: string): Finding =>
    judged(seed, account("x", { name, email, managementSource: "invited", ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira" }] }), [], [{ ...token("t1", "x", REF_MS), lastActiveAt: null }]);
  it.each([
    ["VAL_TEST_USER_01 EU", "sys_val_test_01.eu@pharma.example"],
    ["VAL_TEST_USER_01", "val_test_01@pharma.example"],
    ["Exalate Node EU", "exalate_v2@svc.pharma.example"],
    ["Stale Ticket Reaper", "ticket-reaper@svc.pharma.example"],
    ["License Usage Report US", "license-report@bots.pharma.example"],
  ])("%s at %s, idle with a token never used, is reviewed", (name, email) => {
    expect(wrong(notHuman, (seed) => idle(seed, name, email))).toEqual([]);
  });

  it.each([
    ["KIM_MIN_JUN", "minjun.kim@acme.example"],
    ["Jane Smith", "jane.smith@services.acme.example"],
    ["Jane Smith", "jane.smith@svc-group.example"],
    ["Tom Harness", "tom.harness@acme.example"],
  ])("leaves %s at %s human", (name, email) => {
    expect(wrong((v) => v === "human", (seed) => person(seed, name, email))).toEqual([]);
  });

  it("a UI test harness enrolled in 2SV, signing in at 02:05 most days and creating an issue, is reviewed", () => {
    const r = lcg(3);
    const events: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      if (r() < 0.25) continue;
      const t = REF_MS - d * DAY + 2 * HOUR + (4 + r() * 5) * MIN;
      events.push(ev("x", Math.floor(t), { ip: OFFICE, userAgent: BROWSER, authType: "session" }));
      events.push(ev("x", Math.floor(t + 14_000), { action: "issue_created", ip: OFFICE, userAgent: BROWSER, authType: "session" }));
    }
    const f = judged(1, account("x", { name: "UI Test Harness", email: "uitest@pharma.example", managementSource: null, mfaEnabled: true, ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira" }] }), events);
    expect(f.verdict, f.signals.map((s) => s.id).join(" ")).not.toBe("human");
  });
});

describe("a note in brackets that says the account is shared", () => {
  it.each([
    ["QC Desk (Team account)", "qc.desk@pharma.example"],
    ["Microbiologie (generic)", "micro.lyon@pharma.example"],
    ["Bench 4 [Group mailbox]", "bench4@pharma.example"],
  ])("%s at %s, at work from one office, is reviewed", (name, email) => {
    expect(wrong(notHuman, (seed) => labAccount(seed, name, email))).toEqual([]);
  });
});

describe("shops named by their word and their place", () => {
  const shop = (seed: number, name: string, email: string): Finding =>
    judged(seed, account("x", { name, email, managementSource: "invited", ...EMPTY, ...recentUi }), teamSignIns(seed, ADDRESSES, true));
  it.each([
    ["Shop Uppsala", "shop.uppsala@telco.example"],
    ["Shop Malmö Triangeln 2", "shop.malmo-triangeln2@telco.example"],
    ["Filiale München", "filiale.muenchen@retail.example"],
    ["Sklep Kraków", "sklep.krakow@retail.example"],
  ])("%s at %s, signed in to by the staff on shift with email codes, is reviewed", (name, email) => {
    expect(wrong(notHuman, (seed) => shop(seed, name, email))).toEqual([]);
  });
  it.each([
    ["Branch Warren", "branch.warren@acme.example"],
    ["Bolt Tamás", "tamas.bolt@acme.example"],
  ])("leaves %s at %s, a person, human", (name, email) => {
    expect(wrong((v) => v === "human", (seed) => person(seed, name, email))).toEqual([]);
  });
});

describe("sign-ins an export marks with an auth type (single sign-on)", () => {
  /**
   * Office staff: `perDay` sign-ins a day on weekdays for four weeks, each marked `saml`, from
   * the office or home, a code before some; the log keeps little of their work (a page now and then).
   */
  function ssoDays(seed: number, perDay: readonly [number, number] = [1, 3]): Raw[] {
    const r = lcg(seed * 37 + 5);
    const out: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (isWeekend(day) || r() < 0.2) continue;
      const n = perDay[0] + Math.floor(r() * (perDay[1] - perDay[0] + 1));
      for (let k = 0; k < n; k++) {
        const t = day + (7 + r() * 9) * HOUR;
        const ip = r() < 0.6 ? OFFICE : "78.88.24.102";
        if (r() < 0.1) out.push(ev("x", Math.floor(t - 20_000), { action: "user_email_otp_challenge", ip, userAgent: BROWSER }));
        out.push(ev("x", Math.floor(t), { ip, userAgent: BROWSER, authType: "saml" }));
      }
      if (r() < 0.1) out.push(ev("x", Math.floor(day + 15 * HOUR), { action: "page_updated", ip: OFFICE, userAgent: BROWSER }));
    }
    return out;
  }
  it("a synced employee's few sign-ins a day are no flood of sign-ins", () => {
    const judge = (seed: number) => judged(seed, account("x", { name: "Michaela Křížová", email: "michaela.krizova@telco.example", mfaEnabled: false, ...recentUi }), ssoDays(seed, [2, 3]));
    expect(wrong((v) => v === "human", judge)).toEqual([]);
    expect(judge(1).signals.map((s) => s.id)).not.toContain("login-flood");
  });
  it("a browser robot's dozen sign-ins a day, so marked, still are", () => {
    const judge = (seed: number) => judged(seed, account("x", { name: "Report Robot", email: "report.robot@telco.example", managementSource: "invited", ...EMPTY, ...recentUi }), ssoDays(seed, [12, 16]));
    expect(wrong(notHuman, judge)).toEqual([]);
    expect(judge(1).signals.find((s) => s.id === "login-flood")?.evidence).toMatch(/logins on \d+ (?:active days|days with a sign-in), about 1\d\.\d a day/);
  });
});

describe("duty roles, field teams' role addresses and newsroom screens", () => {
  const team = (seed: number, name: string, email: string): Finding =>
    judged(seed, account("x", { name, email, managementSource: "invited", ...EMPTY, ...recentUi }), teamSignIns(seed, ADDRESSES, true));
  it.each([
    ["Duty Editor", "duty.editor@media.example"],
    ["On-Call Engineer", "oncall.engineer@telco.example"],
    ["Field Dispatch", "dispatch@telco.example"],
  ])("%s at %s, signed in to by whoever is on duty with email codes, is reviewed", (name, email) => {
    expect(wrong(notHuman, (seed) => team(seed, name, email))).toEqual([]);
  });
  it("leaves Tom Dispatch at dispatch@ (his surname, his one-person firm's address) human", () => {
    expect(wrong((v) => v === "human", (seed) => person(seed, "Tom Dispatch", "dispatch@tomdispatch.example"))).toEqual([]);
  });

  /** A screen's sign-in each morning at 02:55 from the newsroom, its single-sign-on marked, nothing else recorded. */
  function screenMornings(seed: number): Raw[] {
    const r = lcg(seed * 3 + 2);
    const out: Raw[] = [];
    for (let d = 14; d >= 1; d--) out.push(ev("x", Math.floor(REF_MS - d * DAY + 2 * HOUR + (52 + r() * 5) * MIN), { ip: "193.247.120.2", authType: "sso" }));
    return out;
  }
  it.each([
    ["Newsroom Screen", "newsroom-screen@media.example"],
    ["Sport Desk TV", "sportdesk-tv@media.example"],
  ])("%s at %s is reviewed", (name, email) => {
    expect(wrong(notHuman, (seed) => judged(seed, account("x", { name, email, managementSource: "invited", ...EMPTY, ...recentUi }), screenMornings(seed)))).toEqual([]);
  });
  it("leaves Pat Screen at pat.screen@ human", () => {
    expect(wrong((v) => v === "human", (seed) => person(seed, "Pat Screen", "pat.screen@acme.example"))).toEqual([]);
  });
});
