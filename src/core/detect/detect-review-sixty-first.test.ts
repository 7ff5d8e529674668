// Sixty-first attack, on 87b3a3a, 0d2a226 and 39d228f: a team's name that starts with no given
// name at a mailbox of its words, and shifts' use of a team's account from twelve hours of the day
// (a department allowed); scheduled sign-ins off hours on half the sign-in days where the log holds
// no work of the account's; an idle account with a token whose name starts with three capitals or
// more, at a mailbox of its words.
//
// (a) People: directories that write the surname first in capitals ("NGUYEN Van An", "KIM
// Min-jun", "DUPONT Marie"), Bangladeshi initials of three letters ("AKM Fazlul Haque", "ABM
// Shafiqul Islam"), the US placeholder for a single name ("FNU Lakshmi"), role-first display names
// ("SAP Consultant – Jane Doe"): new joiners whose token is made and not yet used, people on long
// leave. Weekend-night nurses and guards with a department and a surname that is a team's word
// ("Lena Hub", "AJ Station"). Nurses, guards and bakers whose log holds sign-ins only, at the start
// of an early or weekend shift. Never `bot`; `human` where clearly ordinary.
// (b) Bots near these rules: idle exports named with an acronym, a scraper's timetable of sign-ins,
// a station's account a script polls round the clock, a feed with an acronym in cloud: at least
// `likely-bot`.
// Left failing, and kept out of this file, as before these rules: a scraper signing in at 03:00 on
// Saturdays and Sundays only ("Weekend Rates Pull", invited, 2SV on, UI used) is `human`: a login
// schedule alone raises no review.
import { describe, expect, it } from "vitest";
import { account, atLeastLikelyBot, BROWSER, CLOUD, DAY, EMPTY, ev, HOUR, isHuman, lcg, MIN, REF_MS, tokenCall, type Raw } from "../../../test/helpers/people-audit.js";
import { IPHONE, judged, personDays, recentUi, wrongFor } from "../../../test/helpers/name-attacks.js";
import type { Finding } from "./types.js";

const notBot = (v: Finding["verdict"]): boolean => v !== "bot";
const iso = (ms: number): string => new Date(ms).toISOString();
const weekday = (d: number): number => new Date(REF_MS - d * DAY).getUTCDay();
const HOSPITAL = "193.62.191.20";

/** A token made `madeDaysAgo` and never used. */
const unusedToken = (madeDaysAgo: number, label = "api"): Raw => ({
  id: "t1",
  accountId: "x",
  label,
  status: "ALLOWED",
  createdAt: iso(REF_MS - madeDaysAgo * DAY),
  expiresAt: iso(REF_MS + 300 * DAY),
  lastActiveAt: null,
});
/** A token made long ago, last used `lastDaysAgo`. */
const oldToken = (lastDaysAgo: number, label = "jira-cli"): Raw => ({
  id: "t1",
  accountId: "x",
  label,
  status: "ALLOWED",
  createdAt: iso(REF_MS - 300 * DAY),
  expiresAt: iso(REF_MS + 300 * DAY),
  lastActiveAt: iso(REF_MS - lastDaysAgo * DAY),
});

/**
 * A new joiner invited a few days ago, no profile yet (the IdP has not synced them), who made an
 * API token on their first day for a tool they have not set up yet, and has not yet opened a
 * product: nothing in the log.
 */
const newJoiner = (seed: number, name: string, email: string, fields: Raw = {}): Finding =>
  judged(
    seed,
    account("x", { name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: null }], ...fields }),
    [],
    [unusedToken(3, "jira-cli")],
  );
/** On parental leave for four months: the UI last used 120 days ago, a personal CLI token last used 125 days ago, nothing in the log. */
const longLeave = (seed: number, name: string, email: string, fields: Raw = {}): Finding =>
  judged(
    seed,
    account("x", { name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY, productAccess: [{ key: "jira-software", id: "ari:jira", lastActiveTimestamp: iso(REF_MS - 120 * DAY) }], ...fields }),
    [],
    [oldToken(125)],
  );

/**
 * A nurse or guard on weekend nights (Friday, Saturday and Sunday 19:00-07:00) and one weekday
 * night in two: a sign-in at 18:40-19:20 from the hospital and pages looked up and updated through
 * the night, sparser after 02:00.
 */
