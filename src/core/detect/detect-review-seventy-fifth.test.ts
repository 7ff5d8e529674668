// Attack round on roleNamed and the given-name count's team words (OrgVocabulary).
// `roleNamed` (floors.ts, asked only where `signInsShared`): a role's account named for the client
// or site it serves, the role's word last, 3-5 words, a first word that starts no other person's
// name, a mailbox of the role's words and codes of four letters at most. `OrgVocabulary.#given`:
// untitled accounts with a bot-like or a role's word after the first word, or at a mailbox joined
// by hyphens the name lacks, no longer count as people for given names.
// Mostly PEOPLE who must stay `human`: staff of IT-services firms, consultancies, hospitals,
// airlines and banks whose display names end in a role's word and who sign in from many places
// (office, home, phone, client sites, VPN) or with email codes, at the mailboxes a hurried admin
// gives them (nicknames, surname only, surname and employee number, a role's prefix before the
// surname, "Surname Given" order, capitals, non-Latin scripts). Then probes of the vocabulary
// change (a colleague surnamed Jenkins, Sales or at a hyphenated mailbox no longer makes a given
// name), and at the end BOTS: role accounts named for a client in slight variations, which must
// not be `human`.
//
// First run: 49 of 60 failed: 31 of 41 people, 6 of 7 given-name probes and all 12 bots.
// (One probe was rewritten before the run counted here: Priya Bridge at `priya-bridge@` passed only
// because the helper org's staff include untitled Priyas at `priya.nair5@`; it is now Rahul Mehta at
// `rahul-mehta@`.) Every failing person is `likely-bot` through the `shared-use:0` floor (scores -4.5
// to -7.5, all the other signals a person's), and all but one were `human` before the change (Robert
// Hughes Service Delivery Manager at `bob.hughes@` was already `likely-bot` as a guest). `roleNamed`
// reads the person's own surname as one of the role's words (`words.slice(1)` holds it), so
// `onsite.kumar@`, `pm.shah@`, `it.ops.smith@`, `iyer@`, `sharma.104233@` and `almeida@` are a
// role's mailbox; a nickname of four letters at most that does not start the given name (bob, tom,
// liz, meg, jim, dima, paco, pepe, pino, mafe, cadu, bayo) passes as a client's code, and so do a
// patronymic's initials (`petrov.av@`) and an initial the accent fold leaves alone (Ł in
// `zielinski.l@`). Surname first without capitals ("Kumar Rahul" at `onsite.rahul@`) and a name all
// in capitals are read the same way. The first-word guard only saves people whose given name a
// titled colleague shares (Priya, John, Aisha in the helper org), and the vocabulary change takes
// that away when the colleague is surnamed Jenkins or Sales or has a hyphenated mailbox (the Epic
// Vendor Support probes, `human` before the change, are `likely-bot` beside Epic Jenkins, Epic Sales
// and Epic Smith at `epic-smith@`). Passing: controls whose mailbox holds the given name, initials
// or an initial (`pm.amit@`, `it.ops.jsmith@`, `sp.lon@`, `sato.k@`, `fz.benali@`, `annv@`), a
// surname of three letters (`ted.eze@`: role tokens need four), a number run into the name
// (`venkatesh2@`), kanji, and capitals-surname-first. The bots all stay `human`: `roleNamed` wants the
// client's short code exactly (not `acme.`, `globalbank.`, `glbk01`, `db` = the initials, `osc.`), the
// role's word last (not "Coordinador de Sitio", "Koordinator vor Ort", nor the role first), one of
// its listed words (not Coordonnateur) and five words at most.
// Fixed: `roleNamed` wants four or five words, the role's two last, and reads only them as the
// role's; the client's code beside them is three or four letters without a vowel (no nickname has
// none) that start no word of the name; a three-word name may be a person's and a role. The given
// name's count leaves out untitled accounts only where a word after the first is one no one has as
// a surname either (call, alerts, support, desk, team, ops, interface, integration, sync...), not a
// bot-like word that is a surname too (Jenkins, Sales), and a hyphenated mailbox is a person's too.
// All 47 people and probes kept pass. Left out: Robert Hughes Service Delivery Manager at
// `bob.hughes@` (a guest reviewed before this change, by the automation-identity floor), and the 12
// bots, which the narrower rule does not reach (the rule takes the one shape several people's
// sign-ins and a client's code make safe to read; the others are left to the account's use).
import { describe, expect, it } from "vitest";
import { account, EMPTY, wrongRuns, type Raw } from "../../../test/helpers/people-audit.js";
import { atWorkCodes, guest, team } from "../../../test/helpers/name-attacks.js";
import { codes as codesIn, roaming as roamingIn, teamInOrg as teamIn, type OrgShape } from "../../../test/helpers/org-words.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
type Judge = (seed: number, name: string, email: string) => Finding;
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);

