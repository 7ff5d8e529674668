// A site's or a team's desk at its role address ("Reception Piraeus" at `reception@`, "Finance AP"
// at `finance.ap@`) is signed in to by whoever is on duty, one at a time, from the desk's PC: its
// log looks like one person's working days. Its name says whose it is: the role's word that the
// mailbox holds too, and a place or a team's qualifier, no person's name. It is reviewed as shared
// (`roleAddressDesk`). People at role addresses keep their verdicts: a person's name, the role's
// word alone, a test's words or a person's job title leave the account theirs.
import { describe, expect, it } from "vitest";
import { deskDaysAmongGivenNames, invitedUntitled } from "../../../test/helpers/org-words.js";
import { account, explain, findingOf, lcg, officeDays, snapshotOf, type Raw } from "../../../test/helpers/people-audit.js";
import type { Finding } from "./types.js";

const SEEDS = [1, 2, 3] as const;
const DOMAIN = "meridian.example";

/** Account `a`, at work from the office each weekday, among the org of 120 given names and `others`. */
const deskDays = (seed: number, a: Raw, others: Raw[] = []): Finding => deskDaysAmongGivenNames(DOMAIN, seed, a, others);
const invited = invitedUntitled;
/** `name` at `mailbox` (`invited`, with `fields`) is judged `verdict` in each seed, its shared-use note matching `note` when given. */
function expectEach(verdict: string, name: string, mailbox: string, fields: Raw = {}, note?: RegExp): void {
  for (const seed of SEEDS) {
    const f = deskDays(seed, invited(name, `${mailbox}${DOMAIN}`, fields));
    expect([seed, f.verdict], explain(f)).toEqual([seed, verdict]);
    if (note) expect(f.signals.find((s) => s.id === "shared-use")?.evidence, explain(f)).toMatch(note);
  }
}

