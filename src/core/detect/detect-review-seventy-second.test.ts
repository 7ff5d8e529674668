// Attack round on the rules of the two commits before it: `departmentNamed` (a display name made
// of the org's own department and job-title words, learned per audit by `OrgVocabulary`), the
// job-title guards `DEVICE_TITLE` and `titleIsName`, `WARD_DESK` with `wardPerson`, `surnameFirst`,
// `SURNAME_ROOM`, `sharedNoteAbroad`, `BUREAU_FIRST`/`OFFICE_WORD_FIRST`, `ON_CALL_FIRST`,
// `demoAccount`, the RPA runtimes' agents (`RPA_AGENT`) and the load-test name patterns.
// Mostly PEOPLE who must stay `human`; at the end BOTS and shared accounts that a slight variation
// of the new rules' words lets escape (they must not be `human`).
//
// First run: 43 of 68 failed, 30 of 52 people reviewed (`likely-bot`, shared-use) and 13 of 16
// bots missed. People: `departmentNamed` on a person whose given name and surname are both the
// org's words (Mercy Grant, Grant Ward, Victoria Wing), written SURNAME Given, in a small clinic, a
// manager whose name HR writes as his reports' department, a display name that fell back to the
// department at a person's mailbox; `wardPerson` where the mailbox is no given.surname of the whole
// name (msmith@, jdoe@, mary@, dl4821@, SMITH Mary); a title that is the name before a person's
// name in a note; "Servizio Giulia" at `gservizio@`; "Julie Martin – partagée" at `jm4412@`; a
// person's attended robot through UiPath's Executor. Fixed: `departmentNamed` needs a whole
// department whose words the org uses outside it, or a team's noun, a mailbox of the name's words
// alone, no name written surname first, and learns no words from a department that is a person's
// name; given names are counted over people with a person's job title (`givenNameCount`: many
// teams' accounts start with the same word); `wardPerson` reads the names before the role, their
// initials or run together, and SURNAME Given; `titleIsName` keeps a note's name; an agent that
// says it is attended is no robot's. Bots added: on-call last in German, "casella condivisa",
// "Usuario Demo", "UiPath-Robot". Left out, still `human`: "Chaplaincy Office" (the titles say
// Chaplain), "Pharm Intake" and "SupplyChain Requests" (words cut or run together), "Patient
// Access Scheduling" (no whole department, no team's noun), five words, a team on one
// authenticator without codes (no shared sign-ins seen), a department copied into the team's job
// title, "Bureau Studentzaken" (Bureau before a capital is a surname too) and a room named after a
// person ("Salle Pasteur 102", Pasteur read as a given name).
import { describe, expect, it } from "vitest";
import { account, DAY, REF_MS, token, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import { guest, judged, person, recentUi, team, untitled } from "../../../test/helpers/name-attacks.js";
import { attendedClerk, bankSynced, robotWeekdays } from "../../../test/helpers/sign-in-plans.js";
import { codes as codesIn, fourPlaces, roaming as roamingIn, teamInOrg as teamIn, type OrgShape, type Work } from "../../../test/helpers/org-words.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const wrong = (want: (v: Finding["verdict"]) => boolean, judge: (seed: number) => Finding): string[] => wrongRuns(SEEDS, want, judge);
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);

// =============================================================================================
// An org with departments: a hospital group whose campuses and wings carry names that are given
// names and surnames too (Mercy, Grant, Austin, Florence, Victoria, Hope, Sterling, Chase, Faith).
// =============================================================================================

const HOSPITAL: readonly Work[] = [
  ["Mercy Nursing", "Staff Nurse"],
  ["Grant Pharmacy", "Pharmacist"],
  ["Austin Campus Radiology", "Radiographer"],
  ["Florence Ward", "Healthcare Assistant"],
  ["Victoria Wing Surgery", "Surgical Technologist"],
  ["Hope Cancer Centre", "Oncology Nurse"],
  ["Sterling Rehabilitation", "Physiotherapist"],
  ["Chase Outpatient Clinic", "Medical Assistant"],
  ["Faith Community Health", "Chaplain"],
  ["Patient Access", "Registration Clerk"],
  ["Nursing Education", "Nurse Educator"],
  ["Supply Chain", "Buyer"],
  ["Research Grant Administration", "Research Administrator"],
];
/** This file's org: 48 people of `HOSPITAL` unless a case says otherwise. */
const org = (shape: Partial<OrgShape> = {}): OrgShape => ({ n: 48, work: HOSPITAL, ...shape });
const roaming = (seed: number, name: string, email: string, fields: Raw = {}, shape: Partial<OrgShape> = {}, others: Raw[] = []): Finding => roamingIn(seed, name, email, fields, org(shape), others);
const codes = (seed: number, name: string, email: string, shape: Partial<OrgShape> = {}, others: Raw[] = []): Finding => codesIn(seed, name, email, org(shape), others);
const teamInOrg = (seed: number, name: string, email: string, fields: Raw = {}, others: Raw[] = [], withCodes = true): Finding => teamIn(seed, name, email, org(), fields, others, withCodes);

