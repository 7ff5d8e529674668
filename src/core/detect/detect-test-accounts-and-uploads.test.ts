// Test accounts named so in several languages ("Compte test portail", "Prüfkonto Studierende",
// "Utente di prova", "Pentest Uprawnienia Niskie", "Anna Andersson (test)"), an instrument's data
// upload named for it ("SEM Zeiss Gemini (Datenupload)") and a retired job's account with a note
// in brackets ("Lomakepalvelu (poistettu)"): reviewed (at least `likely-bot`) however people use
// them. Beside them, people whose names hold a test's, an upload's or a note's words stay `human`.
// An instrument's word is such a mark ("Spectromètre Raman – envoi des données" at `raman@`).
// An instrument's name with no mark of one ("Messstation Klimadaten (Datenupload)" at
// `klimastation@`) is left to the account's use: nothing in it tells it from a person's name.
// So is an account whose job title says it is shared ("Shared Mailbox", "Funktionspostfach"), one
// whose Arabic name starts with a team's, an office's, a room's or a centre's word, a vendor's
// login beside the vendor's other accounts, and a role's account named for the client it serves
// ("Rheintal Maschinenbau Onsite Coordinator" at `onsite.rhtl@`) that several people sign in to.
import { describe, expect, it } from "vitest";
import { guest, person, team, unloggedInvited, untitled } from "../../../test/helpers/name-attacks.js";
import { account, EMPTY, wrongRuns } from "../../../test/helpers/people-audit.js";
import { teamInOrg, type OrgShape } from "../../../test/helpers/org-words.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
type Judge = (seed: number, name: string, email: string) => Finding;
const notHuman = (v: Finding["verdict"]): boolean => v !== "human";
const isHuman = (v: Finding["verdict"]): boolean => v === "human";
/** Every way an account no person owns is used here: a team's sign-ins, a guest's, none logged, and untitled at work. */
const NOBODYS: readonly [string, Judge][] = [["team", team], ["guest", guest], ["unlogged", unloggedInvited], ["untitled", untitled]];
function wrongEverywhere(name: string, email: string, want: (v: Finding["verdict"]) => boolean, ways: readonly [string, Judge][]): string[] {
  return ways.flatMap(([label, judge]) => wrongRuns(SEEDS, want, (seed) => judge(seed, name, email)).map((w) => `${label}: ${w}`));
}
const none = (w: string[]): void => expect(w, w.join(" || ")).toEqual([]);

describe("test accounts, in several languages", () => {
  it.each([
    ["Compte test portail", "test.portail@uni.example"],
    ["Testaccount ICT", "testaccount.ict@uni.example"],
    ["Test Agent 2nd Level", "test.agent2@uni.example"],
    ["Prüfkonto Studierende", "pruefkonto.stud@uni.example"],
    ["Utente di prova", "utente.prova@uni.example"],
    ["Cuenta de pruebas", "cuenta.pruebas@uni.example"],
    ["Konto testowe", "konto.testowe@uni.example"],
    ["Conta de teste", "conta.teste@uni.example"],
    ["Pentest Uprawnienia Niskie", "pentest.lowpriv@bank.example"],
    ["Test Penetracyjny – Konto B", "pentest.kontob@bank.example"],
    ["Anna Andersson (test)", "anna.andersson.test@agency.example"],
    ["Anna Andersson – TEST", "anna.andersson.test@agency.example"],
    ["Test Patient Radiology", "test.patient.rad@hospital.example"],
    ["Testperson 3", "testperson3@klinikum.example"],
    ["Utenza di test", "utenza.test@ospedale.example"],
    ["Compte recette", "compte.recette@banque.example"],
    ["Pen Tester 2", "pentester2@bank.example"],
  ])("%s at %s is reviewed, whoever signs in", (name, email) => {
    none(wrongEverywhere(name, email, notHuman, NOBODYS));
  });
});