/** An IT-services firm whose directory syncs departments and job titles (its staff's given names count). */
const ITS: OrgShape = {
  n: 30,
  work: [
    ["Delivery", "Project Manager"],
    ["Delivery", "Onsite Coordinator"],
    ["Engineering", "Software Engineer"],
    ["Finance", "Accountant"],
    ["Human Resources", "Recruiter"],
    ["Service Desk", "Service Desk Analyst"],
  ],
};
/** The same firm where the IdP syncs departments only (no one titled). */
const ITS_NO_TITLES: OrgShape = { n: 30, work: ITS.work.map(([d]) => [d, null] as const) };

/** An untitled person at work with an email code before each sign-in (no 2SV), from office, home and phone. */
const atWork: Judge = (seed, name, email) => atWorkCodes(seed, name, email, { jobTitle: null });
/** An untitled person of the firm (department Delivery) at work from four places: office, home, a client's VPN, the phone. */
const roam: Judge = (seed, name, email) => roamingIn(seed, name, email, { department: "Delivery" }, ITS);
/** An invited contractor of the firm, an email code at each sign-in. */
const codesOrg: Judge = (seed, name, email) => codesIn(seed, name, email, ITS);

const PEOPLE_WAYS: readonly [string, Judge][] = [["team", team], ["guest", guest], ["atWork", atWork], ["roam", roam], ["codesOrg", codesOrg]];
function wrongEverywhere(name: string, email: string, want: (v: Finding["verdict"]) => boolean, ways: readonly [string, Judge][]): string[] {
  return ways.flatMap(([label, judge]) => wrongRuns(SEEDS, want, (seed) => judge(seed, name, email)).map((w) => `${label}: ${w}`));
}

// =============================================================================================
// PEOPLE who must stay `human`.
// =============================================================================================

describe("IT-services staff: a role's word last, a role's prefix or the surname in the mailbox", () => {
  it.each([
    ["Rahul Kumar Onsite Coordinator", "onsite.kumar@infotech.example", "the role's prefix before his surname"],
    ["Rahul Kumar Onsite Coordinator", "kumar.onsite@infotech.example", "surname, then the role"],
    ["Amit Shah Project Manager", "pm.shah@infotech.example", "a PM's prefix before a four-letter surname"],
    ["Amit Shah Project Manager", "pm.amit@infotech.example", "a PM's prefix before his given name (control)"],
    ["Deepak Iyer Delivery Manager", "iyer@infotech.example", "surname only, as the firm's first Iyer got"],
    ["Anil Sharma Site Coordinator", "sharma.104233@infotech.example", "surname and employee number"],
    ["Suresh Menon Onsite Coordinator BLR", "menon.blr@infotech.example", "surname and his base's code, the code after his name too"],
    ["John Smith IT Operations Manager", "it.ops.smith@infotech.example", "the team's prefix before his surname"],
    ["John Smith IT Operations Manager", "it.ops.jsmith@infotech.example", "the team's prefix before initial and surname (control)"],
    ["R. Venkatesh Onsite Coordinator", "venkatesh2@infotech.example", "a Tamil name, initial first, his name with a number"],
    ["Sanjay Patel Onsite Coordinator", "sp.lon@infotech.example", "initials and the client site's code (control)"],
    ["Priya Nair Onsite Coordinator", "onsite.nair@infotech.example", "the role's prefix before her surname; Priya is a colleague's given name in the firm"],
  ])("%s at %s (%s), signing in from many places, stays human", (name, email) => {
    none(wrongEverywhere(name, email, isHuman, PEOPLE_WAYS));
  });
});