function weekendNights(seed: number, skip = 0.08): Raw[] {
  const r = lcg(seed * 41 + 9);
  const out: Raw[] = [];
  for (let d = 35; d >= 1; d--) {
    const wd = weekday(d);
    const on = wd === 5 || wd === 6 || wd === 0 || (wd === 2 && d % 2 === 0);
    if (!on || r() < skip) continue;
    const start = REF_MS - d * DAY + (18.67 + r() * 0.66) * HOUR;
    out.push(ev("x", Math.floor(start), { ip: HOSPITAL, userAgent: BROWSER }));
    for (let w = start + 20 * MIN; w < start + 11.5 * HOUR; w += (25 + r() * 50) * MIN) {
      out.push(ev("x", Math.floor(w), { action: r() < 0.6 ? "page_viewed" : "page_updated", ip: HOSPITAL, userAgent: BROWSER }));
    }
  }
  return out;
}

/**
 * A log that records sign-ins only (the export names their auth type, `session`): one at the start
 * of each shift, `at` hours UTC plus up to `spreadMin` minutes late, on the days `works` picks,
 * from `ip`; now and then from the phone instead.
 */
function shiftSignIns(seed: number, works: (d: number, r: () => number) => boolean, at: number, spreadMin: number, ip = HOSPITAL, days = 30): Raw[] {
  const r = lcg(seed * 59 + 13);
  const out: Raw[] = [];
  for (let d = days; d >= 1; d--) {
    if (!works(d, r)) continue;
    const phone = r() < 0.1;
    out.push(ev("x", Math.floor(REF_MS - d * DAY + at * HOUR + r() * spreadMin * MIN), { ip: phone ? "176.24.88.3" : ip, userAgent: phone ? IPHONE : BROWSER, authType: "session" }));
  }
  return out;
}
/** Four on, four off (a 4x4 rota), weekends included as they fall. */
const fourOnFourOff = (seed: number) => (d: number): boolean => (d + seed) % 8 < 4;
/** Every weekday but one, and Saturday and Sunday on two weekends in three. */
const bakery = (d: number, r: () => number): boolean => {
  const wd = weekday(d);
  if (wd === 0 || wd === 6) return Math.floor(d / 7) % 3 !== 0;
  return wd !== 3 && r() > 0.05;
};
/** Saturdays and Sundays only (a weekend job beside study). */
const weekendsOnly = (d: number): boolean => weekday(d) === 0 || weekday(d) === 6;

const synced = (name: string, email: string, fields: Raw = {}): Raw =>
  account("x", { name, email, managementSource: "synced", mfaEnabled: false, jobTitle: null, picture: null, ...recentUi, ...fields });

describe("(a) people whose name starts with capitals, a token made or idle and nothing in the log", () => {
  it.each([
    ["NGUYEN Van An", "an.nguyen@logistics.example"],
    ["NGUYEN Thi Mai", "nguyen.thi.mai@logistics.example"],
    ["KIM Min-jun", "minjun.kim@logistics.example"],
    ["DUPONT Marie", "marie.dupont@logistics.example"],
    ["GARCÍA LÓPEZ Ana", "ana.garcia@logistics.example"],
    ["AKM Fazlul Haque", "fazlul.haque@logistics.example"],
    ["ABM Shafiqul Islam", "shafiqul.islam@logistics.example"],
    ["FNU Lakshmi", "lakshmi.fnu@logistics.example"],
  ])("a new joiner \"%s\" at `%s` with a token made on day one and not yet used is human", (name, email) => {
    expect(wrongFor(name, isHuman, (s) => newJoiner(s, name, email))).toEqual([]);
  });
  it("a new joiner \"SAP Consultant – Jane Doe\" at `jane.doe@` with an unused token is never a bot", () => {
    expect(wrongFor("SAP Consultant – Jane Doe", notBot, (s) => newJoiner(s, "SAP Consultant – Jane Doe", "jane.doe@logistics.example"))).toEqual([]);
  });
  it("a new joiner \"MBA Intern Priya Nair\" at `priya.nair@` with an unused token is never a bot", () => {
    expect(wrongFor("MBA Intern Priya Nair", notBot, (s) => newJoiner(s, "MBA Intern Priya Nair", "priya.nair@logistics.example"))).toEqual([]);
  });
  it.each([
    ["OKAFOR Chidi", "chidi.okafor@logistics.example"],
    ["AKM Rezaul Karim", "rezaul.karim@logistics.example"],
    ["SCHMIDT Anna", "anna.schmidt@logistics.example"],
  ])("\"%s\" at `%s`, on parental leave for four months, is human", (name, email) => {
    expect(wrongFor(name, isHuman, (s) => longLeave(s, name, email))).toEqual([]);
  });
  it("\"LEE Ji-eun\" at `jieun.lee@`, at work every weekday with her own CLI token, is human", () => {
    expect(wrongFor("LEE Ji-eun at work", isHuman, (s) => judged(s, account("x", { name: "LEE Ji-eun", email: "jieun.lee@logistics.example", ...recentUi }), personDays(s, { cli: true }), [oldToken(1)]))).toEqual([]);
  });
});

