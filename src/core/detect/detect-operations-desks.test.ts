// Accounts that a bank's, an airline's and an aid agency's exports hold and that were `human`:
// operations desks at their role addresses (`settlements.ldn@`, `onboarding.sg@`, `kyc-onboarding@`),
// technical accounts named with a directory's code ("TU_JSM_SAPFI"), screens cloned from a person's
// profile ("NOC Screen 2" titled "Software Engineer"), stations and control rooms that shifts share
// from one office address ("Escala PTY", "Load Control"). And people whose own working week rests
// on Friday and Saturday, who sign in each morning in a log that records sign-ins only: they were
// reviewed as scripts on a schedule because their Sundays looked like a weekend's work.
import { describe, expect, it } from "vitest";
import { account, BROWSER, DAY, ev, HOUR, lcg, MIN, REF_MS, type Raw } from "../../../test/helpers/people-audit.js";
import { ADDRESSES, atWorkCodes, judged, recentUi, team, teamSignIns, wrongFor } from "../../../test/helpers/name-attacks.js";
import type { Finding } from "./types.js";

const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const isHuman = (v: Finding["verdict"]): boolean => v === "human";

/** A shared desk, invited, no profile, that several people sign in to from three addresses with an email code each. */
const desk = (seed: number, name: string, email: string, fields: Raw = {}): Finding =>
  judged(seed, account("x", { name, email, managementSource: "invited", jobTitle: null, department: null, picture: null, ...recentUi, ...fields }), teamSignIns(seed, ADDRESSES, true));

/**
 * A desk shifts share round the clock from one office address (a NAT): most shifts (06:00, 14:00,
 * 22:00) on every day of four weeks, weekends too, sign in at their start and update pages through
 * the shift. The log keeps no email codes (it records them from a later date only).
 */
function shifts(seed: number): Raw[] {
  const r = lcg(seed * 13 + 5);
  const out: Raw[] = [];
  for (let d = 28; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    for (const start of [6, 14, 22]) {
      if (r() < 0.25) continue;
      const t = day + (start + r() * 0.5) * HOUR;
      out.push(ev("x", Math.floor(t), { ip: "188.81.93.50", userAgent: BROWSER }));
      for (let w = t + (20 + r() * 60) * MIN; w < day + (start + 7.5) * HOUR; w += (40 + r() * 80) * MIN) out.push(ev("x", Math.floor(w), { action: "page_updated", ip: "188.81.93.50", userAgent: BROWSER }));
    }
  }
  return out;
}
/** One person's rota: four 12-hour shifts on, four off, days (07:00-19:00) and nights (19:00-07:00) in turn, from the office. */
function rota(seed: number): Raw[] {
  const r = lcg(seed * 29 + 1);
  const out: Raw[] = [];
  for (let d = 28; d >= 1; d--) {
    const cycle = (d + seed) % 16;
    if (cycle % 8 >= 4) continue;
    const start = REF_MS - d * DAY + (cycle < 8 ? 7 : 19) * HOUR + r() * 0.4 * HOUR;
    out.push(ev("x", Math.floor(start), { ip: "188.81.93.50", userAgent: BROWSER }));
    for (let w = start + (15 + r() * 40) * MIN; w < start + 11.5 * HOUR; w += (40 + r() * 100) * MIN) out.push(ev("x", Math.floor(w), { action: "page_updated", ip: "188.81.93.50", userAgent: BROWSER }));
  }
  return out;
}
const shiftDesk = (seed: number, name: string, email: string): Finding =>
  judged(seed, account("x", { name, email, managementSource: "synced", mfaEnabled: false, jobTitle: null, department: null, picture: null, ...recentUi }), shifts(seed));

/** A technical account the directory syncs, that a job signs in as at 04:00 each weekday, within seconds. */
function codeJob(seed: number, name: string, email: string, fields: Raw = {}): Finding {
  const r = lcg(seed * 19 + 11);
  const out: Raw[] = [];
  for (let d = 28; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    out.push(ev("x", Math.floor(day + 4 * HOUR + r() * 10_000), { ip: "195.243.26.59" }));
  }
  return judged(seed, account("x", { name, email, managementSource: "synced", mfaEnabled: false, ...recentUi, ...fields }), out);
}

/**
 * A person in an office whose week runs Sunday to Thursday (Dhaka, Amman), in a log that records
 * sign-ins only: one each morning at 08:15-08:50 local (UTC+6), from the office, on most working
 * days; now and then from the phone's Jira app instead.
 */