describe("a desk at its role address, used as one person uses an account", () => {
  // Failed before: `human` (working hours, interactive logins, recent UI use), as in five
  // independent generators' orgs.
  const DESKS: readonly [string, string][] = [
    ["Reception Piraeus", "reception@"],
    ["Irvine Front Desk", "reception@"],
    ["Seoul Reception", "frontdesk@"],
    ["Recepcja Gądki", "recepcja.gadki@"],
    ["Recepção Matriz", "recepcao@"],
    ["Réception Montréal", "reception.mtl@"],
    ["Finance AP", "finance.ap@"],
    ["Planning OK", "planning.ok@"],
    ["KPI Report Rollmaterial", "reporting@"],
  ];
  it.each(DESKS)("%s at `%s` is reviewed as shared, the desk named", (name, mailbox) => {
    expectEach("likely-bot", name, mailbox, {}, /a desk's role address, named as the desk .*whoever is on duty signs in to it, one at a time/);
  });
  it("so is a desk the IdP keeps, with its department", () => {
    expectEach("likely-bot", "Irvine Front Desk", "reception@", { managementSource: "synced", department: "Office" });
  });
});

describe("people at role addresses keep their verdicts", () => {
  // Each is `human` before and after: the name is a person's, or the role's word alone, or the
  // name's role word is not the mailbox's, or the words are a test's, or a person's title is on it.
  const PEOPLE: readonly [string, string, Raw][] = [
    ["Payroll", "payroll@", {}],
    ["Anna Reception", "reception@", {}],
    ["Support Anna", "support.anna@", {}],
    ["Erik Sales", "office@", {}],
    ["Rich Sales", "office@", {}],
    ["Tëst Ñame", "test_name@", {}],
    ["Front Desk Irvine", "reception@", { jobTitle: "Receptionist", department: "Front Office" }],
    ["Finance AP", "finance.ap@", { jobTitle: "Accounts Payable Clerk", department: "Finance" }],
  ];
  it.each(PEOPLE)("%s at `%s` stays human", (name, mailbox, fields) => {
    expectEach("human", name, mailbox, fields);
  });
  it("a desk's name with a given name the org knows in it stays human (\"Reception Erik\" at `reception.erik@`)", () => {
    expectEach("human", "Reception Erik", "reception.erik@");
  });
});

describe("people at a role address whose given name the org does not know", () => {
  // The review of the first version: `likely-bot` there. The role's word is a surname where a
  // surname is written, or the holder's name follows a note, a comma or an initial, or a short
  // given name ("Li", "Ng") stands where a place's code would, in capitals.
  const PEOPLE: readonly [string, string][] = [
    ["Rodrigo Sales", "sales.br@"],
    ["Thomas Lohn", "lohn.de@"],
    ["SALES Rodrigo", "sales.br@"],
    ["Sales, Rodrigo", "sales.br@"],
    ["Sales - Kiran Patel", "sales.kp@"],
    ["H R Patel", "hr@"],
    ["Finance Li", "finance.li@"],
    ["Planning Ng", "planning.ng@"],
    ["Rodrigo Sales Pereira", "sales.br@"],
    ["Empfang Frau Schmidt", "empfang@"],
  ];
  it.each(PEOPLE)("%s at `%s` stays human", (name, mailbox) => {
    expectEach("human", name, mailbox);
  });
});

describe("two parties joined by an ampersand, at a mailbox of one of their words", () => {
  // Failed before: `human`, as the teams' desks were in two independent generators' orgs. Two
  // people's names so joined are an account both sign in to, as a firm's is.
  const DESKS: readonly [string, string][] = [
    ["Disputes & Chargebacks", "disputes@"],
    ["Exams & Assessment", "exams@"],
    ["Health & Safety", "health.safety@"],
    ["Anna & Erik Berg", "berg.family@"],
    ["Smith & Jones", "smith@"],
  ];
  it.each(DESKS)("%s at `%s` is reviewed as shared", (name, mailbox) => {
    expectEach("likely-bot", name, mailbox, {}, /its name says several people share it/);
  });
  const PEOPLE: readonly [string, string, Raw][] = [
    ["Berg & Lindqvist", "info@", {}],
    ["Disputes & Chargebacks", "disputes@", { jobTitle: "Disputes Analyst", department: "Payments" }],
    ["M&E Quarterly", "me.quarterly@", {}],
  ];
  it.each(PEOPLE)("%s at `%s` keeps the verdict its use gives (no word of the name in the mailbox, a person's title, no spaced ampersand)", (name, mailbox, fields) => {
    expectEach("human", name, mailbox, fields);
  });
});

describe("a shift's account named for the shift, at a mailbox of the name's words", () => {
  // Failed before: `human`, as in three independent generators' orgs.
  it.each([
    ["Prüffeld Nachtschicht", "prueffeld.nacht@"],
    ["DocPro Night Shift", "docpro.nightshift@"],
    ["Zmiana Nocna Bielany", "zmiana.nocna.bielany@"],
    ["Microbiologie Nachtdienst", "mmb.nacht@"],
  ])("%s at `%s` is reviewed as shared", (name, mailbox) => {
    expectEach("likely-bot", name, mailbox, {}, /its name says several people share it/);
  });
  it.each([
    ["Anna Berg Night Shift", "anna.berg@", {}],
    ["Rodrigo Pereira (Night Shift)", "rodrigo.pereira@", {}],
    ["Kwame Mensah Night Shift", "kwame.mensah@", {}],
    ["Wiktor Zmiana", "wiktor.zmiana@", {}],
    ["Nachtschicht Prüffeld", "prueffeld.nacht@", { jobTitle: "Prüffeldtechniker", department: "Prüffeld" }],
  ])("%s at `%s` stays human (a given name, a note, a person's title, a mailbox without the shift's word, a surname)", (name, mailbox, fields) => {
    expectEach("human", name, mailbox, fields);
  });
});

describe("an org whose names teach too few given names to tell", () => {
  // With under 100 given names known, a place's word may be a given name the org has not shown:
  // the desk keeps the verdict its use gives.
  it("leaves \"Reception Piraeus\" at `reception@` human among twelve colleagues", () => {
    const colleagues = Array.from({ length: 12 }, (_, i) => account(`c${i}`, { name: `Colleague${String.fromCharCode(97 + i)} Berg`, email: `c${i}@${DOMAIN}` }));
    for (const seed of SEEDS) {
      const f = findingOf(snapshotOf([account("a", invited("Reception Piraeus", `reception@${DOMAIN}`)), ...colleagues], officeDays(lcg(seed * 17 + 3), "a"), []), "a");
      expect([seed, f.verdict], explain(f)).toEqual([seed, "human"]);
    }
  });
});