describe("(a) people on weekend nights whose surname is a team's word, with a department and no title", () => {
  it.each([
    ["Lena Hub", "lena.hub@hospital.example", "Emergency Department"],
    ["Matthias Hub", "matthias.hub@hospital.example", "Intensive Care"],
    ["AJ Station", "aj.station@hospital.example", "Security"],
    ["Karin Lab", "karin.lab@hospital.example", "Pathology"],
  ])("\"%s\" at `%s` in %s, on weekend nights, is human", (name, email, department) => {
    expect(wrongFor(name, isHuman, (s) => judged(s, synced(name, email, { department, picture: "https://avatar/x.png" }), weekendNights(s)))).toEqual([]);
  });
  it.each([
    ["Lena Hub", "lena.hub@hospital.example", "Emergency Department"],
    ["AJ Station", "aj.station@hospital.example", "Security"],
  ])("\"%s\" at `%s` in %s, never missing a weekend night, is human", (name, email, department) => {
    expect(wrongFor(`${name}, every night`, isHuman, (s) => judged(s, synced(name, email, { department, picture: null }), weekendNights(s, 0)))).toEqual([]);
  });
  it("\"Jonas Weber\" in Emergency Department on the same nights is human", () => {
    expect(wrongFor("Jonas Weber", isHuman, (s) => judged(s, synced("Jonas Weber", "jonas.weber@hospital.example", { department: "Emergency Department", picture: "https://avatar/x.png" }), weekendNights(s)))).toEqual([]);
  });
  it("\"HUB Lena\" (surname first in capitals) at `lena.hub@` on weekend nights is never a bot", () => {
    expect(wrongFor("HUB Lena", notBot, (s) => judged(s, synced("HUB Lena", "lena.hub@hospital.example", { department: "Emergency Department" }), weekendNights(s)))).toEqual([]);
  });
});

describe("(a) people whose log holds only their sign-ins, at the start of early or weekend shifts", () => {
  it("a nurse on a 4x4 rota signing in at 06:45-06:55, in Ward 7, is human", () => {
    expect(wrongFor("4x4 nurse", isHuman, (s) => judged(s, synced("Aoife Brennan", "aoife.brennan@hospital.example", { jobTitle: "Staff Nurse", department: "Ward 7" }), shiftSignIns(s, fourOnFourOff(s), 6.75, 10)))).toEqual([]);
  });
  it("an untitled guard on a 4x4 rota signing in at 05:55-06:03 is never a bot", () => {
    expect(wrongFor("4x4 guard", notBot, (s) => judged(s, synced("Dariusz Nowak", "dariusz.nowak@facilities.example", { department: "Security" }), shiftSignIns(s, fourOnFourOff(s), 5.92, 8, "81.2.69.160")))).toEqual([]);
  });
  it("a baker signing in at 04:30-04:40 six days a week and two weekends in three is human", () => {
    expect(wrongFor("baker", isHuman, (s) => judged(s, synced("Elif Yılmaz", "elif.yilmaz@bakery.example", { jobTitle: "Head Baker", department: "Production", picture: "https://avatar/x.png" }), shiftSignIns(s, bakery, 4.5, 10, "81.2.69.160")))).toEqual([]);
  });
  it("a student on weekend shifts signing in at 08:55-09:05, invited, is never a bot", () => {
    expect(wrongFor("weekend student", notBot, (s) => judged(s, account("x", { name: "Tomás Ruiz", email: "tomas.ruiz@retail.example", managementSource: "invited", mfaEnabled: true, ...EMPTY, ...recentUi }), shiftSignIns(s, weekendsOnly, 8.92, 10, "81.2.69.160", 35)))).toEqual([]);
  });
  it("a care worker signing in at 06:50-07:00 every day of the week, titled, is human", () => {
    expect(wrongFor("care worker", isHuman, (s) => judged(s, synced("Grace Mensah", "grace.mensah@care.example", { jobTitle: "Care Assistant", department: "Home Care", picture: "https://avatar/x.png" }), shiftSignIns(s, (_d, r) => r() > 0.15, 6.83, 10, "81.2.69.160")))).toEqual([]);
  });
});