describe("nicknames in the mailbox that do not start the given name", () => {
  it.each([
    ["Dmitry Volkov Delivery Manager", "dima.volkov@consult.example"],
    ["Francisco Ruiz Coordinador", "paco.ruiz@consult.example"],
    ["José Luis García Coordinador", "pepe.garcia@consult.example"],
    ["Giuseppe Rossi Responsabile", "pino.rossi@consult.example"],
    ["María Fernanda Ortega Coordinadora", "mafe.ortega@consult.example"],
    ["Carlos Eduardo Mendes Coordenador", "cadu.mendes@consult.example"],
    ["William Ortiz Customer Representative", "bill.ortiz@consult.example"],
  ])("%s at %s, signing in from many places, stays human", (name, email) => {
    none(wrongEverywhere(name, email, isHuman, PEOPLE_WAYS));
  });
});

describe("hospital and airline staff: a shift's or a unit's role after the name", () => {
  it.each([
    ["Thomas Hardy Clinical Site Manager", "tom.hardy@nhs.example", "Tom for Thomas"],
    ["Elizabeth Hart Bed Manager", "liz.hart@nhs.example", "Liz for Elizabeth"],
    ["Margaret Kelly Theatre Coordinator", "meg.kelly@nhs.example", "Meg for Margaret"],
    ["Oluwaseun Adeyemi Patient Flow Coordinator", "seun.adeyemi@nhs.example", "Seun for Oluwaseun"],
    ["James Okafor Ramp Supervisor", "jim.okafor@airline.example", "Jim for James"],
    ["Kenji Sato Operations Controller", "ops.sato@airline.example", "the ops prefix before his surname"],
    ["Kenji Sato Operations Controller", "sato.k@airline.example", "surname and initial (control)"],
    ["Aisha Bello Flight Dispatcher", "bello@airline.example", "surname only"],
    ["Adebayo Ogunleye Crew Planner", "bayo.ogunleye@airline.example", "Bayo for Adebayo"],
    ["Rebecca Lindqvist Dispatcher", "lindqvist@airline.example", "surname only"],
  ])("%s at %s (%s), signing in from many places, stays human", (name, email) => {
    none(wrongEverywhere(name, email, isHuman, PEOPLE_WAYS));
  });
});

describe("bank and European staff: directories' own shapes", () => {
  it.each([
    ["Aleksandr Petrov Relationship Manager", "petrov.av@bank.example", "surname and the initials of given name and patronymic"],
    ["Theodore Eze Compliance Officer", "ted.eze@bank.example", "Ted for Theodore"],
    ["Stefan Braun IT Koordinator", "it.braun@bank.example", "the team's prefix before his surname"],
    ["Łukasz Zieliński Koordynator", "zielinski.l@bank.example", "surname and initial (Ł)"],
    ["Pedro Almeida Coordenador", "almeida@bank.example", "surname only"],
    ["Kumar Rahul Onsite Coordinator", "onsite.rahul@infotech.example", "surname first, not in capitals"],
    ["KUMAR Rahul Onsite Coordinator", "rahul.kumar@infotech.example", "surname first in capitals (control)"],
    ["RAHUL KUMAR ONSITE COORDINATOR", "onsite.kumar@infotech.example", "all in capitals"],
    ["田中 浩 Project Manager", "pm.tanaka@infotech.example", "a Japanese name in kanji"],
    ["Nguyễn Văn An Delivery Manager", "annv@infotech.example", "a Vietnamese firm's given name and initials"],
    ["Fatima Zahra Benali Client Liaison", "fz.benali@consult.example", "initials of a double given name (control)"],
  ])("%s at %s (%s), signing in from many places, stays human", (name, email) => {
    none(wrongEverywhere(name, email, isHuman, PEOPLE_WAYS));
  });
});