function sundayWeek(seed: number): Raw[] {
  const r = lcg(seed * 23 + 3);
  const out: Raw[] = [];
  for (let d = 24; d >= 1; d--) {
    const day = REF_MS - d * DAY;
    const weekday = new Date(day).getUTCDay();
    if (weekday === 5 || weekday === 6 || r() < 0.2) continue;
    const phone = r() < 0.15;
    out.push(ev("x", Math.floor(day + (2.25 + r() * 0.55) * HOUR), { ip: phone ? "27.147.105.194" : "203.76.65.85", userAgent: phone ? "Jira/106.1.0 (Android 14; moto g54 5G)" : BROWSER }));
  }
  return out;
}

describe("a bank's and an insurer's operations desks at their role addresses", () => {
  it.each([
    ["Settlements Team London", "settlements.ldn@bank.example"],
    ["Client Onboarding Singapore", "onboarding.sg@bank.example"],
    ["KYC Onboarding Desk", "kyc-onboarding@bank.example"],
    ["Trade Support NY", "tradesupport.ny@bank.example"],
    ["Corporate Actions", "corporate.actions@bank.example"],
    ["Claims Handling", "claims@insurer.example"],
    // A country office's team, its place's code after the role (failed before: human).
    ["Kinshasa Logistics", "logistics.fih@aid.example"],
    ["Beirut Logistics", "logistics.bey@aid.example"],
    // Desks named for what they keep or route (failed before: human).
    ["Traffic", "traffic@agency.example"],
    ["New Business", "newbusiness@agency.example"],
  ])("%s at `%s`, shared with email codes, is reviewed", (name, email) => {
    expect(wrongFor(name, notHuman, (s) => desk(s, name, email))).toEqual([]);
  });
  it("the KYC desk with a person's title copied onto it and a token a report uses is reviewed", () => {
    expect(wrongFor("KYC desk titled", notHuman, (s) => desk(s, "KYC Onboarding Desk", "kyc-onboarding@bank.example", { jobTitle: "Associate, Payments Operations" }))).toEqual([]);
  });
  it.each([
    ["Sam Lending", "sam.lending@bank.example"],
    ["Maria Claims", "maria.claims@insurer.example"],
    ["Kim Custody", "kim.custody@bank.example"],
  ])("%s at their own mailbox `%s`, signing in with email codes, is human", (name, email) => {
    expect(wrongFor(name, isHuman, (s) => atWorkCodes(s, name, email, { jobTitle: "Analyst", department: "Operations" }))).toEqual([]);
  });
});

describe("technical accounts named with a directory's code", () => {
  it.each([
    ["TU_JSM_SAPFI", "tu_jsm_sapfi@bank.example"],
    ["T-ATL-CALYPSO-01", "t-atl-calypso-01@bank.example"],
    ["SVC-CONF-PUBLISH-2", "svc-conf-publish-2@bank.example"],
  ])("%s, synced, signing in at 04:00 each weekday, is reviewed", (name, email) => {
    expect(wrongFor(name, notHuman, (s) => codeJob(s, name, email))).toEqual([]);
  });
  it.each([
    ["ANNE-MARIE DUPONT", "anne-marie.dupont@bank.example"],
    ["JEAN-PAUL-MARIE", "jpm@bank.example"],
    ["AB-1234", "ab1234@bank.example"],
  ])("a person whose display name is %s (capitals, no code of a machine's) is human", (name, email) => {
    expect(wrongFor(name, isHuman, (s) => atWorkCodes(s, name, email, { jobTitle: "Analyst", department: "Finance" }))).toEqual([]);
  });
});

describe("screens with a person's title copied onto them", () => {
  it.each([
    ["NOC Screen 2", "noc-screen2@bank.example"],
    ["Payments Room TV", "payments-tv@bank.example"],
    ["Hangar 4 TV", "tv.hangar4@airline.example"],
    ["Crew Room GRU TV", "crewroom.gru@airline.example"],
    ["AOG Board", "aog.board@airline.example"],
  ])("%s, titled \"Software Engineer\", signing in each morning, is reviewed", (name, email) => {
    expect(wrongFor(name, notHuman, (s) => codeJob(s, name, email, { jobTitle: "Software Engineer", managementSource: "invited" }))).toEqual([]);
  });
  it.each([
    ["Pat Screen", "pat.screen@firm.example"],
    ["Raman TV", "raman.tv@firm.example"],
    ["Anna Board", "anna.board@firm.example"],
  ])("%s, a person with their title, is human", (name, email) => {
    expect(wrongFor(name, isHuman, (s) => atWorkCodes(s, name, email, { jobTitle: "Software Engineer", department: "IT" }))).toEqual([]);
  });
});