// =============================================================================================
// PEOPLE who must stay `human`.
// =============================================================================================

describe("departmentNamed: a person whose given name and surname are both the org's words", () => {
  it.each([
    ["Mercy Grant", "mercy.grant@health.example", "a unique Mercy whose surname is the Grant campus's"],
    ["Grant Ward", "grant.ward@health.example", "Ward, a common surname, is a department word of every hospital"],
    ["Faith Chase", "fchase@health.example", "Faith and Chase, both campuses"],
    ["Florence Austin", "florence.austin@health.example", "named after a city that is the org's campus"],
    ["Victoria Wing", "victoria.wing@health.example", "Wing, a Chinese surname, beside the Victoria Wing"],
    ["Mercy Ann Grant", "mercy.a.grant@health.example", "a middle name nobody else has"],
    ["Hope Sterling-Chase", "hope.sterling-chase@health.example", "a double-barrelled surname of two campus words"],
    ["Chase Ward", "cward@health.example", "his own department is the Florence Ward"],
  ])("%s at %s (%s), untitled, signing in from office, home, VPN and phone, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => roaming(seed, name, email, name === "Chase Ward" ? { department: "Florence Ward" } : {})));
  });

  it.each([
    ["Hope Sterling", "hope.sterling@health.example", "an agency nurse"],
    ["Victoria Austin", "vaustin@health.example", "a locum physician"],
  ])("%s at %s (%s), invited, an email code at each sign-in, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => codes(seed, name, email)));
  });

  it("Grant Austin at grant.austin@, his name synced into his job title by an HR mapping error, from four places, stays human", () => {
    none(wrong(isHuman, (seed) => roaming(seed, "Grant Austin", "grant.austin@health.example", { jobTitle: "Grant Austin" })));
  });

  it("Mercy Grant, titled Kiosk (the hospital gift shop's kiosk attendant), from four places, stays human", () => {
    none(wrong(isHuman, (seed) => roaming(seed, "Mercy Grant", "mercy.grant@health.example", { jobTitle: "Kiosk", department: "Volunteer Services" })));
  });
});

describe("departmentNamed: people the rule already leaves alone (controls)", () => {
  it.each([
    ["Austin Reyes", "austin.reyes@health.example", "a surname that is no work word"],
    ["Hope Okafor", "p004821@health.example", "an employee-number mailbox, an ordinary surname"],
    ["Grant Nurse", "grant.nurse@health.example", "Nurse, a surname that ends the org's job titles"],
    ["Ward, Victoria", "victoria.ward@health.example", "a comma directory's surname first"],
  ])("%s at %s (%s), untitled, from four places, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => roaming(seed, name, email)));
  });

  it("Mercy Grant titled Staff Nurse, from four places, stays human", () => {
    none(wrong(isHuman, (seed) => roaming(seed, "Mercy Grant", "mercy.grant@health.example", { jobTitle: "Staff Nurse" })));
  });

  it("Mercy Grant in an org whose directory syncs no department or job title (no vocabulary), from four places, stays human", () => {
    none(wrong(isHuman, (seed) => roaming(seed, "Mercy Grant", "mercy.grant@health.example", { department: null }, { work: [[null, null]] })));
  });

  it("Mercy Grant beside another Mercy in the org, from four places, stays human", () => {
    const mercy = account("m2", { name: "Mercy Baker", email: "mercy.baker@health.example", department: "Supply Chain", jobTitle: "Buyer" });
    none(wrong(isHuman, (seed) => roaming(seed, "Mercy Grant", "mercy.grant@health.example", {}, {}, [mercy])));
  });
});