describe("an instrument's data upload, named so after the instrument", () => {
  it.each([
    ["SEM Zeiss Gemini – envoi des données", "sem-gemini.upload@uni.example"],
    ["Cryo-EM Titan Krios – caricamento dati", "cryoem-krios.upload@uni.example"],
    ["Spectromètre Raman – envoi des données", "raman.upload@uni.example"],
  ])("%s at %s, a mailbox that says upload, is reviewed, whoever signs in", (name, email) => {
    none(wrongEverywhere(name, email, notHuman, NOBODYS));
  });

  // Without a department or a job title: the ways of `NOBODYS` but the untitled person's, who keeps one.
  it.each([
    ["SEM Zeiss Gemini (Datenupload)", "sem-gemini@uni.example"],
    ["Orbitrap Exploris MS (data-upload)", "orbitrap@uni.example"],
    ["Microscopio confocale Leica SP8 (Datenupload)", "confocale-sp8@uni.example"],
    ["PacBio Revio – caricamento dati", "pacbio@uni.example"],
  ])("%s at %s, an instrument's name, no profile, is reviewed", (name, email) => {
    none(wrongEverywhere(name, email, notHuman, NOBODYS.filter(([label]) => label !== "untitled")));
  });

  // An instrument's word is its mark: a university's instruments so named were `human`.
  it.each([
    ["Spectromètre Raman – envoi des données", "raman@uni.example"],
    ["Rheometer Anton Paar – envoi des données", "rheometer@uni.example"],
    ["X-ray Diffractometer Rigaku – envoi des données", "xrd@uni.example"],
    ["Mikroskop Zentrallabor (Datenupload)", "mikroskop@uni.example"],
  ])("%s at %s, named for the instrument's kind, no profile, is reviewed", (name, email) => {
    none(wrongEverywhere(name, email, notHuman, NOBODYS.filter(([label]) => label !== "untitled")));
  });

  it.each([
    ["Demeter Anna – envoi des données", "demeter.anna@uni.example"],
    ["Anna Rheometer – Data Upload", "anna.r@uni.example"],
    ["Messstation Klimadaten (Datenupload)", "klimastation@uni.example"],
  ])("%s at %s, a person's name or no instrument's, at work as a person, stays human", (name, email) => {
    none(wrongEverywhere(name, email, isHuman, [["untitled", untitled], ["person", person]]));
  });
});

describe("a retired job's account, a note in brackets after its name", () => {
  it.each([
    ["Lomakepalvelu (poistettu)", "int-lomakepalvelu-poistettu@agency.example"],
    ["Lomakepalvelu (ei käytössä)", "lomakepalvelu@agency.example"],
    ["N4 Integration JEA (old)", "n4.integration.jea.old@port.example"],
    ["Blankettjänst (avvecklad)", "blankettjanst-avvecklad@agency.example"],
    ["Skjematjeneste (avviklet)", "svc-skjematjeneste-avviklet@agency.example"],
  ])("%s at %s is reviewed", (name, email) => {
    none(wrongEverywhere(name, email, notHuman, NOBODYS));
  });
});

describe("a shared account that says so in its job title, or an Arabic team's name", () => {
  it.each([
    ["IT Helpdesk Karachi", "ithelpdesk@port.example", "Shared Mailbox"],
    ["Gate Desk Jebel Ali", "gatedesk.jea@port.example", "Shared Account"],
    ["Maria Lopez", "maria.lopez@port.example", "Generic Account"],
    ["Leitstand Hamburg", "leitstand.ham@port.example", "Funktionspostfach"],
    ["Accueil Lyon", "accueil.lyon@port.example", "Compte partagé"],
  ])("%s at %s, titled %s, synced with a full profile and at work as a person, is reviewed", (name, email, jobTitle) => {
    none(wrongRuns(SEEDS, notHuman, (seed) => person(seed, name, email, { jobTitle })));
  });

  it.each([
    ["فريق التخطيط - الدمام", "planning.dmm@port.example"],
    ["مكتب البوابة - جدة", "gate.jed@port.example"],
    ["غرفة العمليات - الدمام", "ops.room.dmm@port.example"],
    ["مركز التحكم - السخنة", "control.sok@port.example"],
  ])("%s at %s is reviewed, whoever signs in", (name, email) => {
    none(wrongEverywhere(name, email, notHuman, NOBODYS));
  });

  it.each([
    ["Maria Lopez", "maria.lopez@port.example", "Shared Services Analyst"],
    ["Omar Haddad", "omar.haddad@port.example", "Team Lead"],
    ["Sara Berg", "sara.berg@port.example", "Group Controller"],
  ])("%s at %s, titled %s, stays human", (name, email, jobTitle) => {
    none(wrongRuns(SEEDS, isHuman, (seed) => person(seed, name, email, { jobTitle })));
  });

  it.each([
    ["محمد العتيبي", "mohammed.alotaibi@port.example"],
    ["عبدالله القحطاني", "a.alqahtani@port.example"],
    ["خديجة الشمري", "khadija.alshammari@port.example"],
  ])("%s at %s, a person in Arabic script, stays human", (name, email) => {
    none(wrongEverywhere(name, email, isHuman, [["untitled", untitled], ["person", person]]));
  });
});