describe("stations and control rooms that shifts share", () => {
  it.each([
    ["Escala PTY", "station.pty@ground.example"],
    ["Escale DSS", "station.dss@ground.example"],
    ["Station MIA - Duty Officer", "mia.duty@ground.example"],
    ["Nairobi Station", "nbo@ground.example"],
    ["Load Control", "load.control@airline.example"],
    ["Crew Control", "crew.control@airline.example"],
    ["Safety Office", "safety.office@airline.example"],
    ["OCC Duty Desk", "occ.duty@airline.example"],
    ["Dar es Salaam Station", "dar@ground.example"],
    ["Station SCL - Duty Officer", "scl.duty@ground.example"],
  ])("%s at `%s`, used round the clock and at weekends from one office address, is reviewed", (name, email) => {
    expect(wrongFor(name, notHuman, (s) => shiftDesk(s, name, email))).toEqual([]);
  });
  it("a station in its department (\"Ground Operations\"), shared by shifts, is reviewed", () => {
    expect(wrongFor("Nairobi Station in a department", notHuman, (s) => judged(s, account("x", { name: "Nairobi Station", email: "nbo@ground.example", managementSource: "invited", mfaEnabled: false, jobTitle: null, department: "Ground Operations", picture: null, ...recentUi }), shifts(s)))).toEqual([]);
  });
  it("Escala PTY signed in to from four addresses with email codes is reviewed", () => {
    expect(wrongFor("Escala PTY shared", notHuman, (s) => team(s, "Escala PTY", "station.pty@ground.example"))).toEqual([]);
  });
  it.each([
    ["Lena Hub", "lena.hub@hospital.example"],
    ["AJ Station", "aj.station@police.example"],
    ["Kofi Control", "kofi.control@airline.example"],
  ])("%s, a person on a rota with a department and no job title at their own mailbox, is never reviewed as a team's", (name, email) => {
    for (const seed of [1, 2, 3]) {
      const finding = judged(seed, account("x", { name, email, managementSource: "synced", jobTitle: null, department: "Operations", picture: null, ...recentUi }), rota(seed));
      expect(finding.verdict).not.toBe("bot");
      expect(finding.signals.map((signal) => signal.id)).not.toContain("shared-use");
    }
  });
  it.each([
    ["Ana Station", "ana.station@airline.example"],
    ["Luis Control", "luis.control@airline.example"],
    ["Ann Office", "ann@firm.example"],
  ])("%s, a person on rotating shifts at their own mailbox, is never reviewed as a team's", (name, email) => {
    // A rota of days and nights may read as round-the-clock activity (reviewed as a script's, never
    // `bot`); never as a team's account.
    for (const seed of [1, 2, 3]) {
      const finding = judged(seed, account("x", { name, email, managementSource: "synced", jobTitle: "Duty Officer", department: "Operations", ...recentUi }), rota(seed));
      expect(finding.verdict).not.toBe("bot");
      expect(finding.signals.map((signal) => signal.id)).not.toContain("shared-use");
    }
  });
});

describe("a person whose week rests on Friday and Saturday, in a log of sign-ins only", () => {
  // Failed before: likely-bot (activity-schedule, script-in-use): under 20 events, the rest days
  // were not fitted, and Sundays at work read as weekends like weekdays.
  it("signing in each morning at 08:15-08:50 from the office, now and then from the phone, is human", () => {
    expect(wrongFor("Sunday-to-Thursday week", isHuman, (s) => judged(s, account("x", { name: "Anna van der Berg", email: "avanderberg@aid.example", managementSource: "synced", mfaEnabled: false, jobTitle: null, department: null, picture: null, ...recentUi }), sundayWeek(s)))).toEqual([]);
  });
});