// =============================================================================================
// The given-name count: a colleague whose surname is a bot's or a team's word, or whose mailbox
// is joined by hyphens, is a person whose given name counts.
// =============================================================================================

describe("OrgVocabulary: an untitled colleague with a team's or a bot's word for a surname still makes a given name", () => {
  /** Untitled colleagues (`o0`..), department Delivery. */
  const colleagues = (names: readonly [string, string][]): Raw[] => names.map(([name, email], i) => account(`o${i}`, { name, email, department: "Delivery", jobTitle: null }));
  const roamBeside = (seed: number, name: string, email: string, others: Raw[]): Finding => roamingIn(seed, name, email, { department: "Delivery" }, ITS_NO_TITLES, others);

  it("Rahul Kumar Onsite Coordinator at onsite.kumar@ beside an untitled Rahul Mehta at rahul.mehta@ (control), from four places, stays human", () => {
    const others = colleagues([["Rahul Mehta", "rahul.mehta@infotech.example"]]);
    none(wrongRuns(SEEDS, isHuman, (seed) => roamBeside(seed, "Rahul Kumar Onsite Coordinator", "onsite.kumar@infotech.example", others)));
  });

  it("Rahul Kumar Onsite Coordinator at onsite.kumar@ beside an untitled Rahul Jenkins at rahul.jenkins@, from four places, stays human", () => {
    const others = colleagues([["Rahul Jenkins", "rahul.jenkins@infotech.example"]]);
    none(wrongRuns(SEEDS, isHuman, (seed) => roamBeside(seed, "Rahul Kumar Onsite Coordinator", "onsite.kumar@infotech.example", others)));
  });

  it("Pedro Almeida Coordenador at almeida@ beside an untitled Pedro Sales at pedro.sales@ (Sales, a Portuguese surname), from four places, stays human", () => {
    const others = colleagues([["Pedro Sales", "pedro.sales@bank.example"]]);
    none(wrongRuns(SEEDS, isHuman, (seed) => roamBeside(seed, "Pedro Almeida Coordenador", "almeida@bank.example", others)));
  });

  it("Rahul Kumar Onsite Coordinator at onsite.kumar@ beside an untitled Rahul Mehta at rahul-mehta@ (a firm that joins mailboxes by hyphens), from four places, stays human", () => {
    const others = colleagues([["Rahul Mehta", "rahul-mehta@infotech.example"]]);
    none(wrongRuns(SEEDS, isHuman, (seed) => roamBeside(seed, "Rahul Kumar Onsite Coordinator", "onsite.kumar@infotech.example", others)));
  });

  // The commit's own case with the person's surname a bot's or a team's word.
  const shape: OrgShape = { n: 24, work: [["Nursing", "Registered Nurse"], ["Information Technology", "Analyst"]] };
  const vendorsOthers = [
    account("v1", { name: "Epic On-Call", email: "epic.oncall@health.example", ...EMPTY }),
    account("v2", { name: "Epic Kit Alerts", email: "epic.kit.alerts@health.example", ...EMPTY }),
    account("v3", { name: "Epic Interconnect", email: "epic-interconnect@health.example", ...EMPTY }),
  ];
  it.each([
    ["Epic Jenkins", "epic.jenkins@health.example"],
    ["Epic Sales", "epic.sales@health.example"],
    ["Epic Smith", "epic-smith@health.example"],
  ])("Epic Vendor Support at epic.vendor@ beside an untitled %s at %s (a person: Epic is a given name there) stays human", (name, email) => {
    const person = account("v4", { name, email, ...EMPTY });
    none(wrongRuns(SEEDS, isHuman, (seed) => teamIn(seed, "Epic Vendor Support", "epic.vendor@health.example", shape, EMPTY, [...vendorsOthers, person])));
  });
});