describe("departmentNamed: surname-first directories", () => {
  it.each([
    ["WARD Victoria", "victoria.ward@health.example"],
    ["GRANT Hope", "hope.grant@health.example"],
  ])("%s at %s, in a directory that writes every name SURNAME Given, untitled, from four places, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => roaming(seed, name, email, {}, { capsFirst: true })));
  });

  it("GRANT Hope at hope.grant@, an invited locum with email codes, in a SURNAME Given directory, stays human", () => {
    none(wrong(isHuman, (seed) => codes(seed, "GRANT Hope", "hope.grant@health.example", { capsFirst: true })));
  });

  it("Chase Faith at faith.chase@ (surname first, her mailbox given name first), untitled, from four places, stays human", () => {
    none(wrong(isHuman, (seed) => roaming(seed, "Chase Faith", "faith.chase@health.example")));
  });
});

describe("departmentNamed: a display name the HR sync filled with the department", () => {
  it("'Supply Chain' at maria.santos@ (one record whose display name fell back to its department), untitled, from four places, stays human", () => {
    none(wrong(isHuman, (seed) => roaming(seed, "Supply Chain", "maria.santos@health.example", { department: "Supply Chain" })));
  });

  it("'Supply Chain' at maria.santos@ where the sync did the same to two colleagues, stays human", () => {
    const same = [0, 1].map((i) => account(`sc${i}`, { name: "Supply Chain", email: `${["john.baker", "wei.zhang"][i]}@health.example`, department: "Supply Chain", jobTitle: null }));
    none(wrong(isHuman, (seed) => roaming(seed, "Supply Chain", "maria.santos@health.example", { department: "Supply Chain" }, {}, same)));
  });
});

describe("departmentNamed: a small clinic (20 people) and bad HR data", () => {
  const CLINIC: readonly Work[] = [
    ["Hope Street Clinic", "Practice Nurse"],
    ["Chase Pharmacy", "Pharmacy Technician"],
    ["Reception", "Receptionist"],
    ["Practice Management", "Practice Manager"],
    ["Billing", "Billing Clerk"],
  ];
  it("Hope Chase at hope.chase@ in a clinic of 20 whose two sites are Hope Street and Chase, untitled, from four places, stays human", () => {
    none(wrong(isHuman, (seed) => roaming(seed, "Hope Chase", "hope.chase@health.example", { department: "Billing" }, { n: 20, work: CLINIC })));
  });

  it("Hope Chase in a clinic of 20 where no department has three people (every word rare), stays human", () => {
    const rare: Work[] = Array.from({ length: 10 }, (_, i) => [`Team ${["Hope", "Chase", "North", "South", "East", "West", "Lab", "Front", "Back", "Billing"][i]}`, null]);
    none(wrong(isHuman, (seed) => roaming(seed, "Hope Chase", "hope.chase@health.example", { department: null }, { n: 20, work: rare })));
  });

  const MANAGERS: readonly Work[] = [
    ["Grant Mercer", "Staff Nurse"],
    ["Faith Okoro", "Medical Assistant"],
    ["Patient Access", "Registration Clerk"],
    ["Supply Chain", "Buyer"],
  ];
  it.each([
    ["Grant Mercer", "grant.mercer@health.example"],
    ["Faith Okoro", "fokoro@health.example"],
  ])("%s at %s, the manager whose name the HR system writes as his reports' department, untitled, from four places, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => roaming(seed, name, email, { department: "Executive" }, { work: MANAGERS })));
  });
});

describe("titleIsName and DEVICE_TITLE: people whose job title is a device's or their own name", () => {
  it("Mary Smith at mary.smith@, a visual merchandiser titled 'Display', from four places, stays human", () => {
    none(wrong(isHuman, (seed) => judged(seed, account("x", { name: "Mary Smith", email: "mary.smith@retail.example", jobTitle: "Display", department: "Visual Merchandising", ...recentUi }), fourPlaces(seed))));
  });

  it.each([
    ["jane.doe@health.example", "her own mailbox"],
    ["jd4821@health.example", "an employee-number mailbox"],
  ])("'Patient Flow Coordinator – Jane Doe' at %s (%s), titled Patient Flow Coordinator, stays human", (email) => {
    none(wrong(isHuman, (seed) => person(seed, "Patient Flow Coordinator – Jane Doe", email, { jobTitle: "Patient Flow Coordinator", department: "Patient Flow" })));
  });
});