describe("a shift worker's few shifts in a log of sign-ins and sign-outs", () => {
  /** Six 12-hour shifts in two weeks, days (07:00) and nights (19:00) in turn, weekends too: a sign-in at the start, a sign-out at the end, from the operations centre. */
  function fewShifts(seed: number): Raw[] {
    const r = lcg(seed * 41 + 7);
    const out: Raw[] = [];
    for (const [d, hour] of [[14, 7], [13, 7], [12, 19], [7, 7], [6, 7], [5, 19]] as const) {
      const start = REF_MS - d * DAY + (hour - 1) * HOUR - (2 + r() * 18) * MIN;
      out.push(ev("x", Math.floor(start), { ip: "188.81.93.50" }));
      out.push(ev("x", Math.floor(start + 12 * HOUR + r() * 15 * MIN), { action: "user_logout", ip: "188.81.93.50" }));
    }
    return out;
  }
  // Failed before: likely-bot (activity-schedule, script-in-use): shift starts at the shift's hour
  // read as a schedule, and weekend shifts as weekends like weekdays.
  it("an operations controller the IdP keeps, with a full profile, is human", () => {
    expect(wrongFor("controller, 6 shifts", isHuman, (s) => judged(s, account("x", { name: "Filipa Teixeira Correia", email: "filipa.correia@airline.example", managementSource: "synced", mfaEnabled: false, jobTitle: "Flight Dispatcher", department: "Operations Control Centre", ...recentUi }), fewShifts(s)))).toEqual([]);
  });
});

describe("an idle job's account whose name starts with an acronym, at a mailbox of its words", () => {
  /** Invited, no profile, products listed but never used in the UI, a token made months ago and never used, nothing in the log. */
  const idle = (seed: number, name: string, email: string): Finding =>
    judged(
      seed,
      account("x", { name, email, managementSource: "invited", mfaEnabled: false, jobTitle: null, department: null, picture: null, productAccess: [{ key: "confluence", id: "ari:confluence", lastActiveTimestamp: null }] }),
      [],
      [{ id: "t1", accountId: "x", label: "export", status: "ALLOWED", createdAt: new Date(REF_MS - 200 * DAY).toISOString(), expiresAt: new Date(REF_MS + 165 * DAY).toISOString(), lastActiveAt: null }],
    );
  // Failed before: human (the mailbox writes the name's words, as a person's does).
  it("\"EASA Occurrence Export\" at `occurrence.export@` is reviewed", () => {
    expect(wrongFor("EASA Occurrence Export", notHuman, (s) => idle(s, "EASA Occurrence Export", "occurrence.export@airline.example"))).toEqual([]);
  });
  it("a person whose initials come first (\"JP Morgan\" at `jp.morgan@`), with a token made and never used, is human", () => {
    expect(wrongFor("JP Morgan", isHuman, (s) => idle(s, "JP Morgan", "jp.morgan@bank.example"))).toEqual([]);
  });
});

describe("a plant operator's six-day week", () => {
  /** Monday to Saturday for four weeks: a sign-in at 08:30 IST (03:00 UTC) within a quarter of an hour, then issues worked until the afternoon, from the plant. */
  function sixDays(seed: number): Raw[] {
    const r = lcg(seed * 47 + 5);
    const out: Raw[] = [];
    for (let d = 28; d >= 1; d--) {
      const day = REF_MS - d * DAY;
      if (new Date(day).getUTCDay() === 0 || r() < 0.1) continue;
      const start = day + 3 * HOUR + (r() - 0.5) * 15 * MIN;
      out.push(ev("x", Math.floor(start), { ip: "117.148.44.94", userAgent: BROWSER }));
      for (let w = start + (30 + r() * 60) * MIN; w < day + 11 * HOUR; w += (60 + r() * 120) * MIN) out.push(ev("x", Math.floor(w), { action: r() < 0.6 ? "issue_updated" : "comment_created", ip: "117.148.44.94", userAgent: BROWSER }));
    }
    return out;
  }
  // Failed before: likely-bot (activity-schedule, script-in-use): the shift's start is a schedule,
  // and its Saturdays read as weekends like weekdays.
  it("an operator the IdP keeps with a full profile is human", () => {
    expect(wrongFor("operator, six days", isHuman, (s) => judged(s, account("x", { name: "Kavya Rao", email: "kavya.r@plant.example", managementSource: "synced", mfaEnabled: false, jobTitle: "Operator", department: "Manufacturing", ...recentUi }), sixDays(s)))).toEqual([]);
  });
  it("the same six days on an invited account with no profile are still reviewed", () => {
    expect(wrongFor("invited, six days", notHuman, (s) => judged(s, account("x", { name: "Kavya Rao", email: "kavya.r@plant.example", managementSource: "invited", mfaEnabled: false, jobTitle: null, department: null, picture: null, ...recentUi }), sixDays(s)))).toEqual([]);
  });
});