describe("a vendor's login beside the vendor's other accounts", () => {
  // The vendor's name starts its integrations' and on-call accounts' names too: at mailboxes of a
  // team's words or joined by hyphens, they make no given name of it.
  const shape: OrgShape = { n: 24, work: [["Nursing", "Registered Nurse"], ["Information Technology", "Analyst"]] };
  const vendorsOthers = [
    account("o1", { name: "Epic On-Call", email: "epic.oncall@health.example", ...EMPTY }),
    account("o2", { name: "Epic Kit Alerts", email: "epic.kit.alerts@health.example", ...EMPTY }),
    account("o3", { name: "Epic Interconnect", email: "epic-interconnect@health.example", ...EMPTY }),
  ];
  it("Epic Vendor Support at epic.vendor@, signed in to by the vendor's engineers with email codes, is reviewed", () => {
    none(wrongRuns(SEEDS, notHuman, (seed) => teamInOrg(seed, "Epic Vendor Support", "epic.vendor@health.example", shape, EMPTY, vendorsOthers)));
  });
  it("beside an untitled Epic Smith at epic.smith@, a person, it stays human: Epic is a given name there", () => {
    const person = account("o4", { name: "Epic Smith", email: "epic.smith@health.example", ...EMPTY });
    none(wrongRuns(SEEDS, isHuman, (seed) => teamInOrg(seed, "Epic Vendor Support", "epic.vendor@health.example", shape, EMPTY, [...vendorsOthers, person])));
  });
});

describe("a role's account named for the client it serves, signed in to by whoever holds the role", () => {
  it.each([
    ["Rheintal Maschinenbau Onsite Coordinator", "onsite.rhtl@it.example"],
    ["Brightwell Energy Onsite Coordinator", "onsite.brwl@it.example"],
    ["Helix Pharma Service Manager", "service.hlxp@it.example"],
    ["Pinnacle Telecom Onsite Coordinator - BLR", "onsite.pncl@it.example"],
  ])("%s at %s, several people's sign-ins with email codes, is reviewed", (name, email) => {
    none(wrongEverywhere(name, email, notHuman, [["team", team], ["guest", guest]]));
  });

  it.each([
    ["Priya Nair Onsite Coordinator", "onsite.priya@it.example"],
    ["Priya Nair Onsite Coordinator", "onsite.pn@it.example"],
    ["Priya Nair Onsite Coordinator", "priya.nair@it.example"],
    ["Anna Maria Lopez Manager", "manager.aml@it.example"],
    ["Kwame Mensah Site Coordinator", "kmensah@it.example"],
    ["Ravi Kumar Delivery Manager", "delivery.ravi@it.example"],
    ["Rahul Kumar Onsite Coordinator", "onsite.kumar@it.example"],
    ["Dmitri Volkov Onsite Coordinator", "onsite.dima@it.example"],
    ["Rebecca Lindqvist Dispatcher", "lindqvist@it.example"],
  ])("%s at %s, a person with the role, stays human however many places they sign in from", (name, email) => {
    none(wrongEverywhere(name, email, isHuman, [["team", team], ["guest", guest], ["untitled", untitled], ["person", person]]));
  });
});

describe("people beside the same words (pins)", () => {
  const PEOPLE: readonly [string, Judge][] = [["untitled", untitled], ["person", person], ["team", team]];
  it.each([
    ["Anna Test", "anna.test@uni.example"],
    ["Pat Smith (Testing)", "pat.smith@uni.example"],
    ["Pat Smith - QA Testing", "pat.smith@uni.example"],
    ["Uwe Prüfer", "uwe.pruefer@uni.example"],
    ["Maria Prova", "maria.prova@uni.example"],
    ["Quentin User", "quentin.user@uni.example"],
    ["Priya Nair - Data Upload", "priya.nair@uni.example"],
    ["Priya Nair (Data Upload)", "p.nair@uni.example"],
    ["Maria Silva (Payroll)", "maria.silva@uni.example"],
    ["KOWALSKA ANNA (Finance)", "anna.kowalska@uni.example"],
    ["JOHN SMITH (Old account)", "john.smith@uni.example"],
    ["Maricel Santos (QA Agent)", "maricel.santos@uni.example"],
    ["Lena Fischer – Trial Customer Success", "lena.fischer@uni.example"],
    ["Robert Smith – Data Upload", "bob.smith@uni.example"],
    ["Hiroshi Tanaka (Data Upload)", "h-tanaka@uni.example"],
    ["Anna Test (Old)", "anna.test@uni.example"],
    ["Giulia Conta", "giulia.conta@uni.example"],
    ["Trial Lawyer Jones", "k.jones@uni.example"],
  ])("%s at %s stays human", (name, email) => {
    none(wrongEverywhere(name, email, isHuman, PEOPLE));
  });
});