describe("WARD_DESK and wardPerson: a nurse who writes her role inline", () => {
  it.each([
    ["Mary Smith Charge Nurse", "msmith@health.example", "initial and surname"],
    ["Mary Smith Charge Nurse", "mary@stlukes-clinic.example", "a small clinic's given-name mailbox"],
    ["Smith Mary Charge Nurse", "mary.smith@health.example", "surname first, not in capitals"],
    ["SMITH Mary Charge Nurse", "mary.smith@health.example", "surname first in capitals, as NHS directories write it"],
    ["Mary Charge Nurse", "mary.j@health.example", "given name alone, mailbox given name and initial"],
    ["Dana Lee Rapid Response RN", "dl4821@health.example", "an employee-number mailbox"],
    ["Mary Smith 4W Nurses Station", "mary.smith@health.example", "her ward's station as a note without a separator"],
    ["Jane Doe Bed Management", "jdoe@health.example", "her team after her name"],
    ["Okafor Chidi Charge Nurse", "chidi.okafor@health.example", "surname first, his mailbox given name first"],
  ])("%s at %s (%s), untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });

  it("Mary Smith Charge Nurse at mary.smith@, an agency nurse invited with email codes, stays human", () => {
    none(wrong(isHuman, (seed) => guest(seed, "Mary Smith Charge Nurse", "mary.smith@health.example")));
  });
});

describe("surnameFirst, SURNAME_ROOM and other people near this round's words", () => {
  it.each([
    ["Servizio Giulia", "gservizio@unimi.example", "surname first, her mailbox initial and surname run together"],
    ["Salle Émilie 4412", "emilie.salle@univ-lyon.example", "an accented given name after Salle"],
    ["Sala Ángel 2.14", "angel.sala@uam.example", "the same in Spanish with a room number"],
    ["Bureau Claire – poste 4412", "cbureau@ulaval.example", "Bureau, a French surname, with her extension"],
    ["Julie Martin – partagée", "jm4412@uni.example", "a shared post at an ID mailbox"],
    ["Bereitschaft Dr. Thomas Müller", "thomas.mueller@klinikum.example", "the on-call doctor's own account, the duty written before his name"],
  ])("%s at %s (%s), untitled, stays human", (name, email) => {
    none(wrong(isHuman, (seed) => untitled(seed, name, email)));
  });

  it.each([
    ["Camille Durand", "camille.durand@infotech.example", "Ingénieure tests de charge"],
    ["Julia Weber", "julia.weber@bank.example", "Lasttest-Ingenieurin"],
    ["Ana Ruiz", "ana.ruiz@infotech.example", "Analista de Pruebas de Carga"],
  ])("%s at %s, synced with job title %s, stays human", (name, email, jobTitle) => {
    none(wrong(isHuman, (seed) => person(seed, name, email, { jobTitle })));
  });

  it("an AP clerk at work whose attended UiPath robot runs through the Executor (started from her Assistant), ~30 calls a day, stays human", () => {
    none(wrong(isHuman, (seed) => attendedClerk(seed, "UiPath.Executor/23.10.2 (Attended; Windows 10)")));
  });
});

// =============================================================================================
// BOTS and shared accounts that a slight variation lets escape: must not be `human`.
// =============================================================================================

describe("departmentNamed: a department's team account in a slightly other spelling", () => {
  it.each([
    ["Grants Office", "grants.office@health.example", "plural of the department's Grant"],
  ])("%s at %s (%s), signed in to from three desks with codes, is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => teamInOrg(seed, name, email)));
  });

  it("'Austin Campus Reception' where one person of the org is named Austin, is reviewed", () => {
    const austin = account("a1", { name: "Austin Lee", email: "austin.lee@health.example", department: "Supply Chain", jobTitle: "Buyer" });
    none(wrong(notHuman, (seed) => teamInOrg(seed, "Austin Campus Reception", "austin.reception@health.example", {}, [austin])));
  });
});

describe("offices, on-call, shared notes, demos and devices in other spellings", () => {
  it.each([
    ["Anästhesie Bereitschaft", "anae.bereitschaft@klinikum.example", "the team's word first, on-call last in German"],
    ["Gruppo Genomica – casella condivisa", "gruppo.genomica@unimi.example", "a shared mailbox in Italian"],
    ["Demo-User 07", "demo-user07@infotech.example", "a demo's words joined by a hyphen"],
    ["Usuario Demo 03", "usuario.demo03@infotech.example", "Spanish word order"],
  ])("%s at %s (%s) is reviewed", (name, email) => {
    none(wrong(notHuman, (seed) => team(seed, name, email)));
  });

  it("an RPA robot on a synced back-office account working through 'UiPath-Robot/23.10.4', is reviewed", () => {
    none(wrong(notHuman, (seed) => judged(seed, bankSynced("Anna Nowak", "anna.nowak@bank.example"), robotWeekdays(seed, "UiPath-Robot/23.10.4"), [token("t1", "x", REF_MS - DAY, "robot-api")])));
  });
});