describe("(b) bots near these rules", () => {
  /** Invited, no profile, a product never used in the UI, a token made `made` days ago and never used, nothing in the log. */
  const idle = (seed: number, name: string, email: string, made = 200): Finding =>
    judged(
      seed,
      account("x", { name, email, managementSource: "invited", mfaEnabled: false, ...EMPTY, productAccess: [{ key: "confluence", id: "ari:confluence", lastActiveTimestamp: null }] }),
      [],
      [unusedToken(made, "export")],
    );
  it.each([
    ["IATA Fare Sync", "fare.sync@airline.example"],
    ["SITA Message Bridge", "message.bridge@airline.example"],
    ["ACARS Feed Import", "acars.feed@airline.example"],
  ])("\"%s\" at `%s`, idle with a token never used, is at least likely-bot", (name, email) => {
    expect(wrongFor(name, atLeastLikelyBot, (s) => idle(s, name, email))).toEqual([]);
  });

  /** Sign-ins at `at` hours UTC within half a minute every day of four weeks from one address, nothing else (auth type `session`). */
  function timetable(seed: number, at: readonly number[], ip: string): Raw[] {
    const r = lcg(seed * 67 + 5);
    const out: Raw[] = [];
    for (let d = 28; d >= 1; d--) for (const h of at) out.push(ev("x", Math.floor(REF_MS - d * DAY + h * HOUR + r() * 30_000), { ip, userAgent: BROWSER, authType: "session" }));
    return out;
  }
  it("a roster scraper signing in at 02:00 and 14:00 every day, invited, is at least likely-bot", () => {
    expect(wrongFor("roster scraper", atLeastLikelyBot, (s) => judged(s, account("x", { name: "Crew Roster Export", email: "crew.roster@airline.example", managementSource: "invited", mfaEnabled: true, ...EMPTY, ...recentUi }), timetable(s, [2, 14], "188.81.114.207")))).toEqual([]);
  });
  it("a robot on a person's cloned profile signing in at 05:00 every day from a cloud address is at least likely-bot", () => {
    expect(wrongFor("cloned robot 05:00", atLeastLikelyBot, (s) => judged(s, synced("Rita Gomes", "rita.gomes@airline.example", { jobTitle: "Planner", department: "Crew Planning" }), timetable(s, [5], CLOUD)))).toEqual([]);
  });
  it("\"Station LIS\" with a department, that a script polls every ten minutes round the clock from the station's address, is at least likely-bot", () => {
    const polls = (seed: number): Raw[] => {
      const r = lcg(seed * 71 + 3);
      const out: Raw[] = [];
      for (let t = REF_MS - 28 * DAY; t < REF_MS; t += 10 * MIN) out.push(ev("x", Math.floor(t + r() * 20_000), { action: "issue_viewed", ip: "188.81.93.50", userAgent: "python-requests/2.31.0" }));
      return out;
    };
    expect(wrongFor("Station LIS poller", atLeastLikelyBot, (s) => judged(s, synced("Station LIS", "lis@ground.example", { department: "Ground Operations" }), polls(s)))).toEqual([]);
  });
  it("\"NOTAM Feed Bridge\" at `notam.feed@`, its token calling every fifteen minutes from a cloud address, is at least likely-bot", () => {
    const calls = (seed: number): Raw[] => {
      const r = lcg(seed * 73 + 1);
      const out: Raw[] = [];
      for (let t = REF_MS - 21 * DAY; t < REF_MS; t += 15 * MIN) out.push(tokenCall("x", Math.floor(t + r() * 10_000), "t1", CLOUD, "python-requests/2.31.0"));
      return out;
    };
    expect(
      wrongFor("NOTAM Feed Bridge", atLeastLikelyBot, (s) =>
        judged(s, account("x", { name: "NOTAM Feed Bridge", email: "notam.feed@airline.example", managementSource: "invited", mfaEnabled: false, ...EMPTY, productAccess: [{ key: "confluence", id: "ari:confluence", lastActiveTimestamp: null }] }), calls(s), [oldToken(0, "notam")]),
      ),
    ).toEqual([]);
  });
});
